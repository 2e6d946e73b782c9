# Vertex AI endpoint for online predictions. Models deployed to it (machine type, replicas, autoscaling) are
# rolled out by the deployment pipeline from deploy/vertex/.
resource "google_vertex_ai_endpoint" "serving" {
  count = var.online_endpoint_enabled ? 1 : 0

  # Vertex wants a numeric id of at most 10 digits; a hash of project and environment keeps it stable.
  name         = tostring(parseint(substr(sha1("${var.gcp_project_id}/${local.name}"), 0, 8), 16))
  display_name = local.name
  description  = "Online predictions of ${var.project} (${var.environment}), owned by ${var.team}"
  project      = var.gcp_project_id
  location     = var.region
  labels       = var.tags

  depends_on = [google_project_service.this]
}
