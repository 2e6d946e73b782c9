# What each CI identity may do in the project. The pipeline only reads (terraform plan refreshes every
# resource of infra/); the deployer creates what infra/ declares: APIs, the Vertex service account and
# its bindings, custom roles, the bucket, the image repository, the endpoint and, on the billing
# account, the budget.
locals {
  project_roles = {
    pipeline = ["roles/browser", "roles/iam.securityReviewer", "roles/serviceusage.serviceUsageViewer", "roles/storage.bucketViewer", "roles/artifactregistry.reader", "roles/aiplatform.viewer"]
    deployer = [
      "roles/browser", "roles/serviceusage.serviceUsageAdmin", "roles/iam.serviceAccountAdmin", "roles/iam.roleAdmin", "roles/resourcemanager.projectIamAdmin",
      "roles/storage.admin", "roles/artifactregistry.admin", "roles/aiplatform.user",
    ]
  }
  billing_roles  = { pipeline = "roles/billing.viewer", deployer = "roles/billing.costsManager" }
  project_grants = merge([
    for identity, roles in local.project_roles : { for role in roles : "${identity} ${role}" => { identity = identity, role = role } }
  ]...)
}

resource "google_project_iam_member" "ci" {
  for_each = local.project_grants

  project = var.gcp_project_id
  role    = each.value.role
  member  = local.ci_members[each.value.identity]
}

resource "google_billing_account_iam_member" "ci" {
  for_each = local.billing_roles

  billing_account_id = var.billing_account
  role               = each.value
  member             = local.ci_members[each.key]
}
