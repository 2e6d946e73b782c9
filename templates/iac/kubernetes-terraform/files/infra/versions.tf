terraform {
  required_version = ">= 1.6.0"

  # State in a Secret of the state namespace bootstrap/ creates (locked with a Lease): the pipelines pass
  # namespace and secret_suffix at init (-backend-config); the cluster comes from KUBE_CONFIG_PATH.
  backend "kubernetes" {}

  required_providers {
    kubernetes = {
      source  = "hashicorp/kubernetes"
      version = "~> 2.35"
    }
  }
}

# The cluster comes from a kubeconfig: KUBE_CONFIG_PATH / KUBE_CTX in CI, or the variables below.
provider "kubernetes" {
  config_path    = var.kubeconfig_path
  config_context = var.kube_context
}
