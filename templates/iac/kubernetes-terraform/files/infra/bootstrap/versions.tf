# Applied once per environment by a cluster administrator (see README.md); its own state stays with
# that person or, after the first apply, moves into the namespace it created (terraform init -migrate-state).
terraform {
  required_version = ">= 1.6.0"

  required_providers {
    kubernetes = {
      source  = "hashicorp/kubernetes"
      version = "~> 2.35"
    }
  }
}

# The administrator's kubeconfig: KUBE_CONFIG_PATH / KUBE_CTX.
provider "kubernetes" {}
