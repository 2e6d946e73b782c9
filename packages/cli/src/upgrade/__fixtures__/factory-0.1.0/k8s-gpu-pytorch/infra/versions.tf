terraform {
  required_version = ">= 1.6.0"

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
