output "resource_group_name" {
  description = "Resource group holding the environment."
  value       = data.azurerm_resource_group.this.name
}

output "workspace_name" {
  description = "Azure ML workspace name, for `az ml` and the pipelines."
  value       = azurerm_machine_learning_workspace.this.name
}

output "workspace_id" {
  description = "Azure ML workspace resource id."
  value       = azurerm_machine_learning_workspace.this.id
}

output "training_cluster_name" {
  description = "Compute cluster that training jobs run on."
  value       = azurerm_machine_learning_compute_cluster.training.name
}

output "container_registry_login_server" {
  description = "Registry that serving images are pushed to."
  value       = azurerm_container_registry.this.login_server
}

output "storage_account_name" {
  description = "Storage account of the workspace's default datastore."
  value       = azurerm_storage_account.this.name
}

output "key_vault_id" {
  description = "Key Vault of the workspace."
  value       = azurerm_key_vault.this.id
}

output "online_endpoint_name" {
  description = "Managed online endpoint name, or null when the project does not serve online."
  value       = one(azapi_resource.online_endpoint[*].name)
}

output "online_endpoint_scoring_uri" {
  description = "Scoring URI of the managed online endpoint, or null when the project does not serve online."
  value       = try(azapi_resource.online_endpoint[0].output.properties.scoringUri, null)
}
