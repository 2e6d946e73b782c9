# Values per environment come from environments/<env>.tfvars, generated from ai-factory.config.ts.

variable "region" {
  type        = string
  description = "Azure region of the environment, such as westeurope: bootstrap/ creates the resource group there, and every resource takes its location."
}

variable "resource_group_name" {
  type        = string
  description = "Name of the environment's resource group, created by bootstrap/; everything of this configuration is in it."
}

variable "ci_resource_group_name" {
  type        = string
  description = "Resource group of bootstrap/: the Terraform state and the CI identities."
}

variable "ci_pipeline_identity" {
  type        = string
  description = "Name of the pipeline's user-assigned identity in ci_resource_group_name, federated with the CI system by bootstrap/; rbac.tf gives it the pipeline access."
}

variable "persona_principals" {
  type        = map(string)
  description = "Persona (data-scientist, data-engineer, ml-engineer, model-validator, domain-expert, ai-engineer) to the object id of its Entra ID group; used by rbac.tf."
  default     = {}
}

variable "training_vm_size" {
  type        = string
  description = "VM size of the Azure ML training cluster nodes, such as Standard_D4s_v5 or Standard_NC24ads_A100_v4."
}

variable "training_max_nodes" {
  type        = number
  description = "Nodes the training cluster autoscales up to; it scales down to zero when idle."

  validation {
    condition     = var.training_max_nodes >= 1
    error_message = "training_max_nodes must be at least 1."
  }
}

variable "training_vm_priority" {
  type        = string
  description = "Dedicated or LowPriority (cheaper, preemptible) training nodes."
  default     = "Dedicated"

  validation {
    condition     = contains(["Dedicated", "LowPriority"], var.training_vm_priority)
    error_message = "training_vm_priority must be Dedicated or LowPriority."
  }
}

variable "training_idle_seconds_before_scale_down" {
  type        = number
  description = "Seconds an idle training node is kept before the cluster scales it away."
  default     = 600
}

variable "online_endpoint_enabled" {
  type        = bool
  description = "Create the Azure ML managed online endpoint (projects that serve online)."
}

variable "monthly_budget" {
  type        = number
  description = "Monthly cost budget of the environment's resource group, in the billing currency."

  validation {
    condition     = var.monthly_budget > 0
    error_message = "monthly_budget must be positive."
  }
}

variable "budget_alert_thresholds" {
  type        = list(number)
  description = "Percentages of the monthly budget at which a cost alert fires."

  validation {
    condition     = length(var.budget_alert_thresholds) > 0 && alltrue([for t in var.budget_alert_thresholds : t > 0 && t <= 1000])
    error_message = "budget_alert_thresholds must hold at least one percentage between 0 and 1000."
  }
}

variable "budget_contact_emails" {
  type        = list(string)
  description = "Extra e-mail addresses that receive budget alerts."
  default     = []
}

variable "budget_contact_roles" {
  type        = list(string)
  description = "Resource group roles whose members receive budget alerts."
  default     = ["Owner", "Contributor"]
}
