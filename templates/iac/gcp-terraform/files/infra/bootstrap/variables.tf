variable "region" {
  type        = string
  description = "GCP region of the state bucket: the environment's region."
}

variable "gcp_project_id" {
  type        = string
  description = "GCP project of the environment. Set as TF_VAR_gcp_project_id when bootstrapping; the same value is the CI variable GCP_PROJECT."
}

variable "billing_account" {
  type        = string
  description = "Billing account id (XXXXXX-XXXXXX-XXXXXX) of gcp_project_id, on which the deployer manages the budget. Set as TF_VAR_billing_account when bootstrapping; the same value is the CI variable GCP_BILLING_ACCOUNT."
}

variable "pipeline_identity_name" {
  type        = string
  description = "Name of the pipeline identity; the root module in infra/ grants it the pipeline's access under the same name."
}

variable "deployer_identity_name" {
  type        = string
  description = "Name of the deployer identity, which alone may apply the root module in infra/."
}
