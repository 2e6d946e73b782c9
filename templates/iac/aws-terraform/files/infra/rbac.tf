# Access per persona and the pipeline identity for this environment, read from the IAM policy documents
# that `npm run synth` writes to rbac/aws/<principal>-<environment>.json from the access matrix in
# ai-factory.config.ts. Change access there, never here.
locals {
  rbac_dir        = "${path.module}/../rbac/aws"
  rbac_principals = ["data-scientist", "data-engineer", "ml-engineer", "model-validator", "domain-expert", "ai-engineer", "pipeline"]

  # The documents name this module's resources by placeholder; a principal without a file has no access here.
  rbac_policies = {
    for principal in local.rbac_principals :
    principal => jsondecode(
      replace(replace(replace(replace(replace(
        file("${local.rbac_dir}/${principal}-${var.environment}.json"),
        "{partition}", data.aws_partition.current.partition),
        "{accountId}", local.account_id),
        "{region}", var.region),
        "{artifactsBucketArn}", aws_s3_bucket.artifacts.arn),
      "{sagemakerExecutionRoleArn}", aws_iam_role.sagemaker.arn)
    )
    if fileexists("${local.rbac_dir}/${principal}-${var.environment}.json")
  }

  # Policies exist for every principal with access; roles only for those mapped to an IAM principal ARN.
  rbac_assignments = {
    for principal, policy in local.rbac_policies : principal => var.persona_principals[principal]
    if contains(keys(var.persona_principals), principal)
  }
}

resource "aws_iam_policy" "rbac" {
  for_each = local.rbac_policies

  name        = "${local.name}-${each.key}"
  description = "${each.key} access to ${var.project} (${var.environment}), from rbac/aws/${each.key}-${var.environment}.json"
  # The document's Id carries the generated-file notice, which is not an IAM policy id.
  policy = jsonencode({ Version = each.value.Version, Statement = each.value.Statement })
  tags   = var.tags
}

data "aws_iam_policy_document" "rbac_assume" {
  for_each = local.rbac_assignments

  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "AWS"
      identifiers = [each.value]
    }
  }
}

resource "aws_iam_role" "rbac" {
  for_each = local.rbac_assignments

  name               = "${substr(local.name, 0, 40)}-${each.key}"
  description        = "${each.key} of ${var.project} (${var.environment})"
  assume_role_policy = data.aws_iam_policy_document.rbac_assume[each.key].json
  tags               = var.tags
}

resource "aws_iam_role_policy_attachment" "rbac" {
  for_each = local.rbac_assignments

  role       = aws_iam_role.rbac[each.key].name
  policy_arn = aws_iam_policy.rbac[each.key].arn
}

# The CI pipeline identity (bootstrap/) gets the pipeline access of this environment.
resource "aws_iam_role_policy_attachment" "ci_pipeline" {
  count = contains(keys(local.rbac_policies), "pipeline") ? 1 : 0

  role       = var.ci_pipeline_identity
  policy_arn = aws_iam_policy.rbac["pipeline"].arn
}
