"""Churn model: data validation, training, evaluation, a local model registry and drift statistics.

Run the pipeline with `python -m <package>.train` followed by `python -m <package>.evaluate`.
"""

__version__ = "0.1.0"
# Project metadata from the factory answers; the service shows them in its OpenAPI page.
__project__ = "k8s-gpu-pytorch"
__description__ = "Predicts which customers will churn next month."
__team__ = "growth"
