output "artifacts_bucket" {
  description = "S3 bucket of training data and model artifacts."
  value       = aws_s3_bucket.artifacts.bucket
}

output "image_registry" {
  description = "IMAGE_REGISTRY of the pipelines: the account's registry host and this environment's prefix, under which the train and serve images are pushed."
  value       = "${split("/", aws_ecr_repository.images["serve"].repository_url)[0]}/${local.name}"
}

output "sagemaker_role_arn" {
  description = "Execution role of SageMaker training jobs and endpoints."
  value       = aws_iam_role.sagemaker.arn
}

output "endpoint_name" {
  description = "SageMaker endpoint name, or null before the first image or when the project does not serve online."
  value       = one(aws_sagemaker_endpoint.serving[*].name)
}

output "budget_alerts_topic_arn" {
  description = "SNS topic receiving budget alerts."
  value       = aws_sns_topic.budget_alerts.arn
}
