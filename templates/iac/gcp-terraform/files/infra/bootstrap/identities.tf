# The two identities CI logs in as, with no secret: the CI system's OIDC token is exchanged through the
# workload identity pool for a service account's, when its subject is one this environment trusts.
#   pipeline: plans (reads the state and the resources), trains, registers and deploys models; the root
#             module in infra/ grants it the pipeline access of rbac/gcp/pipeline-<env>.yaml.
#   deployer: applies the root module; only the deployment jobs of this environment may become it.

resource "google_iam_workload_identity_pool" "ci" {
  project                   = var.gcp_project_id
  workload_identity_pool_id = substr("${local.name}-ci", 0, 32)
  display_name              = substr("CI of ${local.name}", 0, 32)
  description               = "OIDC tokens of the pipelines of ${var.project} (${var.environment})"

  depends_on = [google_project_service.bootstrap]
}

resource "google_iam_workload_identity_pool_provider" "ci" {
  project                            = var.gcp_project_id
  workload_identity_pool_id          = google_iam_workload_identity_pool.ci.workload_identity_pool_id
  workload_identity_pool_provider_id = "ci-oidc"
  display_name                       = "CI OIDC"
  # No other token of the issuer (another repository's) gets into the pool.
  attribute_condition = "assertion.sub in ${jsonencode(distinct(concat(local.pipeline_subjects, local.deployer_subjects)))}"
  attribute_mapping   = {
    "google.subject" = "assertion.sub"
  }

  oidc {
    issuer_uri = var.ci_issuer_url
    # Empty: the provider's own name, which the jobs ask for; else the audience the CI system fixes.
    allowed_audiences = var.ci_audience == null ? [] : [var.ci_audience]
  }
}

resource "google_service_account" "ci" {
  for_each = { pipeline = var.pipeline_identity_name, deployer = var.deployer_identity_name }

  project      = var.gcp_project_id
  account_id   = each.value
  display_name = "CI ${each.key} of ${local.name}"
  description  = "Logged in as by the pipelines of ${var.project} (${var.environment}) through workload identity federation"
}

locals {
  ci_members = { for role, account in google_service_account.ci : role => "serviceAccount:${account.email}" }
  # One binding per trusted subject: principal://…/subject/<sub> is exactly one token subject.
  ci_trust = merge(
    { for subject in local.pipeline_subjects : "pipeline ${subject}" => { role = "pipeline", subject = subject } },
    { for subject in local.deployer_subjects : "deployer ${subject}" => { role = "deployer", subject = subject } },
  )
}

resource "google_service_account_iam_member" "ci_trust" {
  for_each = local.ci_trust

  service_account_id = google_service_account.ci[each.value.role].name
  role               = "roles/iam.workloadIdentityUser"
  member             = "principal://iam.googleapis.com/${google_iam_workload_identity_pool.ci.name}/subject/${each.value.subject}"
}
