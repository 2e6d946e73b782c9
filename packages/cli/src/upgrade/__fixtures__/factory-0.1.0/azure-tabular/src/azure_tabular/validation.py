"""Checks a data frame against the schema and reports every problem at once."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from .schema import (
    CATEGORICAL_FEATURES,
    NUMERIC_FEATURES,
    TARGET,
    TARGET_VALUES,
    CategoricalFeature,
    NumericFeature,
)


@dataclass(frozen=True)
class Problem:
    """One finding: which column, what kind of problem, and a readable message."""

    column: str
    kind: str  # missing_column, wrong_type, missing_values, out_of_range, unknown_category, empty
    message: str


@dataclass
class ValidationReport:
    """Result of `validate`: the rows checked and all problems found."""

    n_rows: int
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def kinds(self, column: str) -> set[str]:
        """Problem kinds reported for `column`."""
        return {p.kind for p in self.problems if p.column == column}

    def raise_if_invalid(self) -> None:
        if self.problems:
            raise DataValidationError(self)

    def __str__(self) -> str:
        if self.ok:
            return f"{self.n_rows} rows: valid"
        lines = [f"{self.n_rows} rows: {len(self.problems)} problem(s)"]
        lines += [f"- {p.column}: {p.message}" for p in self.problems]
        return "\n".join(lines)


class DataValidationError(ValueError):
    """Raised for invalid data; `report` lists every problem, not only the first."""

    def __init__(self, report: ValidationReport) -> None:
        super().__init__(str(report))
        self.report = report


def validate(frame: pd.DataFrame, *, require_target: bool = True) -> ValidationReport:
    """Check columns, types, missing values, ranges and categories.

    Columns outside the schema (such as the customer id) are ignored.
    Scoring data is checked with `require_target=False`.
    """
    report = ValidationReport(n_rows=len(frame))
    if frame.empty:
        report.problems.append(Problem("*", "empty", "no rows"))
    for numeric in NUMERIC_FEATURES:
        report.problems += _check_numeric(frame, numeric)
    for categorical in CATEGORICAL_FEATURES:
        report.problems += _check_categorical(frame, categorical)
    if require_target:
        report.problems += _check_target(frame)
    return report


def _present(frame: pd.DataFrame, column: str) -> tuple[pd.Series | None, list[Problem]]:
    """The non-missing values of `column`, plus problems for an absent column or missing values."""
    if column not in frame.columns:
        return None, [Problem(column, "missing_column", "column is missing")]
    values = frame[column]
    missing = int(values.isna().sum())
    problems = []
    if missing:
        problems.append(Problem(column, "missing_values", f"{missing} missing value(s)"))
    return values.dropna(), problems


def _check_numeric(frame: pd.DataFrame, spec: NumericFeature) -> list[Problem]:
    values, problems = _present(frame, spec.name)
    if values is None:
        return problems
    if not pd.api.types.is_numeric_dtype(values) or pd.api.types.is_bool_dtype(values):
        return problems + [Problem(spec.name, "wrong_type", f"expected numbers, got {values.dtype}")]
    if spec.dtype is int and not (values == values.round()).all():
        problems.append(Problem(spec.name, "wrong_type", "expected whole numbers"))
    outside = values[(values < spec.minimum) | (values > spec.maximum)]
    if len(outside):
        problems.append(
            Problem(
                spec.name,
                "out_of_range",
                f"{len(outside)} value(s) outside [{spec.minimum}, {spec.maximum}], e.g. {outside.iloc[0]}",
            )
        )
    return problems


def _check_categorical(frame: pd.DataFrame, spec: CategoricalFeature) -> list[Problem]:
    values, problems = _present(frame, spec.name)
    if values is None:
        return problems
    unknown = sorted(set(values.astype(str)) - set(spec.categories))
    if unknown:
        problems.append(
            Problem(
                spec.name,
                "unknown_category",
                f"unknown categories {unknown[:5]}; allowed: {list(spec.categories)}",
            )
        )
    return problems


def _check_target(frame: pd.DataFrame) -> list[Problem]:
    values, problems = _present(frame, TARGET)
    if values is None:
        return problems
    invalid = sorted(set(values.tolist()) - set(TARGET_VALUES), key=str)
    if invalid:
        problems.append(Problem(TARGET, "out_of_range", f"labels {invalid[:5]} not in {list(TARGET_VALUES)}"))
    return problems
