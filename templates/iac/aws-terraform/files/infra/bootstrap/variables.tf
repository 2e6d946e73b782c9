variable "region" {
  type        = string
  description = "AWS region of the state bucket and lock table: the environment's region."
}

variable "create_oidc_provider" {
  type        = bool
  description = "Create the account's IAM OIDC provider of the CI issuer; false when another environment or project in the account has created it already (an account has one per issuer)."
  default     = true
}

variable "pipeline_identity_name" {
  type        = string
  description = "Name of the pipeline identity; the root module in infra/ grants it the pipeline's access under the same name."
}

variable "deployer_identity_name" {
  type        = string
  description = "Name of the deployer identity, which alone may apply the root module in infra/."
}
