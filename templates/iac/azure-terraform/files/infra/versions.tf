terraform {
  # plantimestamp() (budget start month) needs Terraform 1.5+.
  required_version = ">= 1.6.0"

  # State in the storage container of bootstrap/, read with Entra ID (no account key): the pipelines pass
  # resource group, storage account, container and key at init (-backend-config).
  backend "azurerm" {}

  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.20"
    }
    # The managed online endpoint is managed through the ARM API directly (see serving.tf).
    azapi = {
      source  = "Azure/azapi"
      version = "~> 2.2"
    }
  }
}

# The subscription comes from the login (ARM_SUBSCRIPTION_ID in CI, `az login` locally), never from this repository.
provider "azurerm" {
  features {}
  # bootstrap/ registered the resource providers; the deployer holds no subscription-wide right to.
  resource_provider_registrations = "none"
}

provider "azapi" {}
