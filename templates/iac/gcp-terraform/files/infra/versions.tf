terraform {
  required_version = ">= 1.6.0"

  # State in the bucket of bootstrap/: the pipelines pass bucket and prefix at init (-backend-config).
  backend "gcs" {}

  required_providers {
    google = {
      source  = "hashicorp/google"
      version = "~> 6.0"
    }
  }
}

# Credentials come from the environment (workload identity federation in CI, gcloud ADC locally).
# With user ADC the Billing Budgets API also needs billing_project and user_project_override on this provider.
provider "google" {
  project = var.gcp_project_id
  region  = var.region
}
