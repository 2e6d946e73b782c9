# The environment's namespace. Serving and batch workloads are managed manifests (deploy/kubernetes/),
# applied into this namespace by the deployment pipeline; they are not duplicated here.
resource "kubernetes_namespace_v1" "this" {
  metadata {
    name   = var.namespace
    labels = var.tags
    annotations = {
      "ai-factory/team" = var.team
    }
  }
}

resource "kubernetes_service_account_v1" "pipeline" {
  metadata {
    name      = "${var.project}-pipeline"
    namespace = kubernetes_namespace_v1.this.metadata[0].name
    labels    = var.tags
  }
}
