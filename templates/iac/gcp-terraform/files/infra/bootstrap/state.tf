# Terraform state of the root module in infra/: versioned (every state ever written can be restored),
# uniform IAM, never public; GCS encrypts every object at rest. The gcs backend locks with a lock object.
resource "google_storage_bucket" "state" {
  name                        = "${substr(local.name, 0, 32)}-tfstate-${var.gcp_project_id}"
  project                     = var.gcp_project_id
  location                    = var.region
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"
  labels                      = var.tags

  versioning {
    enabled = true
  }

  lifecycle {
    prevent_destroy = true
  }

  depends_on = [google_project_service.bootstrap]
}

# The pipeline reads the state (plan runs with -lock=false); the deployer reads, writes and locks it.
resource "google_storage_bucket_iam_member" "state" {
  for_each = { pipeline = "roles/storage.objectViewer", deployer = "roles/storage.objectUser" }

  bucket = google_storage_bucket.state.name
  role   = each.value
  member = local.ci_members[each.key]
}
