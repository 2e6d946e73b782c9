output "namespace" {
  description = "Namespace of the environment."
  value       = kubernetes_namespace_v1.this.metadata[0].name
}

output "pipeline_user" {
  description = "User the pipeline Role is bound to: the name the cluster's OIDC authenticator reports for the CI token."
  value       = var.pipeline_user
}
