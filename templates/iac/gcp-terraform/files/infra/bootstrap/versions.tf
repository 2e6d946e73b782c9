# Applied once per environment by a project owner (see README.md); its own state stays with that person
# or, after the first apply, moves into the bucket it created (terraform init -migrate-state).
terraform {
  required_version = ">= 1.6.0"

  required_providers {
    google = {
      source  = "hashicorp/google"
      version = "~> 6.0"
    }
  }
}

provider "google" {
  project = var.gcp_project_id
  region  = var.region
}
