# Cost alerts at the declared thresholds, to an SNS topic (subscribe chat or e-mail to it) and optional e-mails.

resource "aws_sns_topic" "budget_alerts" {
  name = "${local.name}-budget-alerts"
  tags = var.tags
}

data "aws_iam_policy_document" "budget_alerts" {
  statement {
    sid       = "AwsBudgetsPublish"
    actions   = ["sns:Publish"]
    resources = [aws_sns_topic.budget_alerts.arn]

    principals {
      type        = "Service"
      identifiers = ["budgets.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }
  }
}

resource "aws_sns_topic_policy" "budget_alerts" {
  arn    = aws_sns_topic.budget_alerts.arn
  policy = data.aws_iam_policy_document.budget_alerts.json
}

resource "aws_budgets_budget" "monthly" {
  name         = "${local.name}-monthly"
  budget_type  = "COST"
  limit_amount = format("%.2f", var.monthly_budget)
  limit_unit   = var.budget_currency
  time_unit    = "MONTHLY"
  tags         = var.tags

  dynamic "cost_filter" {
    for_each = var.budget_filter_by_environment_tag ? [var.environment] : []
    content {
      name   = "TagKeyValue"
      values = [format("user:environment$%s", cost_filter.value)]
    }
  }

  dynamic "notification" {
    for_each = var.budget_alert_thresholds
    content {
      comparison_operator        = "GREATER_THAN"
      threshold                  = notification.value
      threshold_type             = "PERCENTAGE"
      notification_type          = "ACTUAL"
      subscriber_sns_topic_arns  = [aws_sns_topic.budget_alerts.arn]
      subscriber_email_addresses = var.budget_contact_emails
    }
  }

  depends_on = [aws_sns_topic_policy.budget_alerts]
}
