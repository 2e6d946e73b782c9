# Applied once per environment by an administrator (see README.md); its own state stays with that person
# or, after the first apply, moves into the bucket it created (terraform init -migrate-state).
terraform {
  required_version = ">= 1.6.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 6.0"
    }
  }
}

provider "aws" {
  region = var.region
}
