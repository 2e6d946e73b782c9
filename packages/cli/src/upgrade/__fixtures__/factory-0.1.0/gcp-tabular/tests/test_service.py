import json
from typing import Any

import pandas as pd
import pytest
from fastapi.testclient import TestClient

from gcp_tabular.registry import ModelRegistry
from gcp_tabular.schema import FEATURES
from gcp_tabular.service import MIN_DRIFT_ROWS, create_app


@pytest.fixture()
def client(champion_registry: ModelRegistry) -> TestClient:
    return TestClient(create_app(champion_registry.champion().load()))


def _rows(frame: pd.DataFrame, count: int) -> list[dict[str, Any]]:
    """The first `count` rows' features as JSON values, as a client would send them."""
    return json.loads(frame.loc[: count - 1, list(FEATURES)].to_json(orient="records"))


def test_health(client: TestClient) -> None:
    response = client.get("/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "model_version": "v1"}


def test_predict_batch(client: TestClient, sample_df: pd.DataFrame) -> None:
    rows = _rows(sample_df, 3)
    response = client.post("/predict", json={"rows": rows})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["model_version"] == "v1"
    assert len(body["predictions"]) == len(body["probabilities"]) == 3
    assert set(body["predictions"]) <= {0, 1}
    assert all(0.0 <= p <= 1.0 for p in body["probabilities"])


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("tenure_months", "twelve"),  # wrong type
        ("support_calls", 2.5),  # not a whole number
        ("age", 150),  # out of range
        ("monthly_charges", -1.0),  # out of range
        ("contract", "lifetime"),  # unknown category
        ("favourite_colour", "blue"),  # unknown field
    ],
)
def test_invalid_values_are_rejected(
    client: TestClient, sample_df: pd.DataFrame, field: str, value: Any
) -> None:
    row = _rows(sample_df, 1)[0]
    row[field] = value
    response = client.post("/predict", json={"rows": [row]})
    assert response.status_code == 422, response.text


def test_missing_field_and_empty_batch_are_rejected(client: TestClient, sample_df: pd.DataFrame) -> None:
    row = _rows(sample_df, 1)[0]
    del row["age"]
    assert client.post("/predict", json={"rows": [row]}).status_code == 422
    assert client.post("/predict", json={"rows": []}).status_code == 422
    assert client.post("/predict", json=row).status_code == 422


def test_metrics_expose_traffic_predictions_and_drift(client: TestClient, sample_df: pd.DataFrame) -> None:
    rows = _rows(sample_df, MIN_DRIFT_ROWS)
    assert client.post("/predict", json={"rows": rows}).status_code == 200
    assert client.post("/predict", json={"rows": [{"age": "old"}]}).status_code == 422

    response = client.get("/metrics")
    assert response.status_code == 200
    text = response.text
    for name in (
        "http_requests_total",
        "http_request_errors_total",
        "http_request_duration_seconds_bucket",
        "predictions_total",
        "prediction_probability_bucket",
        "drift_window_rows",
    ):
        assert name in text, name
    assert f"drift_window_rows {float(MIN_DRIFT_ROWS)}" in text
    assert 'http_request_errors_total{path="/predict",status="422"} 1.0' in text
    for feature in FEATURES:
        assert 'feature_drift_psi{feature="' + feature + '"}' in text


def test_drift_gauge_rises_for_shifted_traffic(client: TestClient, sample_df: pd.DataFrame) -> None:
    rows = _rows(sample_df, MIN_DRIFT_ROWS)
    for row in rows:
        row["contract"] = "two-year"
    client.post("/predict", json={"rows": rows})
    text = client.get("/metrics").text
    line = next(
        line for line in text.splitlines() if line.startswith('feature_drift_psi{feature="contract"}')
    )
    assert float(line.split()[-1]) > 0.25
