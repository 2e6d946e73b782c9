# What each CI identity may do with the state and with the resources of infra/, all named <project>-<env>-*.

locals {
  s3_managed    = "${local.arn_prefix}:s3:::${local.managed}"
  iam_roles     = "${local.arn_prefix}:iam::${local.account_id}:role/${local.managed}"
  iam_policies  = "${local.arn_prefix}:iam::${local.account_id}:policy/${local.managed}"
  ecr_managed   = "${local.arn_prefix}:ecr:${var.region}:${local.account_id}:repository/${local.name}*"
  sns_managed   = "${local.arn_prefix}:sns:${var.region}:${local.account_id}:${local.managed}"
  budgets       = "${local.arn_prefix}:budgets::${local.account_id}:budget/${local.managed}"
  sagemaker_any = "${local.arn_prefix}:sagemaker:${var.region}:${local.account_id}"
  # Reads that refreshing the state needs; plan is nothing more.
  read_actions = {
    s3        = ["s3:ListBucket", "s3:GetBucket*", "s3:GetAccelerateConfiguration", "s3:GetEncryptionConfiguration", "s3:GetLifecycleConfiguration", "s3:GetReplicationConfiguration"]
    iam       = ["iam:GetRole", "iam:GetRolePolicy", "iam:ListRolePolicies", "iam:ListAttachedRolePolicies", "iam:ListInstanceProfilesForRole", "iam:GetPolicy", "iam:GetPolicyVersion", "iam:ListPolicyVersions"]
    ecr       = ["ecr:DescribeRepositories", "ecr:ListTagsForResource", "ecr:GetLifecyclePolicy", "ecr:GetRepositoryPolicy"]
    sns       = ["sns:GetTopicAttributes", "sns:ListTagsForResource"]
    budgets   = ["budgets:ViewBudget", "budgets:ListTagsForResource"]
    sagemaker = ["sagemaker:DescribeModel", "sagemaker:DescribeEndpointConfig", "sagemaker:DescribeEndpoint", "sagemaker:ListTags"]
  }
}

data "aws_iam_policy_document" "pipeline" {
  statement {
    # The pipeline reads the state (plan); only the deployer writes it.
    sid       = "ReadState"
    actions   = ["s3:ListBucket", "s3:GetObject"]
    resources = [aws_s3_bucket.state.arn, "${aws_s3_bucket.state.arn}/${local.state_key}"]
  }

  statement {
    # The backend checks the state against its digest in the lock table, even without the lock.
    sid       = "ReadStateDigest"
    actions   = ["dynamodb:GetItem"]
    resources = [aws_dynamodb_table.lock.arn]
  }

  statement {
    sid       = "RefreshResources"
    actions   = flatten([for service in ["s3", "iam", "ecr", "sns", "budgets"] : local.read_actions[service]])
    resources = [local.s3_managed, local.iam_roles, local.iam_policies, local.ecr_managed, local.sns_managed, local.budgets]
  }

  statement {
    # SageMaker models are named by Terraform (tf-…): they are told apart by their project tag.
    sid       = "RefreshSageMaker"
    actions   = local.read_actions.sagemaker
    resources = ["${local.sagemaker_any}:model/*", "${local.sagemaker_any}:endpoint-config/${local.managed}", "${local.sagemaker_any}:endpoint/${local.name}"]
  }

  statement {
    # Application Auto Scaling has no resource-level permissions for reads.
    sid       = "RefreshAutoscaling"
    actions   = ["application-autoscaling:DescribeScalableTargets", "application-autoscaling:DescribeScalingPolicies", "application-autoscaling:ListTagsForResource"]
    resources = ["*"]
  }
}

