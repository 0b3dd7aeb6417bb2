import html
import re
from datetime import date

import pytest

import capacitylib
from capacitylib import Programme, build_report
from capacitylib.display import programme_html, programme_text, report_html

EXAMPLES = {p.id: p for p in capacitylib.load_examples()}
CZ = EXAMPLES["cz-up-msk-supervision"]
LT = EXAMPLES["lt-07-003-P-0001"]
PILOT = EXAMPLES["lv-9.2.1.1-15-I-001"]

HOSTILE = "<script>alert('x')</script> & <b>"


def _hostile_programme() -> Programme:
    return Programme.model_validate(
        {
            "id": "x",
            "title": {"en": HOSTILE},
            "organisations": [{"id": "o", "name": {"en": HOSTILE}, "kind": "ngo"}],
            "partners": [{"organisation": "o", "role": "partner"}],
            "activities": [{"id": "a", "kind": "seminar", "title": {"en": HOSTILE}}],
            "indicators": [
                {"id": "i", "kind": "output", "name": {"en": HOSTILE}, "unit": "persons"}
            ],
        }
    )


def test_programme_html_escapes_every_text():
    """Markup in a title, an organisation, an activity or an indicator is shown, never run."""
    page = _hostile_programme()._repr_html_()
    assert "<script>" not in page
    assert "<b>" not in page
    assert page.count(html.escape(HOSTILE)) == 4


def test_report_html_escapes_the_title():
    """The report's HTML escapes the programme title."""
    page = build_report(_hostile_programme())._repr_html_()
    assert "<script>" not in page
    assert html.escape(HOSTILE) in page


def test_programme_html_is_balanced_tables():
    """Every table opened is closed, and each table's rows have as many cells as its header."""
    page = programme_html(LT)
    assert page.count("<table>") == page.count("</table>") == 4
    for table in re.findall(r"<table>(.*?)</table>", page, flags=re.DOTALL):
        header = re.search(r"<thead><tr>(.*?)</tr></thead>", table)
        if header is None:
            continue
        width = header.group(1).count("<th")
        for row in re.findall(r"<tbody>.*?</tbody>", table, flags=re.DOTALL)[0].split("<tr>")[1:]:
            assert row.count("<td>") == width


def test_programme_html_shows_the_seed_figures():
    """The CZ document's code, scheme, period with days and supervision figures are in the HTML."""
    page = CZ._repr_html_()
    for text in [
        "Developing and improving social work at the Labour Office in the Moravian-Silesian Region",
        "CZ.03.2.63/0.0/0.0/15_023/0001478 (cz_2014_2020)",
        "CZ (Czechia)",
        "actual 2016-11-01 .. 2018-02-28, 485 days",
        "114 held, in 22 groups",
        "2-3 h per session",
        "lead_implementer",
        "whole programme",
    ]:
        assert html.escape(text, quote=False) in page, text
    assert "<td>supervision_team</td>" in page


def test_programme_html_shows_budget_partners_and_indicators():
    """The LT ESF+ budget, the partner who joined later and the target without an actual."""
    page = LT._repr_html_()
    assert "43940212.00 EUR in total" in page
    assert "2023-01-02 .. open" in page
    assert "4018 by 2026" in page
    assert "not reported" in page


def test_report_html_shows_the_calculated_figures():
    """The CZ report's HTML holds the inclusive days, calendar duration and clock hours."""
    page = build_report(CZ)._repr_html_()
    assert "485 days (1 year 4 months 0 days)" in page
    assert "<td>228-342</td>" in page
    assert "<td>114</td>" in page


def test_report_html_shows_ranges_and_municipalities():
    """The LV pilot's 1980-2250 person-hours and its 17 municipalities are in the report HTML."""
    page = build_report(PILOT)._repr_html_()
    assert "<td>cca 1980-2250</td>" in page
    assert "municipalities (17)" in page


def test_programme_render_text_is_a_readable_summary():
    """Programme.render_text gives the title, the period with its days and each activity."""
    text = CZ.render_text()
    lines = text.splitlines()
    assert lines[0].startswith("Developing and improving social work")
    assert "period   actual 2016-11-01 .. 2018-02-28, 485 days" in lines
    assert "  Team supervision" in lines
    assert "    sessions      114 held, in 22 groups" in lines
    assert text == programme_text(CZ)


@pytest.mark.parametrize("programme", list(EXAMPLES.values()), ids=list(EXAMPLES))
def test_every_seed_renders_as_text_and_html(programme):
    """Every bundled example renders in both forms, with lines no wider than 130 characters."""
    text = programme.render_text()
    assert max(len(line) for line in text.splitlines()) <= 130
    assert programme.title.best("en") in text
    assert html.escape(programme.title.best("en"), quote=False) in programme._repr_html_()
    assert report_html(build_report(programme)).startswith('<div class="capacitylib">')


def test_budget_sources_and_shares_are_shown():
    """A budget split over sources shows each source, the shares and the unit costs."""
    grant = Programme.model_validate(
        {
            "id": "g",
            "title": {"en": "Grant"},
            "periods": [{"start": "2014-01-01", "end": "2014-12-31"}],
            "budget": {
                "total": {"amount": "100000.00", "currency": "EUR"},
                "sources": [
                    {"kind": "donor_grant", "amount": {"amount": "90000.00", "currency": "EUR"}},
                    {
                        "kind": "own_contribution_cash",
                        "amount": {"amount": "10000.00", "currency": "EUR"},
                    },
                ],
            },
            "activities": [
                {"id": "s", "kind": "seminar", "status": "completed", "sessions_actual": 4}
            ],
        }
    )
    assert "donor_grant 90000.00 EUR" in grant._repr_html_()
    page = build_report(grant, as_of=date(2014, 7, 1))._repr_html_()
    assert "EU 90%, public 90%, own 10%" in page
    assert "cost per session" in page and "25000.00 EUR" in page
    assert "2014-07-01: 182 days elapsed" in page
