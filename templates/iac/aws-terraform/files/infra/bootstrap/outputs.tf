output "ci_variables" {
  description = "The CI variables of this environment (set them on the CI system's environment of the same name; the first environment's also at repository level, for training)."
  value = {
    AWS_ROLE_ARN        = aws_iam_role.ci["pipeline"].arn
    AWS_DEPLOY_ROLE_ARN = aws_iam_role.ci["deployer"].arn
    TF_STATE_BUCKET     = aws_s3_bucket.state.bucket
    TF_STATE_LOCK_TABLE = aws_dynamodb_table.lock.name
  }
}
