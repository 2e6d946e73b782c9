# A plain cluster has no billing budget: this quota is the environment's budget. It caps what the namespace
# may request (CPU, memory, GPUs) at what the declaration needs for training, serving at max replicas
# and batch scoring together.
resource "kubernetes_resource_quota_v1" "this" {
  metadata {
    name      = "${var.project}-budget"
    namespace = kubernetes_namespace_v1.this.metadata[0].name
    labels    = var.tags
  }

  spec {
    hard = {
      "requests.cpu"            = tostring(var.quota_cpu)
      "limits.cpu"              = tostring(var.quota_cpu)
      "requests.memory"         = "${var.quota_memory_gi}Gi"
      "limits.memory"           = "${var.quota_memory_gi}Gi"
      "requests.nvidia.com/gpu" = tostring(var.quota_gpus)
      "pods"                    = tostring(var.quota_pods)
    }
  }
}

# With cpu/memory limits in the quota every container must declare them; these are the defaults for those that do not.
resource "kubernetes_limit_range_v1" "this" {
  metadata {
    name      = "${var.project}-defaults"
    namespace = kubernetes_namespace_v1.this.metadata[0].name
    labels    = var.tags
  }

  spec {
    limit {
      type = "Container"
      default = {
        cpu    = var.container_default_cpu
        memory = var.container_default_memory
      }
      default_request = {
        cpu    = var.container_default_cpu_request
        memory = var.container_default_memory_request
      }
    }
  }
}
