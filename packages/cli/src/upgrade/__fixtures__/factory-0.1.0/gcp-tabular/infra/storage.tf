# Data and model artifacts: versioned, uniform IAM, never public.
resource "google_storage_bucket" "artifacts" {
  # Bucket names are global: the project id makes them unique.
  name                        = "${substr(local.name, 0, 32)}-${var.gcp_project_id}"
  project                     = var.gcp_project_id
  location                    = var.region
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"
  labels                      = var.tags

  versioning {
    enabled = true
  }

  depends_on = [google_project_service.this]
}

resource "google_artifact_registry_repository" "serving" {
  project       = var.gcp_project_id
  location      = var.region
  repository_id = substr(local.name, 0, 63)
  format        = "DOCKER"
  description   = "Serving images of ${var.project} (${var.environment}), owned by ${var.team}"
  labels        = var.tags

  depends_on = [google_project_service.this]
}
