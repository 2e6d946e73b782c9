# The two identities CI logs in as, with no secret: user-assigned identities whose federated credentials
# accept the CI system's OIDC token (audience api://AzureADTokenExchange) for the subjects this
# environment trusts.
#   pipeline: plans (reads the state and the resources), trains, registers and deploys models; the root
#             module in infra/ grants it the pipeline access of rbac/azure/pipeline-<env>.json.
#   deployer: applies the root module; only the deployment jobs of this environment may become it.

resource "azurerm_user_assigned_identity" "ci" {
  for_each = { pipeline = var.pipeline_identity_name, deployer = var.deployer_identity_name }

  name                = each.value
  resource_group_name = azurerm_resource_group.ci.name
  location            = azurerm_resource_group.ci.location
  tags                = var.tags
}

locals {
  # Credential names allow letters, digits, - and _: the subject's position names it.
  federated = merge(
    { for i, subject in local.pipeline_subjects : "pipeline-${i}" => { identity = "pipeline", subject = subject } },
    { for i, subject in local.deployer_subjects : "deployer-${i}" => { identity = "deployer", subject = subject } },
  )
}

resource "azurerm_federated_identity_credential" "ci" {
  for_each = local.federated

  name                = "ci-${each.key}"
  resource_group_name = azurerm_resource_group.ci.name
  parent_id           = azurerm_user_assigned_identity.ci[each.value.identity].id
  audience            = [coalesce(var.ci_audience, "api://AzureADTokenExchange")]
  issuer              = var.ci_issuer_url
  subject             = each.value.subject
}
