"""Online scoring API: `uvicorn <package>.service:app`, or `python -m <package> service`.

- `POST /predict`: a batch of rows, validated against the schema (types, ranges,
  categories; unknown fields rejected), answered with classes, probabilities and the
  model version.
- `GET /health`: liveness plus the model version being served.
- `GET /metrics`: Prometheus text: request counts, latency, errors, prediction
  distribution, the PSI of recent requests' features and predictions against the
  model's reference, once the window holds the model policy's minimum rows, and the
  held-out scores the champion/challenger gate measured for the model being served.
  Where Prometheus cannot scrape the service (managed endpoints), `PUSHGATEWAY_URL` makes
  it push the same metrics there (see `metrics_push`).
- `GET /drift`: the drift report of the recent requests (see `drift_report`): per feature a
  test and PSI, prediction drift and an overall status, or a statement that the window holds
  too few rows to judge.

The platform running the container may ask for other routes, another request format, a port and
a model folder of its own (SageMaker's /ping and /invocations, Vertex AI's AIP_* variables, Azure
ML's AZUREML_MODEL_DIR): see `hosting`; the service's own routes stay available beside them.
Otherwise the model is chosen by `inference.load_model` (MODEL_PATH, the registry champion, or
training on startup only when TRAIN_ON_STARTUP=1), when `app` is first accessed.
"""

from __future__ import annotations

import argparse
import io
import threading
import time
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

import numpy as np
import pandas as pd
import pydantic
import uvicorn
from fastapi import FastAPI, HTTPException, Request, Response
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
)
from pydantic import BaseModel, Field, confloat, conint, create_model

from . import __description__, __project__
from .artifacts import ModelBundle
from .drift import (
    create_prediction_psi_gauge,
    create_psi_gauge,
    create_window_rows_gauge,
    feature_psi,
    numeric_psi,
    publish_psi,
)
from .drift_report import drift_report
from .hosting import Hosting, from_environment
from .inference import load_model, predict
from .metrics_push import PeriodicPusher, pushgateway_url
from .policy import DriftPolicy, load_policy
from .schema import CATEGORICAL_FEATURES, FEATURES, NUMERIC_FEATURES

PYDANTIC_V2 = pydantic.VERSION.startswith("2.")
MAX_ROWS_PER_REQUEST = 1000
# Recent rows kept for drift; drift is only published once the policy's minimum rows have arrived.
DRIFT_WINDOW_ROWS = 2000
KNOWN_PATHS = {"/predict", "/health", "/metrics", "/drift"}


# --- pydantic v1/v2 compatibility -------------------------------------------------------------


class StrictModel(BaseModel):
    """Rejects fields that are not declared."""

    if PYDANTIC_V2:
        model_config = pydantic.ConfigDict(extra="forbid")
    else:

        class Config:
            extra = "forbid"


def _length_limits(minimum: int, maximum: int) -> dict[str, int]:
    """List length constraints for Field(), named differently in v1 and v2."""
    if PYDANTIC_V2:
        return {"min_length": minimum, "max_length": maximum}
    return {"min_items": minimum, "max_items": maximum}


def _as_dict(model: BaseModel) -> dict[str, Any]:
    return model.model_dump() if PYDANTIC_V2 else model.dict()


# --- request and response models, derived from the schema --------------------------------------


def _row_fields() -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for numeric in NUMERIC_FEATURES:
        # conint/confloat enforce ranges in both pydantic v1 and v2; strict ints make
        # "3" or 2.5 for a count an error instead of a silent conversion.
        if numeric.dtype is int:
            kind = conint(strict=True, ge=int(numeric.minimum), le=int(numeric.maximum))
        else:
            kind = confloat(ge=numeric.minimum, le=numeric.maximum)
        fields[numeric.name] = (kind, Field(..., description=numeric.description))
    for categorical in CATEGORICAL_FEATURES:
        fields[categorical.name] = (
            Literal[categorical.categories],  # type: ignore[valid-type]
            Field(..., description=categorical.description),
        )
    return fields


FeatureRow = create_model("FeatureRow", __base__=StrictModel, **_row_fields())


class PredictRequest(StrictModel):
    rows: list[FeatureRow] = Field(..., **_length_limits(1, MAX_ROWS_PER_REQUEST))  # type: ignore[valid-type]


