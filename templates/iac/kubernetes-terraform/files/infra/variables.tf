# Values per environment come from environments/<env>.tfvars, generated from ai-factory.config.ts.

variable "region" {
  type        = string
  description = "Region of the cluster, when the declaration names one; only recorded, a plain cluster has no region to choose."
  default     = null
}

variable "namespace" {
  type        = string
  description = "Namespace of the environment; every workload of the project runs in it."

  validation {
    condition     = can(regex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$", var.namespace))
    error_message = "namespace must be a DNS label: at most 63 characters of a-z, 0-9 and -."
  }
}

variable "persona_principals" {
  type        = map(string)
  description = "Persona (data-scientist, data-engineer, ml-engineer, model-validator, domain-expert, ai-engineer) to the group name the cluster's authenticator reports; used by rbac.tf."
  default     = {}
}

variable "pipeline_user" {
  type        = string
  description = "User the cluster's OIDC authenticator reports for the CI job's token (its username claim and prefix); the pipeline Role is bound to it. CI passes it as TF_VAR_pipeline_user from K8S_PIPELINE_USER."

  validation {
    condition     = length(var.pipeline_user) > 0
    error_message = "pipeline_user must name the CI's OIDC user."
  }
}

variable "kubeconfig_path" {
  type        = string
  description = "Path of the kubeconfig; null falls back to KUBE_CONFIG_PATH."
  default     = null
}

variable "kube_context" {
  type        = string
  description = "kubeconfig context of the cluster; null falls back to KUBE_CTX or the current context."
  default     = null
}

variable "quota_cpu" {
  type        = number
  description = "CPU cores that all pods of the namespace may request (and be limited to) together."
}

variable "quota_memory_gi" {
  type        = number
  description = "Memory, in GiB, that all pods of the namespace may request (and be limited to) together."
}

variable "quota_gpus" {
  type        = number
  description = "NVIDIA GPUs (nvidia.com/gpu) that all pods of the namespace may request together; 0 forbids GPUs."

  validation {
    condition     = var.quota_gpus >= 0 && floor(var.quota_gpus) == var.quota_gpus
    error_message = "quota_gpus must be a whole number, 0 or more."
  }
}

variable "quota_pods" {
  type        = number
  description = "Pods the namespace may run at once."
  default     = 50
}

variable "container_default_cpu" {
  type        = string
  description = "CPU limit of a container that sets none (the quota makes limits mandatory)."
  default     = "1"
}

variable "container_default_memory" {
  type        = string
  description = "Memory limit of a container that sets none."
  default     = "1Gi"
}

variable "container_default_cpu_request" {
  type        = string
  description = "CPU request of a container that sets none."
  default     = "250m"
}

variable "container_default_memory_request" {
  type        = string
  description = "Memory request of a container that sets none."
  default     = "256Mi"
}
