# What each CI identity may do. The pipeline reads: the state, and everything in the environment's
# resource group (plan refreshes it). The deployer writes the state and manages the environment's
# resource group, role definitions and assignments included (infra/rbac.tf), and nothing outside it.

locals {
  principals = { for role, identity in azurerm_user_assigned_identity.ci : role => identity.principal_id }
  grants     = {
    "pipeline state"       = { identity = "pipeline", scope = azurerm_storage_container.state.id, role = "Storage Blob Data Reader" }
    "deployer state"       = { identity = "deployer", scope = azurerm_storage_container.state.id, role = "Storage Blob Data Contributor" }
    "pipeline environment" = { identity = "pipeline", scope = azurerm_resource_group.environment.id, role = "Reader" }
    "deployer environment" = { identity = "deployer", scope = azurerm_resource_group.environment.id, role = "Contributor" }
    # infra/ reads the pipeline identity to grant it its access (plan and apply alike).
    "pipeline identities" = { identity = "pipeline", scope = azurerm_user_assigned_identity.ci["pipeline"].id, role = "Reader" }
    "deployer identities" = { identity = "deployer", scope = azurerm_user_assigned_identity.ci["pipeline"].id, role = "Reader" }
  }
}

resource "azurerm_role_assignment" "ci" {
  for_each = local.grants

  scope                = each.value.scope
  role_definition_name = each.value.role
  principal_id         = local.principals[each.value.identity]
  principal_type       = "ServicePrincipal"
}

# Contributor holds no Microsoft.Authorization writes; infra/rbac.tf defines and assigns the personas' roles.
resource "azurerm_role_definition" "deployer_access" {
  name        = "${local.name} deployer access"
  scope       = azurerm_resource_group.environment.id
  description = "Defines and assigns the roles of ${var.project} (${var.environment}) in its resource group."

  permissions {
    actions = [
      "Microsoft.Authorization/roleDefinitions/read", "Microsoft.Authorization/roleDefinitions/write", "Microsoft.Authorization/roleDefinitions/delete",
      "Microsoft.Authorization/roleAssignments/read", "Microsoft.Authorization/roleAssignments/write", "Microsoft.Authorization/roleAssignments/delete",
    ]
  }

  assignable_scopes = [azurerm_resource_group.environment.id]
}

resource "azurerm_role_assignment" "deployer_access" {
  scope              = azurerm_resource_group.environment.id
  role_definition_id = azurerm_role_definition.deployer_access.role_definition_resource_id
  principal_id       = local.principals["deployer"]
  principal_type     = "ServicePrincipal"
}
