# The identity CI applies infra/ as, with no secret: the API server authenticates the deployment job's
# OIDC token (its OIDC authenticator trusts the CI issuer) as the user <prefix><sub>. A cluster maps one
# token to one user, so on Kubernetes the deployer is the deployment job's user, and it plans as well;
# the training jobs' user (another subject) gets only the project's Roles of infra/rbac.tf.
locals {
  deployer_users = [for subject in local.deployer_subjects : "${var.oidc_username_prefix}${subject}"]
}

# Creating a namespace, and the quota, defaults and Roles in it, cannot be granted inside a namespace
# that does not exist yet: these rights are cluster-wide, for these kinds only.
resource "kubernetes_cluster_role_v1" "deployer" {
  metadata {
    name   = "${var.namespace}-deployer"
    labels = var.tags
  }

  rule {
    api_groups = [""]
    resources  = ["namespaces"]
    verbs      = ["create", "get", "list", "watch"]
  }

  rule {
    api_groups     = [""]
    resources      = ["namespaces"]
    resource_names = [var.namespace]
    verbs          = ["update", "patch", "delete"]
  }

  rule {
    api_groups = [""]
    resources  = ["resourcequotas", "limitranges"]
    verbs      = ["create", "get", "list", "watch", "update", "patch", "delete"]
  }

  rule {
    # bind and escalate: the project's Roles grant what the deployer itself does not hold.
    api_groups = ["rbac.authorization.k8s.io"]
    resources  = ["roles", "rolebindings"]
    verbs      = ["create", "get", "list", "watch", "update", "patch", "delete", "bind", "escalate"]
  }
}

resource "kubernetes_cluster_role_binding_v1" "deployer" {
  metadata {
    name   = "${var.namespace}-deployer"
    labels = var.tags
  }

  role_ref {
    api_group = "rbac.authorization.k8s.io"
    kind      = "ClusterRole"
    name      = kubernetes_cluster_role_v1.deployer.metadata[0].name
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
