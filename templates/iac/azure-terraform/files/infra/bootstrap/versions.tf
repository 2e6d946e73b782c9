# Applied once per environment by a subscription owner (see README.md); its own state stays with that
# person or, after the first apply, moves into the container it created (terraform init -migrate-state).
terraform {
  required_version = ">= 1.6.0"

  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.20"
    }
  }
}

provider "azurerm" {
  features {}
  # The state account takes no shared keys: its container is created with Entra ID.
  storage_use_azuread = true
  # infra/ runs without registering providers (its deployer may not); they are registered here.
  resource_provider_registrations = "core"
  resource_providers_to_register  = [
    "Microsoft.ContainerRegistry", "Microsoft.Consumption", "Microsoft.Insights", "Microsoft.KeyVault",
    "Microsoft.MachineLearningServices", "Microsoft.ManagedIdentity", "Microsoft.OperationalInsights", "Microsoft.Storage",
  ]
}
