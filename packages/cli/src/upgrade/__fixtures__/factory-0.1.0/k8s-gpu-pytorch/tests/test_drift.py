import numpy as np
import pandas as pd
from prometheus_client import CollectorRegistry, generate_latest

from k8s_gpu_pytorch.data import features, split_dataset
from k8s_gpu_pytorch.drift import build_reference, create_psi_gauge, feature_psi, psi, publish_psi
from k8s_gpu_pytorch.schema import FEATURES


def test_psi_is_zero_for_identical_and_grows_with_shift() -> None:
    assert psi([0.5, 0.5], [0.5, 0.5]) == 0.0
    assert psi([0.5, 0.5], [0.4, 0.6]) < psi([0.5, 0.5], [0.1, 0.9])


def test_empty_bins_stay_finite() -> None:
    value = psi([0.0, 1.0], [1.0, 0.0])
    assert np.isfinite(value) and value > 10


def test_same_distribution_has_near_zero_psi(sample_df: pd.DataFrame) -> None:
    train_rows = features(split_dataset(sample_df).train)
    reference = build_reference(train_rows)
    assert max(feature_psi(reference, train_rows).values()) < 1e-9
    # A large resample of the training rows: same distribution, little sampling noise.
    resampled = train_rows.sample(n=5000, replace=True, random_state=0)
    values = feature_psi(reference, resampled)
    assert set(values) == set(FEATURES)
    assert max(values.values()) < 0.02, values


def test_held_out_rows_show_no_significant_shift(sample_df: pd.DataFrame) -> None:
    split = split_dataset(sample_df)
    values = feature_psi(build_reference(features(split.train)), features(split.test))
    # 125 rows in 10 bins carry about 0.1 PSI of sampling noise, well below 0.25.
    assert max(values.values()) < 0.25, values


def test_shifted_distribution_has_high_psi(sample_df: pd.DataFrame) -> None:
    reference = build_reference(features(sample_df))
    shifted = features(sample_df).copy()
    shifted["monthly_charges"] = shifted["monthly_charges"] + 40
    shifted["contract"] = "two-year"
    shifted.loc[:10, "internet_service"] = "satellite"
    values = feature_psi(reference, shifted)
    assert values["monthly_charges"] > 0.25
    assert values["contract"] > 0.25
    assert values["internet_service"] > 0.1
    assert values["age"] < 1e-9


def test_psi_published_as_labelled_gauges(sample_df: pd.DataFrame) -> None:
    registry = CollectorRegistry()
    gauge = create_psi_gauge(registry)
    publish_psi(gauge, {"age": 0.02, "contract": 0.4})
    assert registry.get_sample_value("feature_drift_psi", {"feature": "contract"}) == 0.4
    assert 'feature_drift_psi{feature="age"} 0.02' in generate_latest(registry).decode()
