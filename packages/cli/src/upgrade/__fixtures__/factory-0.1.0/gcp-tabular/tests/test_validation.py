import numpy as np
import pandas as pd
import pytest

from gcp_tabular.schema import FEATURES, TARGET
from gcp_tabular.validation import DataValidationError, validate


def test_sample_data_is_valid(sample_df: pd.DataFrame) -> None:
    report = validate(sample_df)
    assert report.ok, str(report)
    assert report.n_rows == len(sample_df)


def test_scoring_data_without_target_is_valid(sample_df: pd.DataFrame) -> None:
    assert validate(sample_df.drop(columns=[TARGET]), require_target=False).ok
    assert validate(sample_df.drop(columns=[TARGET])).kinds(TARGET) == {"missing_column"}


def test_missing_column_is_reported(sample_df: pd.DataFrame) -> None:
    report = validate(sample_df.drop(columns=["tenure_months"]))
    assert report.kinds("tenure_months") == {"missing_column"}


def test_out_of_range_and_unknown_category_are_reported(sample_df: pd.DataFrame) -> None:
    sample_df.loc[0, "age"] = 7
    sample_df.loc[1, "monthly_charges"] = 999.0
    sample_df.loc[2, "contract"] = "lifetime"
    report = validate(sample_df)
    assert report.kinds("age") == {"out_of_range"}
    assert report.kinds("monthly_charges") == {"out_of_range"}
    assert report.kinds("contract") == {"unknown_category"}


def test_missing_values_are_reported(sample_df: pd.DataFrame) -> None:
    sample_df["support_calls"] = sample_df["support_calls"].astype(float)  # int columns cannot hold NaN
    sample_df.loc[[3, 4], "support_calls"] = np.nan
    sample_df.loc[5, "payment_method"] = None
    report = validate(sample_df)
    assert report.kinds("support_calls") == {"missing_values"}
    assert report.kinds("payment_method") == {"missing_values"}
    assert "2 missing value(s)" in str(report)


def test_wrong_types_and_labels_are_reported(sample_df: pd.DataFrame) -> None:
    sample_df["tenure_months"] = sample_df["tenure_months"].astype(str) + " months"
    sample_df["support_calls"] = sample_df["support_calls"].astype(float)
    sample_df.loc[0, "support_calls"] = 1.5
    sample_df.loc[1, TARGET] = 3
    report = validate(sample_df)
    assert report.kinds("tenure_months") == {"wrong_type"}
    assert report.kinds("support_calls") == {"wrong_type"}
    assert report.kinds(TARGET) == {"out_of_range"}


def test_error_lists_every_problem(sample_df: pd.DataFrame) -> None:
    broken = sample_df.drop(columns=["contract"])
    broken.loc[0, "age"] = 200
    with pytest.raises(DataValidationError) as caught:
        validate(broken).raise_if_invalid()
    message = str(caught.value)
    assert "contract: column is missing" in message
    assert "age:" in message and "outside" in message
    assert len(caught.value.report.problems) == 2


def test_empty_frame_is_reported() -> None:
    report = validate(pd.DataFrame(columns=[*FEATURES, TARGET]))
    assert not report.ok
    assert report.kinds("*") == {"empty"}
