locals {
  # Azure wants the first day of a month; the budget starts with the month of its first apply.
  budget_start_date = formatdate("YYYY-MM-01'T'00:00:00Z", plantimestamp())
}

resource "azurerm_consumption_budget_resource_group" "this" {
  name              = "budget-${local.name}"
  resource_group_id = data.azurerm_resource_group.this.id
  amount            = var.monthly_budget
  time_grain        = "Monthly"

  time_period {
    start_date = local.budget_start_date
  }

  dynamic "notification" {
    for_each = var.budget_alert_thresholds
    content {
      enabled        = true
      threshold      = notification.value
      operator       = "GreaterThanOrEqualTo"
      threshold_type = "Actual"
      contact_emails = var.budget_contact_emails
      contact_roles  = var.budget_contact_roles
    }
  }

  lifecycle {
    # The start date is fixed at creation; a later month must not replace the budget.
    ignore_changes = [time_period]
  }
}
