# Variables every cloud's bootstrap takes. The bootstrap is applied once per environment, by a person
# with administrator rights, before the first pipeline run: it creates the Terraform state storage and
# the two identities CI logs in as, trusted through the CI system's OIDC tokens (no secret anywhere).
# Values come from environments/<env>.tfvars, generated from ai-factory.config.ts; the repository
# (and, on Azure Pipelines, the issuer) is given by that person as a TF_VAR_ variable.

variable "project" {
  type        = string
  description = "Project name; prefix of every resource name."
}

variable "environment" {
  type        = string
  description = "Environment the state storage and CI identities are for."
}

variable "tags" {
  type        = map(string)
  description = "Tags on every resource: project, team, environment and managed-by."
}

variable "ci_repository" {
  type        = string
  description = "Repository the pipelines run in, as the CI system's token names it: owner/name on GitHub, the group/project path on GitLab, organization/project on Azure DevOps. Set as TF_VAR_ci_repository when bootstrapping."

  validation {
    condition     = can(regex("^[^/\\s]+(/[^/\\s]+)+$", var.ci_repository))
    error_message = "ci_repository must be a path such as my-org/my-repo."
  }
}

variable "ci_issuer_url" {
  type        = string
  description = "Issuer of the CI system's OIDC tokens. Generated for GitHub Actions and GitLab.com; on Azure Pipelines https://vstoken.dev.azure.com/<organization id>, set as TF_VAR_ci_issuer_url."

  validation {
    condition     = startswith(var.ci_issuer_url, "https://")
    error_message = "ci_issuer_url must be an https URL."
  }
}

variable "ci_audience" {
  type        = string
  description = "Audience of the CI system's tokens where it fixes one (Azure Pipelines: api://AzureADTokenExchange); null where the jobs ask for the cloud's own."
  default     = null
}

variable "pipeline_subjects" {
  type        = list(string)
  description = "Token subjects that may log in as the pipeline identity (plan, training, registering and deploying models); {repository} stands for ci_repository."
}

variable "deployer_subjects" {
  type        = list(string)
  description = "Token subjects that may log in as the deployer identity (terraform apply); {repository} stands for ci_repository."
}

locals {
  name              = "${var.project}-${var.environment}"
  issuer_host       = trimprefix(var.ci_issuer_url, "https://")
  pipeline_subjects = [for subject in var.pipeline_subjects : replace(subject, "{repository}", var.ci_repository)]
  deployer_subjects = [for subject in var.deployer_subjects : replace(subject, "{repository}", var.ci_repository)]
}
