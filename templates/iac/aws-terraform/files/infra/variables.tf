# Values per environment come from environments/<env>.tfvars, generated from ai-factory.config.ts.

variable "region" {
  type        = string
  description = "AWS region of every resource, such as eu-west-1."
}

variable "persona_principals" {
  type        = map(string)
  description = "Persona (data-scientist, data-engineer, ml-engineer, model-validator, domain-expert, ai-engineer) to the IAM principal ARN allowed to assume its role; used by rbac.tf."
  default     = {}
}

variable "ci_pipeline_identity" {
  type        = string
  description = "Name of the pipeline's IAM role, created with its OIDC trust by bootstrap/; rbac.tf gives it the pipeline access."
}

variable "online_endpoint_enabled" {
  type        = bool
  description = "Create the SageMaker endpoint (projects that serve online)."
}

variable "serving_image_tag" {
  type        = string
  description = "Tag of the serving image in the ECR repository. The deployment pipeline sets it as TF_VAR_serving_image_tag; while it is null (before the first image is pushed) no model or endpoint is created."
  default     = null
}

variable "serving_instance_type" {
  type        = string
  description = "SageMaker instance type of the endpoint, such as ml.m5.large or ml.g5.2xlarge."

  validation {
    condition     = startswith(var.serving_instance_type, "ml.")
    error_message = "serving_instance_type must be a SageMaker instance type (ml.*)."
  }
}

variable "serving_instance_vcpus" {
  type        = number
  description = "vCPUs of serving_instance_type; SageMaker reports CPUUtilization summed over all vCPUs."
}

variable "serving_min_replicas" {
  type        = number
  description = "Instances the endpoint starts with and never scales below."

  validation {
    condition     = var.serving_min_replicas >= 1
    error_message = "serving_min_replicas must be at least 1."
  }
}

variable "serving_max_replicas" {
  type        = number
  description = "Instances the endpoint autoscales up to."

  validation {
    condition     = var.serving_max_replicas >= var.serving_min_replicas
    error_message = "serving_max_replicas must not be below serving_min_replicas."
  }
}

variable "serving_target_cpu_utilization" {
  type        = number
  description = "Average CPU utilisation (% of the instance) the endpoint autoscaler aims for."

  validation {
    condition     = var.serving_target_cpu_utilization >= 10 && var.serving_target_cpu_utilization <= 95
    error_message = "serving_target_cpu_utilization must be between 10 and 95."
  }
}

variable "monthly_budget" {
  type        = number
  description = "Monthly cost budget of the environment, in budget_currency."

  validation {
    condition     = var.monthly_budget > 0
    error_message = "monthly_budget must be positive."
  }
}

variable "budget_currency" {
  type        = string
  description = "Currency of monthly_budget."
  default     = "USD"
}

variable "budget_alert_thresholds" {
  type        = list(number)
  description = "Percentages of the monthly budget at which a cost alert fires."

  validation {
    condition     = length(var.budget_alert_thresholds) > 0 && alltrue([for t in var.budget_alert_thresholds : t > 0])
    error_message = "budget_alert_thresholds must hold at least one positive percentage."
  }
}

variable "budget_contact_emails" {
  type        = list(string)
  description = "E-mail addresses that receive budget alerts besides the SNS topic."
  default     = []
}

variable "budget_filter_by_environment_tag" {
  type        = bool
  description = "Count only costs tagged environment=<environment>, for accounts shared by environments. Needs the environment tag activated as a cost allocation tag, otherwise the budget sees no cost."
  default     = false
}
