# Access per persona and the pipeline identity for this environment, read from the role definitions that
# `npm run synth` writes to rbac/azure/<principal>-<environment>.json from the access matrix in
# ai-factory.config.ts. Change access there, never here.
locals {
  rbac_dir        = "${path.module}/../rbac/azure"
  rbac_principals = ["data-scientist", "data-engineer", "ml-engineer", "model-validator", "domain-expert", "ai-engineer", "pipeline"]

  # A principal without a file has no access in this environment.
  rbac_roles = {
    for principal in local.rbac_principals :
    principal => jsondecode(file("${local.rbac_dir}/${principal}-${var.environment}.json"))
    if fileexists("${local.rbac_dir}/${principal}-${var.environment}.json")
  }

  # Roles are defined for every principal with access; only those mapped to an Entra ID object are assigned.
  rbac_assignments = {
    for principal, role in local.rbac_roles : principal => var.persona_principals[principal]
    if contains(keys(var.persona_principals), principal)
  }
}

resource "azurerm_role_definition" "rbac" {
  for_each = local.rbac_roles

  name        = each.value.Name
  scope       = data.azurerm_resource_group.this.id
  description = each.value.Description

  permissions {
    actions          = each.value.Actions
    not_actions      = each.value.NotActions
    data_actions     = each.value.DataActions
    not_data_actions = each.value.NotDataActions
  }

  assignable_scopes = [for scope in each.value.AssignableScopes : replace(scope, "{resourceGroupScope}", data.azurerm_resource_group.this.id)]
}

resource "azurerm_role_assignment" "rbac" {
  for_each = local.rbac_assignments

  scope              = data.azurerm_resource_group.this.id
  role_definition_id = azurerm_role_definition.rbac[each.key].role_definition_resource_id
  principal_id       = each.value
}

# The CI pipeline identity (bootstrap/) gets the pipeline access of this environment.
resource "azurerm_role_assignment" "ci_pipeline" {
  count = contains(keys(local.rbac_roles), "pipeline") ? 1 : 0

  scope              = data.azurerm_resource_group.this.id
  role_definition_id = azurerm_role_definition.rbac["pipeline"].role_definition_resource_id
  principal_id       = data.azurerm_user_assigned_identity.ci_pipeline.principal_id
  principal_type     = "ServicePrincipal"
}
