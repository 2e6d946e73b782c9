# Terraform state of the root module in infra/: blob versioning and soft delete (every state ever written
# can be restored), infrastructure encryption on top of the default, TLS 1.2, Entra ID only (no keys).
resource "azurerm_storage_account" "state" {
  name                              = "sttf${substr(replace(local.name, "-", ""), 0, 14)}${local.suffix}"
  resource_group_name               = azurerm_resource_group.ci.name
  location                          = azurerm_resource_group.ci.location
  account_tier                      = "Standard"
  account_replication_type          = "ZRS"
  min_tls_version                   = "TLS1_2"
  https_traffic_only_enabled        = true
  allow_nested_items_to_be_public   = false
  shared_access_key_enabled         = false
  default_to_oauth_authentication   = true
  infrastructure_encryption_enabled = true
  tags                              = var.tags

  blob_properties {
    versioning_enabled = true

    delete_retention_policy {
      days = 30
    }

    container_delete_retention_policy {
      days = 30
    }
  }

  lifecycle {
    prevent_destroy = true
  }
}

resource "azurerm_storage_container" "state" {
  name                  = "tfstate"
  storage_account_id    = azurerm_storage_account.state.id
  container_access_type = "private"
}
