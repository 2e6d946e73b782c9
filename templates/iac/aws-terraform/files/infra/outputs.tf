output "artifacts_bucket" {
  description = "S3 bucket of training data and model artifacts."
  value       = aws_s3_bucket.artifacts.bucket
}

output "ecr_repository_url" {
  description = "Repository that serving images are pushed to."
  value       = aws_ecr_repository.serving.repository_url
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
