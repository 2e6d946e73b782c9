output "ci_variables" {
  description = "The CI variables of this environment (set them on the CI system's environment of the same name; the first environment's also at repository level, for training)."
  value = {
    AZURE_CLIENT_ID          = azurerm_user_assigned_identity.ci["pipeline"].client_id
    AZURE_DEPLOY_CLIENT_ID   = azurerm_user_assigned_identity.ci["deployer"].client_id
    AZURE_TENANT_ID          = data.azurerm_client_config.current.tenant_id
    AZURE_SUBSCRIPTION_ID    = data.azurerm_client_config.current.subscription_id
    AZURE_RESOURCE_GROUP     = azurerm_resource_group.environment.name
    TF_STATE_RESOURCE_GROUP  = azurerm_resource_group.ci.name
    TF_STATE_STORAGE_ACCOUNT = azurerm_storage_account.state.name
  }
}
