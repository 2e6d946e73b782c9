# Access per persona and the pipeline identity for this environment, read from the custom roles that
# `npm run synth` writes to rbac/gcp/<principal>-<environment>.yaml from the access matrix in
# ai-factory.config.ts. Change access there, never here.
locals {
  rbac_dir        = "${path.module}/../rbac/gcp"
  rbac_principals = ["data-scientist", "data-engineer", "ml-engineer", "model-validator", "domain-expert", "ai-engineer", "pipeline"]

  # A principal without a file has no access in this environment.
  rbac_roles = {
    for principal in local.rbac_principals :
    principal => yamldecode(file("${local.rbac_dir}/${principal}-${var.environment}.yaml"))
    if fileexists("${local.rbac_dir}/${principal}-${var.environment}.yaml")
  }

  # Roles exist for every principal with access; only those mapped to an IAM member are bound.
  rbac_assignments = {
    for principal, role in local.rbac_roles : principal => var.persona_principals[principal]
    if contains(keys(var.persona_principals), principal)
  }
}

resource "google_project_iam_custom_role" "rbac" {
  for_each = local.rbac_roles

  project = var.gcp_project_id
  # Role ids allow letters, digits, "_" and "."; a deleted id stays reserved for 37 days.
  role_id     = replace("${var.project}.${each.key}.${var.environment}", "-", "_")
  title       = each.value.title
  description = each.value.description
  stage       = each.value.stage
  permissions = each.value.includedPermissions

  depends_on = [google_project_service.this]
}

resource "google_project_iam_member" "rbac" {
  for_each = local.rbac_assignments

  project = var.gcp_project_id
  role    = google_project_iam_custom_role.rbac[each.key].name
  member  = each.value
}

# The CI pipeline identity (bootstrap/) gets the pipeline access of this environment.
resource "google_project_iam_member" "ci_pipeline" {
  count = contains(keys(local.rbac_roles), "pipeline") ? 1 : 0

  project = var.gcp_project_id
  role    = google_project_iam_custom_role.rbac["pipeline"].name
  member  = local.ci_pipeline_member
}
