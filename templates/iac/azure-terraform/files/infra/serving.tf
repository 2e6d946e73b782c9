# Managed online endpoint. azurerm 4.x releases have no resource for it, so it goes through the ARM API with
# azapi (Microsoft.MachineLearningServices/workspaces/onlineEndpoints). Deployments behind the endpoint
# (instance type, replicas, autoscaling) are rolled out by the deployment pipeline from deploy/azureml/.
resource "azapi_resource" "online_endpoint" {
  count = var.online_endpoint_enabled ? 1 : 0

  type      = "Microsoft.MachineLearningServices/workspaces/onlineEndpoints@2024-04-01"
  name      = "ep-${substr(local.compact, 0, 20)}-${local.suffix}"
  parent_id = azurerm_machine_learning_workspace.this.id
  location  = data.azurerm_resource_group.this.location
  tags      = var.tags

  identity {
    type = "SystemAssigned"
  }

  body = {
    properties = {
      authMode    = "Key"
      description = "Online predictions of ${var.project} (${var.environment})"
    }
  }

  response_export_values = ["properties.scoringUri"]
}