class InstancesRequest(StrictModel):
    """Vertex AI's prediction request: the rows as `instances`, and parameters this model has none of."""

    instances: list[FeatureRow] = Field(  # type: ignore[valid-type]
        ..., **_length_limits(1, MAX_ROWS_PER_REQUEST)
    )
    parameters: dict[str, Any] | None = None


def _parse(model: type[BaseModel], payload: Any) -> BaseModel:
    try:
        return model.model_validate(payload) if PYDANTIC_V2 else model.parse_obj(payload)
    except pydantic.ValidationError as error:
        raise HTTPException(status_code=422, detail=error.errors()) from error


class PredictResponse(BaseModel):
    model_version: str
    predictions: list[int]
    probabilities: list[float]

    # "model_" is a reserved prefix in pydantic v2 unless the namespace is released.
    if PYDANTIC_V2:
        model_config = pydantic.ConfigDict(protected_namespaces=())


# --- metrics ----------------------------------------------------------------------------------


@dataclass
class ServiceMetrics:
    """Prometheus collectors of one app, in a registry of their own."""

    registry: CollectorRegistry
    requests: Counter
    errors: Counter
    latency: Histogram
    predictions: Counter
    probability: Histogram
    drift_rows: Gauge
    psi: Gauge
    prediction_psi: Gauge
    model: Gauge
    evaluation: Gauge

    @classmethod
    def create(cls) -> ServiceMetrics:
        registry = CollectorRegistry()
        return cls(
            registry=registry,
            requests=Counter(
                "http_requests", "HTTP requests", ["path", "method", "status"], registry=registry
            ),
            errors=Counter(
                "http_request_errors",
                "HTTP requests answered with 4xx or 5xx",
                ["path", "status"],
                registry=registry,
            ),
            latency=Histogram(
                "http_request_duration_seconds", "HTTP request latency", ["path"], registry=registry
            ),
            predictions=Counter(
                "predictions", "Predicted rows by class", ["predicted_class"], registry=registry
            ),
            probability=Histogram(
                "prediction_probability",
                "Predicted positive-class probability",
                buckets=[i / 10 for i in range(1, 11)],
                registry=registry,
            ),
            drift_rows=create_window_rows_gauge(registry),
            psi=create_psi_gauge(registry),
            prediction_psi=create_prediction_psi_gauge(registry),
            model=Gauge("model_info", "The model being served (value 1)", ["version"], registry=registry),
            evaluation=Gauge(
                "model_evaluation_score",
                "Held-out score of the served model, as measured by the promotion gate",
                ["metric"],
                registry=registry,
            ),
        )


class DriftWindow:
    """The most recent scored rows and their predicted probabilities; thread-safe since sync
    endpoints run in a thread pool."""

    def __init__(self, size: int) -> None:
        self._rows: deque[tuple[dict[str, Any], float]] = deque(maxlen=size)
        self._lock = threading.Lock()

    def extend(self, rows: list[dict[str, Any]], probabilities: list[float]) -> None:
        with self._lock:
            self._rows.extend(zip(rows, probabilities, strict=True))

    def snapshot(self) -> tuple[pd.DataFrame, np.ndarray]:
        with self._lock:
            rows = list(self._rows)
        frame = pd.DataFrame([row for row, _ in rows], columns=list(FEATURES))
        return frame, np.array([probability for _, probability in rows], dtype=float)


# --- the app ----------------------------------------------------------------------------------


