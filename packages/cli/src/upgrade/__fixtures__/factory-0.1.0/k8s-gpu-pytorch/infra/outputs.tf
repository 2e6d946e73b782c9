output "namespace" {
  description = "Namespace of the environment."
  value       = kubernetes_namespace_v1.this.metadata[0].name
}

output "pipeline_service_account" {
  description = "Service account the pipelines run as."
  value       = kubernetes_service_account_v1.pipeline.metadata[0].name
}
