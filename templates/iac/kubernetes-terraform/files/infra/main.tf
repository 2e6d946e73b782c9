# The environment's namespace, with its quota and defaults (quota.tf) and the Roles (rbac.tf). Creating a
# namespace is a cluster-scoped right that no project Role holds: whoever applies this module (a cluster
# administrator, or the deployer identity it grants) creates it, apart from the Roles inside it.
# Serving and batch workloads are managed manifests (deploy/kubernetes/), applied into this namespace by
# the deployment pipeline under its own Role; they are not duplicated here.
resource "kubernetes_namespace_v1" "this" {
  metadata {
    name   = var.namespace
    labels = var.tags
    annotations = {
      "ai-factory/team" = var.team
    }
  }
}
