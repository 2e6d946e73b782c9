# The Azure ML workspace and the resources it depends on.

resource "azurerm_storage_account" "this" {
  name                            = "st${substr(local.compact, 0, 16)}${local.suffix}"
  resource_group_name             = data.azurerm_resource_group.this.name
  location                        = data.azurerm_resource_group.this.location
  account_tier                    = "Standard"
  account_replication_type        = "LRS"
  min_tls_version                 = "TLS1_2"
  allow_nested_items_to_be_public = false
  tags                            = var.tags
}

resource "azurerm_key_vault" "this" {
  name                       = "kv${substr(local.compact, 0, 16)}${local.suffix}"
  location                   = data.azurerm_resource_group.this.location
  resource_group_name        = data.azurerm_resource_group.this.name
  tenant_id                  = data.azurerm_client_config.current.tenant_id
  sku_name                   = "standard"
  purge_protection_enabled   = true
  soft_delete_retention_days = 7
  tags                       = var.tags
}

# Application Insights needs a Log Analytics workspace since classic Application Insights was retired.
resource "azurerm_log_analytics_workspace" "this" {
  name                = "log-${local.name}"
  location            = data.azurerm_resource_group.this.location
  resource_group_name = data.azurerm_resource_group.this.name
  sku                 = "PerGB2018"
  retention_in_days   = 30
  tags                = var.tags
}

resource "azurerm_application_insights" "this" {
  name                = "appi-${local.name}"
  location            = data.azurerm_resource_group.this.location
  resource_group_name = data.azurerm_resource_group.this.name
  workspace_id        = azurerm_log_analytics_workspace.this.id
  application_type    = "web"
  tags                = var.tags
}

resource "azurerm_container_registry" "this" {
  name                = "cr${substr(local.compact, 0, 40)}${local.suffix}"
  resource_group_name = data.azurerm_resource_group.this.name
  location            = data.azurerm_resource_group.this.location
  sku                 = "Standard"
  # Pulls and pushes authenticate with Entra ID identities, never the shared admin user.
  admin_enabled = false
  tags          = var.tags
}

resource "azurerm_machine_learning_workspace" "this" {
  name                    = "mlw-${substr(var.project, 0, 20)}-${substr(var.environment, 0, 8)}"
  location                = data.azurerm_resource_group.this.location
  resource_group_name     = data.azurerm_resource_group.this.name
  description             = "${var.project} (${var.environment}), owned by ${var.team}"
  application_insights_id = azurerm_application_insights.this.id
  key_vault_id            = azurerm_key_vault.this.id
  storage_account_id      = azurerm_storage_account.this.id
  container_registry_id   = azurerm_container_registry.this.id
  tags                    = var.tags

  identity {
    type = "SystemAssigned"
  }
}
