# The two identities CI logs in as, with no secret: the CI system's OIDC token is exchanged for them
# (AssumeRoleWithWebIdentity) when its audience is STS and its subject is one this environment trusts.
#   pipeline: plans (reads the state and the resources), trains, registers and deploys models; the root
#             module in infra/ grants it the pipeline access of rbac/aws/pipeline-<env>.json.
#   deployer: applies the root module; only the deployment jobs of this environment may become it.

resource "aws_iam_openid_connect_provider" "ci" {
  count = var.create_oidc_provider ? 1 : 0

  url            = var.ci_issuer_url
  client_id_list = [local.audience]
  tags           = var.tags
}

data "aws_iam_openid_connect_provider" "ci" {
  count = var.create_oidc_provider ? 0 : 1

  url = var.ci_issuer_url
}

locals {
  audience          = coalesce(var.ci_audience, "sts.amazonaws.com")
  oidc_provider_arn = var.create_oidc_provider ? aws_iam_openid_connect_provider.ci[0].arn : data.aws_iam_openid_connect_provider.ci[0].arn
  trusted_subjects  = { pipeline = local.pipeline_subjects, deployer = local.deployer_subjects }
  role_names        = { pipeline = var.pipeline_identity_name, deployer = var.deployer_identity_name }
}

data "aws_iam_policy_document" "ci_trust" {
  for_each = local.trusted_subjects

  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [local.oidc_provider_arn]
    }

    condition {
      test     = "StringEquals"
      variable = "${local.issuer_host}:aud"
      values   = [local.audience]
    }

    condition {
      test     = "StringEquals"
      variable = "${local.issuer_host}:sub"
      values   = each.value
    }
  }
}

resource "aws_iam_role" "ci" {
  for_each = local.role_names

  name                 = each.value
  description          = "CI ${each.key} identity of ${var.project} (${var.environment}), assumed with the CI system's OIDC token"
  assume_role_policy   = data.aws_iam_policy_document.ci_trust[each.key].json
  max_session_duration = 3600
  tags                 = var.tags
}

resource "aws_iam_role_policy" "ci" {
  for_each = local.role_names

  name   = "${each.key}-terraform"
  role   = aws_iam_role.ci[each.key].id
  policy = each.key == "deployer" ? data.aws_iam_policy_document.deployer.json : data.aws_iam_policy_document.pipeline.json
}
