terraform {
  required_version = ">= 1.6.0"

  # State in the bucket and lock table of bootstrap/: the pipelines pass bucket, key, region and
  # dynamodb_table at init (-backend-config), so nothing here names an account.
  backend "s3" {}

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
