# Online serving: model -> endpoint configuration -> endpoint, autoscaled on CPU between min and max replicas.
# Nothing is created until the first serving image exists (serving_image_tag set by the deployment pipeline).

locals {
  serve_online = var.online_endpoint_enabled && var.serving_image_tag != null
  variant_name = "AllTraffic"
}

resource "aws_sagemaker_model" "serving" {
  count = local.serve_online ? 1 : 0

  # No name: SageMaker models are immutable, so a new image gets a new generated name.
  execution_role_arn = aws_iam_role.sagemaker.arn
  tags               = var.tags

  primary_container {
    image = "${aws_ecr_repository.images["serve"].repository_url}:${var.serving_image_tag}"
    environment = {
      ARTIFACTS_BUCKET = aws_s3_bucket.artifacts.bucket
      ENVIRONMENT      = var.environment
    }
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_sagemaker_endpoint_configuration" "serving" {
  count = local.serve_online ? 1 : 0

  # A changed configuration must get a new name, or the endpoint does not notice it.
  name_prefix = "${substr(local.name, 0, 36)}-"
  tags        = var.tags

  production_variants {
    variant_name           = local.variant_name
    model_name             = aws_sagemaker_model.serving[0].name
    instance_type          = var.serving_instance_type
    initial_instance_count = var.serving_min_replicas
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_sagemaker_endpoint" "serving" {
  count = local.serve_online ? 1 : 0

  name                 = substr(local.name, 0, 63)
  endpoint_config_name = aws_sagemaker_endpoint_configuration.serving[0].name
  tags                 = var.tags
}

resource "aws_appautoscaling_target" "serving" {
  count = local.serve_online ? 1 : 0

  service_namespace  = "sagemaker"
  resource_id        = "endpoint/${aws_sagemaker_endpoint.serving[0].name}/variant/${local.variant_name}"
  scalable_dimension = "sagemaker:variant:DesiredInstanceCount"
  min_capacity       = var.serving_min_replicas
  max_capacity       = var.serving_max_replicas
  tags               = var.tags
}

resource "aws_appautoscaling_policy" "serving_cpu" {
  count = local.serve_online ? 1 : 0

  name               = "${local.name}-cpu"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.serving[0].service_namespace
  resource_id        = aws_appautoscaling_target.serving[0].resource_id
  scalable_dimension = aws_appautoscaling_target.serving[0].scalable_dimension

  target_tracking_scaling_policy_configuration {
    # SageMaker's CPUUtilization is the sum over vCPUs (0-400% on 4 vCPUs), hence the multiplication.
    target_value       = var.serving_target_cpu_utilization * var.serving_instance_vcpus
    scale_in_cooldown  = 300
    scale_out_cooldown = 60

    customized_metric_specification {
      metric_name = "CPUUtilization"
      namespace   = "/aws/sagemaker/Endpoints"
      statistic   = "Average"
      unit        = "Percent"

      dimensions {
        name  = "EndpointName"
        value = aws_sagemaker_endpoint.serving[0].name
      }

      dimensions {
        name  = "VariantName"
        value = local.variant_name
      }
    }
  }
}