def create_app(
    bundle: ModelBundle,
    drift_window_rows: int = DRIFT_WINDOW_ROWS,
    policy: DriftPolicy | None = None,
    hosting: Hosting | None = None,
) -> FastAPI:
    """An app serving `bundle`, with its own metrics registry and drift window.

    The drift thresholds and minimum window come from the model policy unless `policy` is given;
    the platform's routes from `hosting` (default: the service's own).
    """
    policy = policy or load_policy().drift
    hosting = hosting or Hosting("service", 0)
    known_paths = KNOWN_PATHS | {hosting.health_route, hosting.predict_route}
    app = FastAPI(title=__project__, description=__description__, version=bundle.version_label)
    metrics = ServiceMetrics.create()
    metrics.model.labels(version=bundle.version_label).set(1)
    # Recorded at promotion in the registry version's metadata; a model that never went through the
    # gate (MODEL_PATH to a run, training on startup) has no score to publish.
    gate_scores = bundle.metadata.get("evaluation", {}).get("scores", {}).get("challenger", {})
    for metric, value in gate_scores.items():
        metrics.evaluation.labels(metric=metric).set(value)
    window = DriftWindow(drift_window_rows)

    def refresh_drift() -> None:
        recent, probabilities = window.snapshot()
        metrics.drift_rows.set(len(recent))
        if len(recent) >= policy.min_rows:
            publish_psi(metrics.psi, feature_psi(bundle.reference, recent))
            if "prediction" in bundle.reference:
                metrics.prediction_psi.set(numeric_psi(bundle.reference["prediction"], probabilities))

    if pushgateway_url() is not None:
        app.state.metrics_pusher = PeriodicPusher(metrics.registry, refresh_drift).start()

    @app.middleware("http")
    async def record_request(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        # Unknown paths share one label so scanners cannot blow up metric cardinality.
        path = request.url.path if request.url.path in known_paths else "other"
        started = time.perf_counter()
        status = 500
        try:
            response = await call_next(request)
            status = response.status_code
            return response
        finally:
            metrics.latency.labels(path=path).observe(time.perf_counter() - started)
            metrics.requests.labels(path=path, method=request.method, status=str(status)).inc()
            if status >= 400:
                metrics.errors.labels(path=path, status=str(status)).inc()

    def score(rows: list[dict[str, Any]]) -> dict[str, Any]:
        scored = predict(bundle, pd.DataFrame(rows, columns=list(FEATURES)))
        for predicted in scored["prediction"]:
            metrics.predictions.labels(predicted_class=str(predicted)).inc()
        for probability in scored["probability"]:
            metrics.probability.observe(probability)
        window.extend(rows, scored["probability"].tolist())
        return {
            "model_version": bundle.version_label,
            "predictions": scored["prediction"].tolist(),
            "probabilities": scored["probability"].tolist(),
        }

    def health() -> dict[str, str]:
        return {"status": "ok", "model_version": bundle.version_label}

    # The platform's routes first: where its predict route is /predict, its format wins.
    if hosting.health_route != "/health":
        app.add_api_route(hosting.health_route, health, methods=["GET"])
    if hosting.request_format == "instances":

        @app.post(hosting.predict_route)
        def predict_instances(request: InstancesRequest) -> dict[str, Any]:
            scored = score([_as_dict(row) for row in request.instances])
            pairs = zip(scored["predictions"], scored["probabilities"], strict=True)
            return {"predictions": [{"prediction": c, "probability": p} for c, p in pairs]}

    elif hosting.request_format == "invocations":

        @app.post(hosting.predict_route, response_model=PredictResponse)
        async def invocations(request: Request) -> dict[str, Any]:
            body = await request.body()
            if request.headers.get("content-type", "").startswith("text/csv"):
                payload: Any = {"rows": pd.read_csv(io.BytesIO(body)).to_dict(orient="records")}
            else:
                payload = await request.json()
            parsed = _parse(PredictRequest, payload)
            return score([_as_dict(row) for row in parsed.rows])  # type: ignore[attr-defined]

    app.add_api_route("/health", health, methods=["GET"])

    @app.post("/predict", response_model=PredictResponse)
    def predict_rows(request: PredictRequest) -> dict[str, Any]:
        return score([_as_dict(row) for row in request.rows])

    @app.get("/metrics")
    def prometheus_metrics() -> Response:
        refresh_drift()
        return Response(generate_latest(metrics.registry), media_type=CONTENT_TYPE_LATEST)

    @app.get("/drift")
    def drift() -> dict[str, Any]:
        recent, probabilities = window.snapshot()
        return drift_report(bundle.reference, recent, policy, predictions=probabilities)

    return app


def hosted_app(hosting: Hosting) -> FastAPI:
    """The app of the platform's contract: its model folder where it has one, else `load_model`'s choice."""
    return create_app(load_model(hosting.model_dir), hosting=hosting)


@cache
def _default_app() -> FastAPI:
    return hosted_app(from_environment())


def __getattr__(name: str) -> Any:
    # `app` is built on first access (by uvicorn), not at import, so tests and tools can
    # import this module without a trained model.
    if name == "app":
        return _default_app()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main(argv: list[str] | None = None) -> int:
    hosting = from_environment()
    parser = argparse.ArgumentParser(description="Serve the model over HTTP.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument(
        "--port", type=int, default=hosting.port, help="default: the platform's port (AIP_HTTP_PORT) or 8000"
    )
    args = parser.parse_args(argv)
    uvicorn.run(hosted_app(hosting), host=args.host, port=args.port)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
