data "google_project" "this" {
  project_id = var.gcp_project_id
}

locals {
  name = "${var.project}-${var.environment}"
  services = toset([
    "aiplatform.googleapis.com",
    "artifactregistry.googleapis.com",
    "billingbudgets.googleapis.com",
    "iam.googleapis.com",
    "storage.googleapis.com",
  ])
}

resource "google_project_service" "this" {
  for_each = local.services

  project = var.gcp_project_id
  service = each.value
  # Other projects' resources may share the project; never switch an API off on destroy.
  disable_on_destroy = false
}
