"""Churn model: data validation, training, evaluation, a local model registry and drift statistics.

Run the pipeline with `python -m <package>.train` followed by `python -m <package>.evaluate`.
"""

__version__ = "0.1.0"
