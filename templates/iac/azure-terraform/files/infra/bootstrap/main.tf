data "azurerm_client_config" "current" {}

locals {
  # Storage account names are global, 3-24 lowercase letters and digits: a hash keeps them unique.
  suffix = substr(sha1("${data.azurerm_client_config.current.subscription_id}/${local.name}/tfstate"), 0, 6)
}

resource "azurerm_resource_group" "ci" {
  name     = var.ci_resource_group_name
  location = var.region
  tags     = var.tags

  lifecycle {
    prevent_destroy = true
  }
}

resource "azurerm_resource_group" "environment" {
  name     = var.resource_group_name
  location = var.region
  tags     = var.tags
}
