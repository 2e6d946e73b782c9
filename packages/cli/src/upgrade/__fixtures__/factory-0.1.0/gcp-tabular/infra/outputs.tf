output "artifacts_bucket" {
  description = "GCS bucket of training data and model artifacts."
  value       = google_storage_bucket.artifacts.name
}

output "artifact_registry_repository" {
  description = "Docker repository that serving images are pushed to."
  value       = "${google_artifact_registry_repository.serving.location}-docker.pkg.dev/${var.gcp_project_id}/${google_artifact_registry_repository.serving.repository_id}"
}

output "vertex_service_account_email" {
  description = "Service account of Vertex AI training jobs and deployments."
  value       = google_service_account.vertex.email
}

output "endpoint_id" {
  description = "Vertex AI endpoint id, or null when the project does not serve online."
  value       = one(google_vertex_ai_endpoint.serving[*].name)
}
