"""Programme codes against their numbering schemes (patterns in ``_data/code_schemes.csv``).

* A stated ``code_scheme`` whose pattern the ``code`` does not follow is an error.
* A code that follows no known scheme, with no ``code_scheme`` stated, while the programme's
  country has known schemes (CZ, LT, LV) is reported as info: a typo is likely, but unknown codes
  are accepted (state ``code_scheme: other`` to say the code is of another scheme).
"""

from __future__ import annotations

import functools

from capacitylib import _tables
from capacitylib.codelists import ProgrammeCodeScheme
from capacitylib.models import Programme
from capacitylib.rules._context import Context, Findings, finding
from capacitylib.values import code_matches_scheme, detect_code_scheme


def check_codes(programme: Programme, ctx: Context) -> Findings:
    """Findings ``programme_code_*`` and ``measure_code_*`` of one programme."""
    for i, measure in enumerate(programme.measures):
        if measure.code is None or measure.code_scheme is None:
            continue
        if not code_matches_scheme(measure.code, measure.code_scheme):
            example = _examples().get(measure.code_scheme.value, "")
            yield finding(
                "measure_code_scheme_mismatch",
                ("measures", i, "code"),
                f"'code' must follow the pattern of 'code_scheme' {measure.code_scheme.value}"
                f"{f' (like {example})' if example else ''} (got {measure.code!r})",
                value=str(measure.code),
                code_scheme=measure.code_scheme.value,
                example=example,
            )
    yield from _programme_code(programme)


def _programme_code(programme: Programme) -> Findings:
    code = programme.code
    if code is None:
        return
    scheme = programme.code_scheme
    if scheme is not None:
        if not code_matches_scheme(code, scheme):
            example = _examples().get(scheme.value, "")
            yield finding(
                "programme_code_scheme_mismatch",
                ("code",),
                f"'code' must follow the pattern of 'code_scheme' {scheme.value}"
                f"{f' (like {example})' if example else ''} (got {code!r})",
                value=str(code),
                code_scheme=scheme.value,
                example=example,
            )
        return
    country = programme.country
    if country is None or detect_code_scheme(code) is not ProgrammeCodeScheme.OTHER:
        return
    known = _schemes_by_country().get(country.lower(), ())
    if known:
        yield finding(
            "programme_code_scheme_unknown",
            ("code",),
            f"'code' must follow a {country} scheme ({', '.join(known)}), or 'code_scheme' "
            f"must say other (got {code!r})",
            value=str(code),
            country=str(country),
            schemes=list(known),
        )


@functools.cache
def _examples() -> dict[str, str]:
    return {s.scheme: s.example for s in _tables.code_schemes()}


@functools.cache
def _schemes_by_country() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for s in _tables.code_schemes():
        prefix = s.scheme.split("_", 1)[0]
        if len(prefix) == 2:
            out.setdefault(prefix, []).append(s.scheme)
    return {k: tuple(v) for k, v in out.items()}
