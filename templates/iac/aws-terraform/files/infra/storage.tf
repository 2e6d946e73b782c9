# Data and model artifacts: versioned, encrypted, never public, TLS only.

resource "aws_s3_bucket" "artifacts" {
  # Bucket names are global: the account id makes them unique.
  bucket = "${substr(local.name, 0, 45)}-${local.account_id}"
  tags   = var.tags
}

resource "aws_s3_bucket_versioning" "artifacts" {
  bucket = aws_s3_bucket.artifacts.id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "artifacts" {
  bucket = aws_s3_bucket.artifacts.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket_public_access_block" "artifacts" {
  bucket                  = aws_s3_bucket.artifacts.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

data "aws_iam_policy_document" "artifacts_tls_only" {
  statement {
    sid       = "DenyInsecureTransport"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [aws_s3_bucket.artifacts.arn, "${aws_s3_bucket.artifacts.arn}/*"]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_s3_bucket_policy" "artifacts" {
  bucket = aws_s3_bucket.artifacts.id
  policy = data.aws_iam_policy_document.artifacts_tls_only.json
  # A bucket policy is public-policy checked; apply it after the public access block.
  depends_on = [aws_s3_bucket_public_access_block.artifacts]
}

# The pipelines push <project>-train and <project>-serve into IMAGE_REGISTRY, this environment's prefix of
# the account's registry (output image_registry), so environments sharing an account keep apart.
resource "aws_ecr_repository" "images" {
  for_each = toset(["train", "serve"])
  name     = "${local.name}/${var.project}-${each.key}"
  # A tag always names the same image, so a deployed model can be traced to its build.
  image_tag_mutability = "IMMUTABLE"
  tags                 = var.tags

  image_scanning_configuration {
    scan_on_push = true
  }

  encryption_configuration {
    encryption_type = "AES256"
  }
}
