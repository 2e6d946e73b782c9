# Cost alerts at the declared thresholds, sent to the billing account's administrators and users.
# The budget covers the whole project, which is why one project per environment is recommended.
resource "google_billing_budget" "monthly" {
  billing_account = var.billing_account
  display_name    = substr("${local.name} monthly", 0, 60)

  budget_filter {
    projects        = ["projects/${data.google_project.this.number}"]
    calendar_period = "MONTH"
  }

  amount {
    # Without a currency code the amount is in the billing account's currency.
    specified_amount {
      units = tostring(floor(var.monthly_budget))
    }
  }

  dynamic "threshold_rules" {
    for_each = var.budget_alert_thresholds
    content {
      threshold_percent = threshold_rules.value / 100
      spend_basis       = "CURRENT_SPEND"
    }
  }

  depends_on = [google_project_service.this]
}
