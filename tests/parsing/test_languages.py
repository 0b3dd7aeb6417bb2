"""The per-language tables and the public entry points' common contract."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from typing import Any

import pytest

from capacitylib.parsing import (
    LANGS,
    UnsupportedLanguageError,
    parse_date,
    parse_dates,
    parse_measure,
    parse_money,
    parse_partial_period,
    parse_period,
    parse_quantity,
    parse_term,
)
from capacitylib.parsing._languages import language, parserinfo_for

PARSERS: list[Callable[..., Any]] = [
    parse_date,
    parse_dates,
    parse_period,
    parse_partial_period,
    parse_money,
    parse_quantity,
    parse_measure,
    parse_term,
]


@pytest.mark.parametrize("parser", PARSERS)
def test_unsupported_language_is_a_value_error(parser: Callable[..., Any]) -> None:
    """Every parser refuses a language it does not read, listing the supported ones."""
    with pytest.raises(
        UnsupportedLanguageError,
        match="bg, cs, da, de, el, en, es, et, fi, fr, ga, hr, hu, it, lt, lv, mt, nl, pl, pt, ro, sk, sl, sv",
    ):
        parser("2019", lang="ru")


@pytest.mark.parametrize("lang", LANGS)
def test_each_month_form_names_one_month(lang: str) -> None:
    """Every month form in a language's table belongs to exactly one month."""
    table = language(lang)
    forms = [form for forms in table.months for form in forms]
    assert len(forms) == len(set(forms))
    assert len(table.months) == 12
    info = parserinfo_for(lang)
    for number, month_forms in enumerate(table.months, start=1):
        for form in month_forms:
            assert info.month(form.upper()) == number


@pytest.mark.parametrize("lang", LANGS)
def test_no_hour_minute_second_words(lang: str) -> None:
    """No language's parserinfo reads "m" as minutes (or any word as a time unit)."""
    info = parserinfo_for(lang)
    assert [info.hms(w) for w in ("h", "m", "s", "minutes")] == [None] * 4


def test_import_builds_no_tables() -> None:
    """Importing capacitylib.parsing reads no data file and builds no language table."""
    code = (
        "import capacitylib.parsing\n"
        "from capacitylib.parsing import _languages, _numbers, terms\n"
        "print(_languages.language.cache_info().currsize,"
        " _languages.parserinfo_for.cache_info().currsize,"
        " _languages.date_parser_for.cache_info().currsize,"
        " terms.entries.cache_info().currsize,"
        " _numbers._number_words.cache_info().currsize)\n"
    )
    # A fresh interpreter: this test process has long since filled the caches.
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.split() == ["0", "0", "0", "0", "0"]
