data "azurerm_client_config" "current" {}

locals {
  name = "${var.project}-${var.environment}"
  # Storage, Key Vault, registry and endpoint names are global (or regional) and allow few characters:
  # a short hash of subscription/project/environment keeps them unique and stable across applies.
  compact = replace(local.name, "-", "")
  suffix  = substr(sha1("${data.azurerm_client_config.current.subscription_id}/${local.name}"), 0, 6)
}

resource "azurerm_resource_group" "this" {
  name     = var.resource_group_name
  location = var.region
  tags     = var.tags
}
