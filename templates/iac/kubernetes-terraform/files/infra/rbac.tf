# Access per persona and the pipeline identity for this environment, read from the Role and RoleBinding
# that `npm run synth` writes to rbac/kubernetes/<principal>-<environment>.yaml from the access matrix in
# ai-factory.config.ts. Change access there, never here.
locals {
  rbac_dir        = "${path.module}/../rbac/kubernetes"
  rbac_principals = ["data-scientist", "data-engineer", "ml-engineer", "model-validator", "domain-expert", "ai-engineer", "pipeline"]

  # Each file holds two YAML documents (Role, RoleBinding); yamldecode reads one at a time.
  rbac_documents = {
    for principal in local.rbac_principals :
    principal => [for document in split("\n---\n", file("${local.rbac_dir}/${principal}-${var.environment}.yaml")) : yamldecode(document)]
    if fileexists("${local.rbac_dir}/${principal}-${var.environment}.yaml")
  }

  rbac_roles = { for principal, documents in local.rbac_documents : principal => one([for d in documents : d if d.kind == "Role"]) }

  # People are bound through the group name their authenticator reports (persona_principals), and
  # skipped without one; the pipeline through the user CI's OIDC token authenticates as (pipeline_user).
  rbac_bindings = {
    for principal, documents in local.rbac_documents : principal => one([for d in documents : d if d.kind == "RoleBinding"])
    if principal == "pipeline" || contains(keys(var.persona_principals), principal)
  }
}

resource "kubernetes_role_v1" "rbac" {
  for_each = local.rbac_roles

  metadata {
    name      = each.value.metadata.name
    namespace = kubernetes_namespace_v1.this.metadata[0].name
    labels    = merge(var.tags, each.value.metadata.labels)
  }

  dynamic "rule" {
    for_each = each.value.rules

    content {
      api_groups = rule.value.apiGroups
      resources  = rule.value.resources
      verbs      = rule.value.verbs
    }
  }
}

resource "kubernetes_role_binding_v1" "rbac" {
  for_each = local.rbac_bindings

  metadata {
    name      = each.value.metadata.name
    namespace = kubernetes_namespace_v1.this.metadata[0].name
    labels    = merge(var.tags, each.value.metadata.labels)
  }

  role_ref {
    api_group = "rbac.authorization.k8s.io"
    kind      = "Role"
    name      = kubernetes_role_v1.rbac[each.key].metadata[0].name
  }

  dynamic "subject" {
    for_each = each.value.subjects

    content {
      kind      = subject.value.kind
      name      = subject.value.kind == "Group" ? var.persona_principals[each.key] : var.pipeline_user
      api_group = "rbac.authorization.k8s.io"
    }
  }
}
