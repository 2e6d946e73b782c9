# Values per environment come from environments/<env>.tfvars, generated from ai-factory.config.ts;
# the GCP project and billing account are per organisation and come from CI as TF_VAR_ variables.

variable "region" {
  type        = string
  description = "GCP region of every regional resource, such as europe-west4."
}

variable "gcp_project_id" {
  type        = string
  description = "GCP project that hosts the environment. The pipelines set it as TF_VAR_gcp_project_id from the CI variable GCP_PROJECT (one project per environment is recommended)."
}

variable "billing_account" {
  type        = string
  description = "Billing account id (XXXXXX-XXXXXX-XXXXXX) that pays for gcp_project_id. The pipelines set it as TF_VAR_billing_account from the CI variable GCP_BILLING_ACCOUNT."
}

variable "ci_pipeline_identity" {
  type        = string
  description = "Account id of the pipeline's service account, created with its workload identity trust by bootstrap/; iam.tf and rbac.tf give it the pipeline access."
}

variable "persona_principals" {
  type        = map(string)
  description = "Persona (data-scientist, data-engineer, ml-engineer, model-validator, domain-expert, ai-engineer) to its IAM member, such as group:ds@example.com; used by rbac.tf."
  default     = {}
}

variable "online_endpoint_enabled" {
  type        = bool
  description = "Create the Vertex AI endpoint (projects that serve online)."
}

variable "monthly_budget" {
  type        = number
  description = "Monthly budget of gcp_project_id, in the billing account's currency."

  validation {
    condition     = var.monthly_budget > 0
    error_message = "monthly_budget must be positive."
  }
}

variable "budget_alert_thresholds" {
  type        = list(number)
  description = "Percentages of the monthly budget at which a cost alert fires."

  validation {
    condition     = length(var.budget_alert_thresholds) > 0 && alltrue([for t in var.budget_alert_thresholds : t > 0])
    error_message = "budget_alert_thresholds must hold at least one positive percentage."
  }
}
