# Variables every cloud's Terraform takes, with the same meaning everywhere.
# Values per environment come from environments/<env>.tfvars, generated from ai-factory.config.ts.

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

variable "team" {
  type        = string
  description = "Owning team, written into resource descriptions."
}

variable "tags" {
  type        = map(string)
  description = "Tags on every resource: project, team, environment and managed-by."
}
