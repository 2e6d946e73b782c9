locals {
  # Workload identity federation needs these APIs before the first token exchange.
  services = toset(["cloudresourcemanager.googleapis.com", "iam.googleapis.com", "iamcredentials.googleapis.com", "serviceusage.googleapis.com", "sts.googleapis.com", "storage.googleapis.com"])
}

resource "google_project_service" "bootstrap" {
  for_each = local.services

  project            = var.gcp_project_id
  service            = each.value
  disable_on_destroy = false
}
