output "ci_variables" {
  description = "The CI variables of this environment (set them on the CI system's environment of the same name; the first environment's also at repository level, for training)."
  value = {
    GCP_PROJECT                    = var.gcp_project_id
    GCP_BILLING_ACCOUNT            = var.billing_account
    GCP_WORKLOAD_IDENTITY_PROVIDER = google_iam_workload_identity_pool_provider.ci.name
    GCP_SERVICE_ACCOUNT            = google_service_account.ci["pipeline"].email
    GCP_DEPLOY_SERVICE_ACCOUNT     = google_service_account.ci["deployer"].email
    TF_STATE_BUCKET                = google_storage_bucket.state.name
  }
}
