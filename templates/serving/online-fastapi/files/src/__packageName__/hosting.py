"""What the platform running the serve container expects of it: port, routes, request format, model.

Each managed platform has its own serving contract, and the image meets all of them:

- SageMaker starts the container as `<image> serve` (see `serve`) and calls `GET /ping` and
  `POST /invocations` on port 8080 (`SAGEMAKER_BIND_TO_PORT` when it picks another); the model
  is unpacked into `/opt/ml/model` (under `SAGEMAKER_BASE_DIR`, default `/opt/ml`).
- Vertex AI sets `AIP_HTTP_PORT`, `AIP_HEALTH_ROUTE` and `AIP_PREDICT_ROUTE` and posts
  `{"instances": [...]}` to the predict route, expecting `{"predictions": [...]}` back.
- Azure ML mounts the registered model under `AZUREML_MODEL_DIR` (the registered folder is one
  level down) and calls the routes of the deployment's `inference_config` (/health, /predict).
- Anywhere else (Kubernetes, a laptop) the service's own routes and port, and the model of
  `inference.load_model`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from .artifacts import METADATA_FILE

SERVICE_PORT = 8000
SAGEMAKER_PORT = 8080

# How the predict route reads a request: the service's `{"rows": [...]}`, Vertex AI's
# `{"instances": [...]}`, or SageMaker's body in its content type (JSON rows or CSV).
RequestFormat = Literal["rows", "instances", "invocations"]


@dataclass(frozen=True)
class Hosting:
    """The platform's side of serving: where to listen, which routes to answer, which model."""

    platform: str
    port: int
    health_route: str = "/health"
    predict_route: str = "/predict"
    request_format: RequestFormat = "rows"
    # The model folder the platform provides; None: the service chooses (`inference.load_model`).
    model_dir: Path | None = None


def sagemaker() -> Hosting:
    """SageMaker's contract, for `<image> serve`."""
    base = Path(os.environ.get("SAGEMAKER_BASE_DIR", "/opt/ml"))
    port = int(os.environ.get("SAGEMAKER_BIND_TO_PORT", SAGEMAKER_PORT))
    return Hosting("sagemaker", port, "/ping", "/invocations", "invocations", base / "model")


def from_environment() -> Hosting:
    """The contract of the platform whose variables are set, else the service's own."""
    if "AIP_HTTP_PORT" in os.environ:
        return Hosting(
            "vertex",
            int(os.environ["AIP_HTTP_PORT"]),
            os.environ.get("AIP_HEALTH_ROUTE", "/health"),
            os.environ.get("AIP_PREDICT_ROUTE", "/predict"),
            "instances",
        )
    if os.environ.get("AZUREML_MODEL_DIR"):
        return Hosting("azureml", SERVICE_PORT, model_dir=model_folder(Path(os.environ["AZUREML_MODEL_DIR"])))
    return Hosting("service", SERVICE_PORT)


def model_folder(root: Path) -> Path:
    """The model folder at `root`, or the one folder directly under it (Azure ML's mount of a folder)."""
    if (root / METADATA_FILE).is_file():
        return root
    found = [child for child in root.iterdir() if (child / METADATA_FILE).is_file()] if root.is_dir() else []
    if len(found) != 1:
        raise FileNotFoundError(f"no single model folder (with {METADATA_FILE}) at or directly under {root}")
    return found[0]
