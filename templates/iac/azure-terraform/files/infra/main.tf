data "azurerm_client_config" "current" {}

locals {
  name = "${var.project}-${var.environment}"
  # Storage, Key Vault, registry and endpoint names are global (or regional) and allow few characters:
  # a short hash of subscription/project/environment keeps them unique and stable across applies.
  compact = replace(local.name, "-", "")
  suffix  = substr(sha1("${data.azurerm_client_config.current.subscription_id}/${local.name}"), 0, 6)
}

# The resource group is bootstrap/'s: the deployer's rights end at its boundary, so it cannot create it.
data "azurerm_resource_group" "this" {
  name = var.resource_group_name
}

# The pipeline identity of bootstrap/, which rbac.tf gives the pipeline access.
data "azurerm_user_assigned_identity" "ci_pipeline" {
  name                = var.ci_pipeline_identity
  resource_group_name = var.ci_resource_group_name
}
