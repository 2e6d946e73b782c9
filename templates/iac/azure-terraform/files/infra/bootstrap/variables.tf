variable "region" {
  type        = string
  description = "Azure region of the environment's resource groups."
}

variable "resource_group_name" {
  type        = string
  description = "Resource group of the environment, created here so the deployer's rights can end at its boundary; infra/ fills it."
}

variable "ci_resource_group_name" {
  type        = string
  description = "Resource group of the Terraform state and the CI identities, apart from the environment's."
}

variable "pipeline_identity_name" {
  type        = string
  description = "Name of the pipeline identity; the root module in infra/ grants it the pipeline's access under the same name."
}

variable "deployer_identity_name" {
  type        = string
  description = "Name of the deployer identity, which alone may apply the root module in infra/."
}
