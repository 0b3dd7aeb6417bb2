"""Tolerances and switches of the checks, with documented defaults, overridable per call."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from decimal import Decimal
from types import MappingProxyType
from typing import get_args

from capacitylib.codelists import TargetGroup
from capacitylib.errors import Severity
from capacitylib.rules.catalogue import CATALOGUE
from capacitylib.values.hours import DEFAULT_HOURS_PER_DAY

_SOCIAL_WORK_GROUPS = frozenset(
    {TargetGroup.SOCIAL_WORKERS, TargetGroup.SOCIAL_WORK_MANAGERS, TargetGroup.CASE_MANAGERS}
)


@dataclass(frozen=True, slots=True)
class RuleOptions:
    """Tolerances of the checks and which codes to report at which severity.

    Every field has a documented default; pass only what you change::

        >>> options = RuleOptions(duration_tolerance_days=31,
        ...                       severity_overrides={"budget_share_above_ceiling": "error"})
        >>> options.duration_tolerance_days, options.actual_target_ratio
        (31, Decimal('1.5'))

    Attributes:
        duration_tolerance_days: Days a stated duration may differ from its period before
            ``duration_differs_from_stated`` is reported (7: "6 months" for 16 May - 31 Oct,
            15 days short, is reported; "18 months" for 1 Nov 2013 - 30 Apr 2015 is not).
        approximate_margin: Relative widening of an approximate figure ("cca every 2-3
            months", "cca 6 months"): the lower bound times ``1 - margin``, the upper times
            ``1 + margin`` (0.25).
        actual_target_ratio: ``indicator_actual_far_above_target`` fires when the actual's
            minimum exceeds this many times the target's maximum (1.5).
        budget_tolerance: Largest difference, in the budget's currency, between the sum of the
            funding sources and the total that is still "adds up" (0.01).
        share_tolerance: Largest difference between shares that still "agree": the sum of the
            ``share`` of a complete set and 1, or a share and amount / total (0.005, half a
            percentage point, as sources round percentages).
        hours_per_day: Clock hours in a training day, to convert hours stated in days (8).
        cpd_groups: Target groups whose training counts towards the CPD minimum (social workers,
            social work managers and case managers: social workers by profession).
        severity_overrides: Report some codes at another severity (a funder enforcing
            ``budget_share_above_ceiling`` sets it to ``"error"``).
        personal_data_severity: Severity of every ``personal_data_*`` finding (``"warning"``;
            ``"error"`` makes a pipeline refuse documents with personal data, as
            ``validate --fail-on-personal-data`` does). ``severity_overrides`` of a single
            code still wins.
        disabled: Codes not to report at all.

    Raises:
        TypeError: a float where a decimal figure is needed (binary floats are not exact).
        ValueError: a negative tolerance, or a code that is not in the catalogue.
    """

    duration_tolerance_days: int = 7
    approximate_margin: Decimal = Decimal("0.25")
    actual_target_ratio: Decimal = Decimal("1.5")
    budget_tolerance: Decimal = Decimal("0.01")
    share_tolerance: Decimal = Decimal("0.005")
    hours_per_day: Decimal = Decimal(DEFAULT_HOURS_PER_DAY)
    cpd_groups: frozenset[TargetGroup] = _SOCIAL_WORK_GROUPS
    severity_overrides: Mapping[str, Severity] = field(default_factory=lambda: MappingProxyType({}))
    disabled: frozenset[str] = frozenset()
    personal_data_severity: Severity = "warning"

    def __post_init__(self) -> None:
        for name in (
            "approximate_margin",
            "actual_target_ratio",
            "budget_tolerance",
            "share_tolerance",
            "hours_per_day",
        ):
            value = getattr(self, name)
            if isinstance(value, float) or not isinstance(value, Decimal | int | str):
                raise TypeError(
                    f"'{name}' must be a Decimal, an int or a decimal string, not "
                    f"{type(value).__name__} (got {value!r})"
                )
            number = Decimal(value)
            if not number.is_finite():
                raise ValueError(f"'{name}' must be a finite number (got {value!r})")
            object.__setattr__(self, name, number)
        if self.duration_tolerance_days < 0:
            raise ValueError(
                f"'duration_tolerance_days' must be 0 or more (got {self.duration_tolerance_days})"
            )
        for name in ("approximate_margin", "budget_tolerance", "share_tolerance"):
            if getattr(self, name) < 0:
                raise ValueError(f"'{name}' must be 0 or more (got {getattr(self, name)})")
        if not 0 <= self.approximate_margin < 1:
            raise ValueError(
                f"'approximate_margin' must be below 1 (got {self.approximate_margin})"
            )
        if self.actual_target_ratio <= 0 or self.hours_per_day <= 0:
            raise ValueError(
                "'actual_target_ratio' and 'hours_per_day' must be above 0 "
                f"(got {self.actual_target_ratio} and {self.hours_per_day})"
            )
        unknown = sorted((set(self.severity_overrides) | self.disabled) - set(CATALOGUE))
        if unknown:
            raise ValueError(
                f"'severity_overrides' and 'disabled' must name catalogue codes (got {unknown})"
            )
        if self.personal_data_severity not in get_args(Severity):
            raise ValueError(
                "'personal_data_severity' must be error, warning or info "
                f"(got {self.personal_data_severity!r})"
            )
        bad = {k: v for k, v in self.severity_overrides.items() if v not in get_args(Severity)}
        if bad:
            raise ValueError(
                f"'severity_overrides' values must be error, warning or info (got {bad})"
            )

    def __reduce__(self) -> tuple[object, ...]:
        # A mappingproxy does not pickle: rebuild from plain values (options sent to workers).
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        values["severity_overrides"] = dict(self.severity_overrides)
        return (_rebuild_options, (type(self), values))


def _rebuild_options(cls: type[RuleOptions], values: dict[str, object]) -> RuleOptions:
    return cls(**values)  # type: ignore[arg-type]