data "aws_iam_policy_document" "deployer" {
  source_policy_documents = [data.aws_iam_policy_document.pipeline.json]

  statement {
    # Only apply locks: plan runs with -lock=false inside the deployment's concurrency group.
    sid       = "LockState"
    actions   = ["dynamodb:DescribeTable", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:DeleteItem"]
    resources = [aws_dynamodb_table.lock.arn]
  }

  statement {
    sid       = "WriteState"
    actions   = ["s3:PutObject"]
    resources = ["${aws_s3_bucket.state.arn}/${local.state_key}"]
  }

  statement {
    sid       = "ManageBuckets"
    actions   = ["s3:CreateBucket", "s3:DeleteBucket", "s3:PutBucket*", "s3:DeleteBucketPolicy", "s3:PutEncryptionConfiguration"]
    resources = [local.s3_managed]
  }

  statement {
    sid       = "ManageRepositories"
    actions   = ["ecr:CreateRepository", "ecr:DeleteRepository", "ecr:PutImageScanningConfiguration", "ecr:PutImageTagMutability", "ecr:TagResource", "ecr:UntagResource"]
    resources = [local.ecr_managed]
  }

  statement {
    sid       = "ManageTopics"
    actions   = ["sns:CreateTopic", "sns:DeleteTopic", "sns:SetTopicAttributes", "sns:TagResource", "sns:UntagResource"]
    resources = [local.sns_managed]
  }

  statement {
    # Creating a budget is ModifyBudget.
    sid       = "ManageBudgets"
    actions   = ["budgets:ModifyBudget", "budgets:TagResource", "budgets:UntagResource"]
    resources = [local.budgets]
  }

  statement {
    sid     = "ManageRolesAndPolicies"
    actions = [
      "iam:CreateRole", "iam:DeleteRole", "iam:UpdateRole", "iam:UpdateRoleDescription", "iam:UpdateAssumeRolePolicy", "iam:TagRole", "iam:UntagRole",
      "iam:PutRolePolicy", "iam:DeleteRolePolicy", "iam:CreatePolicy", "iam:DeletePolicy", "iam:CreatePolicyVersion", "iam:DeletePolicyVersion", "iam:TagPolicy", "iam:UntagPolicy",
    ]
    resources = [local.iam_roles, local.iam_policies]
  }

  statement {
    # Only the project's own policies are attached to the project's roles (the pipeline identity's included).
    sid       = "AttachOwnPolicies"
    actions   = ["iam:AttachRolePolicy", "iam:DetachRolePolicy"]
    resources = [local.iam_roles]

    condition {
      test     = "ArnLike"
      variable = "iam:PolicyARN"
      values   = [local.iam_policies]
    }
  }

  statement {
    # The CI identities are this bootstrap's, not infra/'s: the deployer cannot change its own role at all,
    sid       = "KeepDeployer"
    effect    = "Deny"
    actions   = ["iam:*"]
    resources = [aws_iam_role.ci["deployer"].arn]
  }

  statement {
    # nor widen the pipeline's trust or give it anything but the project's own policies.
    sid       = "KeepPipeline"
    effect    = "Deny"
    actions   = ["iam:DeleteRole", "iam:UpdateAssumeRolePolicy", "iam:PutRolePolicy", "iam:DeleteRolePolicy", "iam:AttachRolePolicy", "iam:DetachRolePolicy"]
    resources = [aws_iam_role.ci["pipeline"].arn]

    condition {
      test     = "StringNotLike"
      variable = "iam:PolicyARN"
      values   = [local.iam_policies]
    }
  }

  statement {
    sid       = "PassSageMakerRole"
    actions   = ["iam:PassRole"]
    resources = ["${local.arn_prefix}:iam::${local.account_id}:role/${substr(local.name, 0, 50)}-sagemaker"]

    condition {
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values   = ["sagemaker.amazonaws.com"]
    }
  }

  statement {
    sid       = "AutoscalingServiceRole"
    actions   = ["iam:CreateServiceLinkedRole"]
    resources = ["${local.arn_prefix}:iam::${local.account_id}:role/aws-service-role/sagemaker.application-autoscaling.amazonaws.com/*"]

    condition {
      test     = "StringEquals"
      variable = "iam:AWSServiceName"
      values   = ["sagemaker.application-autoscaling.amazonaws.com"]
    }
  }

  statement {
    sid       = "ManageEndpoints"
    actions   = ["sagemaker:CreateEndpointConfig", "sagemaker:DeleteEndpointConfig", "sagemaker:CreateEndpoint", "sagemaker:UpdateEndpoint", "sagemaker:DeleteEndpoint", "sagemaker:AddTags", "sagemaker:DeleteTags"]
    resources = ["${local.sagemaker_any}:endpoint-config/${local.managed}", "${local.sagemaker_any}:endpoint/${local.name}"]
  }

  statement {
    sid       = "CreateTaggedModels"
    actions   = ["sagemaker:CreateModel", "sagemaker:AddTags"]
    resources = ["${local.sagemaker_any}:model/*"]

    condition {
      test     = "StringEquals"
      variable = "aws:RequestTag/project"
      values   = [var.tags["project"]]
    }
  }

  statement {
    sid       = "DeleteOwnModels"
    actions   = ["sagemaker:DeleteModel"]
    resources = ["${local.sagemaker_any}:model/*"]

    condition {
      test     = "StringEquals"
      variable = "aws:ResourceTag/project"
      values   = [var.tags["project"]]
    }
  }

  statement {
    # Registering the endpoint's variant for autoscaling is checked against the caller's rights on it.
    sid       = "ScaleEndpoint"
    actions   = ["sagemaker:UpdateEndpointWeightsAndCapacities"]
    resources = ["${local.sagemaker_any}:endpoint/${local.name}"]
  }

  statement {
    # A target tracking policy creates its CloudWatch alarms as the caller.
    sid       = "TargetTrackingAlarms"
    actions   = ["cloudwatch:PutMetricAlarm", "cloudwatch:DeleteAlarms"]
    resources = ["${local.arn_prefix}:cloudwatch:${var.region}:${local.account_id}:alarm:TargetTracking-endpoint/${local.name}/*"]
  }

  statement {
    sid       = "ListAlarms"
    actions   = ["cloudwatch:DescribeAlarms"]
    resources = ["*"]
  }

  statement {
    # Application Auto Scaling has no resource-level permissions.
    sid       = "ManageAutoscaling"
    actions   = ["application-autoscaling:RegisterScalableTarget", "application-autoscaling:DeregisterScalableTarget", "application-autoscaling:PutScalingPolicy", "application-autoscaling:DeleteScalingPolicy", "application-autoscaling:TagResource"]
    resources = ["*"]
  }
}
