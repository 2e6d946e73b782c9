variable "state_namespace" {
  type        = string
  description = "Namespace holding the Terraform state Secret of the environment, apart from the environment's namespace."
}

variable "namespace" {
  type        = string
  description = "Namespace of the environment, which the deployer creates when it applies infra/."
}

variable "oidc_username_prefix" {
  type        = string
  description = "Prefix the cluster's OIDC authenticator puts before the token's sub claim (its claimMappings.username.prefix), such as \"ci:\"."
  default     = ""
}
