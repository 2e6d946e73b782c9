output "ci_variables" {
  description = "The CI variables of this environment that the bootstrap decides (set them on the CI system's environment of the same name); K8S_SERVER, K8S_CA_DATA and K8S_OIDC_AUDIENCE are the cluster's."
  value = {
    K8S_NAMESPACE = var.namespace
    # The deployment job's user, which infra/rbac.tf binds the pipeline Role to.
    K8S_PIPELINE_USER = local.deployer_users[0]
  }
}

output "deployer_users" {
  description = "Users the deployment jobs authenticate as, bound to the deployer's rights."
  value       = local.deployer_users
}

output "pipeline_users" {
  description = "Users the training and deployment jobs authenticate as; the pipeline Role of infra/rbac.tf is bound to the one of K8S_PIPELINE_USER."
  value       = [for subject in local.pipeline_subjects : "${var.oidc_username_prefix}${subject}"]
}
