# Terraform state of the root module in infra/: a Secret in its own namespace (encrypted at rest when the
# cluster encrypts Secrets, as it should), locked with a Lease.
resource "kubernetes_namespace_v1" "state" {
  metadata {
    name   = var.state_namespace
    labels = var.tags
  }

  lifecycle {
    prevent_destroy = true
  }
}

# The deployer reads, writes and locks the state.
resource "kubernetes_role_v1" "state" {
  metadata {
    name      = "${var.project}-tfstate"
    namespace = kubernetes_namespace_v1.state.metadata[0].name
    labels    = var.tags
  }

  rule {
    api_groups = [""]
    resources  = ["secrets"]
    verbs      = ["get", "list", "create", "update", "patch", "delete"]
  }

  rule {
    api_groups = ["coordination.k8s.io"]
    resources  = ["leases"]
    verbs      = ["get", "list", "create", "update", "patch", "delete"]
  }
}

resource "kubernetes_role_binding_v1" "state" {
  metadata {
    name      = "${var.project}-tfstate"
    namespace = kubernetes_namespace_v1.state.metadata[0].name
    labels    = var.tags
  }

  role_ref {
    api_group = "rbac.authorization.k8s.io"
    kind      = "Role"
    name      = kubernetes_role_v1.state.metadata[0].name
  }

  dynamic "subject" {
    for_each = local.deployer_users

    content {
      kind      = "User"
      name      = subject.value
      api_group = "rbac.authorization.k8s.io"
    }
  }
}
