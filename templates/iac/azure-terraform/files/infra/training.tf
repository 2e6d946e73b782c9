# Training compute: a cluster that costs nothing while idle (min 0 nodes) and autoscales to the declared node count.
resource "azurerm_machine_learning_compute_cluster" "training" {
  name                          = "train-cluster"
  location                      = data.azurerm_resource_group.this.location
  machine_learning_workspace_id = azurerm_machine_learning_workspace.this.id
  vm_size                       = var.training_vm_size
  vm_priority                   = var.training_vm_priority
  description                   = "Training cluster of ${var.project} (${var.environment})"
  tags                          = var.tags

  scale_settings {
    min_node_count                       = 0
    max_node_count                       = var.training_max_nodes
    scale_down_nodes_after_idle_duration = "PT${var.training_idle_seconds_before_scale_down}S"
  }

  identity {
    type = "SystemAssigned"
  }
}
