import json

import numpy as np
import pandas as pd

from azure_tabular.data import features
from azure_tabular.encoding import FeatureEncoder
from azure_tabular.schema import CATEGORICAL_FEATURES, NUMERIC_NAMES


def test_numeric_columns_are_standardised_and_categories_one_hot(sample_df: pd.DataFrame) -> None:
    encoder = FeatureEncoder.fit(sample_df)
    matrix = encoder.transform(sample_df)
    assert matrix.shape == (len(sample_df), encoder.width)
    numeric = matrix[:, : len(NUMERIC_NAMES)]
    np.testing.assert_allclose(numeric.mean(axis=0), 0.0, atol=1e-9)
    np.testing.assert_allclose(numeric.std(axis=0), 1.0)
    one_hot = matrix[:, len(NUMERIC_NAMES) :]
    # Every known category sets exactly one column per categorical feature.
    assert one_hot.sum(axis=1).tolist() == [float(len(CATEGORICAL_FEATURES))] * len(sample_df)


def test_unknown_category_encodes_as_zeros(sample_df: pd.DataFrame) -> None:
    encoder = FeatureEncoder.fit(sample_df)
    row = features(sample_df).head(1).copy()
    row["contract"] = "lifetime"
    assert encoder.transform(row)[0, len(NUMERIC_NAMES) :].sum() == len(CATEGORICAL_FEATURES) - 1


def test_layout_survives_json_with_sorted_keys(sample_df: pd.DataFrame) -> None:
    encoder = FeatureEncoder.fit(sample_df)
    restored = FeatureEncoder.from_dict(json.loads(json.dumps(encoder.to_dict(), sort_keys=True)))
    assert restored == encoder
    np.testing.assert_array_equal(restored.transform(sample_df), encoder.transform(sample_df))


def test_column_order_of_the_input_does_not_matter(sample_df: pd.DataFrame) -> None:
    encoder = FeatureEncoder.fit(sample_df)
    reversed_columns = sample_df[list(reversed(sample_df.columns))]
    np.testing.assert_array_equal(encoder.transform(reversed_columns), encoder.transform(sample_df))
