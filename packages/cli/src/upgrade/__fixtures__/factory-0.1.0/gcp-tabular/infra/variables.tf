# Values per environment come from environments/<env>.tfvars, generated from ai-factory.config.ts;
# the GCP project and billing account are per organisation and come from CI as TF_VAR_ variables.

variable "project" {
  type        = string
  description = "Project name (lowercase a-z, 0-9 and -); prefix of every resource name."

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{0,31}$", var.project))
    error_message = "project must be lowercase a-z, 0-9 and -, starting with a letter, at most 32 characters."
  }
}

variable "environment" {
  type        = string
  description = "Environment name, such as dev, staging or prod."

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{0,31}$", var.environment))
    error_message = "environment must be lowercase a-z, 0-9 and -, starting with a letter."
  }
}

variable "region" {
  type        = string
  description = "GCP region of every regional resource, such as europe-west4."
}

variable "team" {
  type        = string
  description = "Owning team, written into resource descriptions."
}

variable "tags" {
  type        = map(string)
  description = "Labels on every resource: project, team, environment and managed-by (GCP label syntax)."

  validation {
    condition     = alltrue([for k, v in var.tags : can(regex("^[a-z][a-z0-9_-]{0,62}$", k)) && can(regex("^[a-z0-9_-]{0,63}$", v))])
    error_message = "GCP labels need lowercase keys and values of a-z, 0-9, _ and -, at most 63 characters."
  }
}

variable "gcp_project_id" {
  type        = string
  description = "GCP project that hosts the environment. Set by CI as TF_VAR_gcp_project_id (one project per environment is recommended)."
}

variable "billing_account" {
  type        = string
  description = "Billing account id (XXXXXX-XXXXXX-XXXXXX) that pays for gcp_project_id. Set by CI as TF_VAR_billing_account."
}

variable "persona_principals" {
  type        = map(string)
  description = "Persona (data-scientist, data-engineer, ml-engineer, model-validator) to its IAM member, such as group:ds@example.com; used by rbac.tf."
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
