terraform {
  required_version = ">= 1.6.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 6.0"
    }
  }
}

# Credentials come from the environment (OIDC role in CI, a profile locally), never from this repository.
provider "aws" {
  region = var.region
}
