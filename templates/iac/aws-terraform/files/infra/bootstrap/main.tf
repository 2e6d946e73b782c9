data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  arn_prefix = "arn:${data.aws_partition.current.partition}"
  # What the root module in infra/ names, and so what the deployer may manage: <project>-<env>-*.
  managed   = "${local.name}-*"
  state_key = "${var.project}/${var.environment}.tfstate"
}
