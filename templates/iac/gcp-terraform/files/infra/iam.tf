# The identity Vertex AI training jobs and endpoint deployments run as: the artifacts bucket, the image
# repository and Vertex AI itself, nothing else.

resource "google_service_account" "vertex" {
  project      = var.gcp_project_id
  account_id   = "${substr(local.name, 0, 23)}-vtx"
  display_name = "Vertex AI runtime of ${var.project} (${var.environment})"
  description  = "Runs training jobs and serves predictions; owned by ${var.team}"

  depends_on = [google_project_service.this]
}

resource "google_project_iam_member" "vertex_user" {
  project = var.gcp_project_id
  role    = "roles/aiplatform.user"
  member  = local.vertex_member
}

resource "google_project_iam_member" "vertex_logs" {
  project = var.gcp_project_id
  role    = "roles/logging.logWriter"
  member  = local.vertex_member
}

resource "google_storage_bucket_iam_member" "vertex_artifacts" {
  bucket = google_storage_bucket.artifacts.name
  role   = "roles/storage.objectAdmin"
  member = local.vertex_member
}

resource "google_artifact_registry_repository_iam_member" "vertex_images" {
  project    = var.gcp_project_id
  location   = google_artifact_registry_repository.serving.location
  repository = google_artifact_registry_repository.serving.name
  role       = "roles/artifactregistry.reader"
  member     = local.vertex_member
}

# The pipeline submits the Vertex AI jobs and deployments that run as the service account above, which
# needs actAs on that one account (not on the project's).
resource "google_service_account_iam_member" "pipeline_acts_as_vertex" {
  service_account_id = google_service_account.vertex.name
  role               = "roles/iam.serviceAccountUser"
  member             = local.ci_pipeline_member
}

locals {
  vertex_member      = "serviceAccount:${google_service_account.vertex.email}"
  ci_pipeline_member = "serviceAccount:${var.ci_pipeline_identity}@${var.gcp_project_id}.iam.gserviceaccount.com"
}
