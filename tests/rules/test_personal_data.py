"""The personal_data family: national personal codes, private e-mails and phones in a programme."""

from __future__ import annotations

from datetime import date
from typing import Literal, get_origin

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import capacitylib
from capacitylib import Programme, check
from capacitylib.rules import RuleOptions
from capacitylib.rules.personal_data import (
    latvian_check_digit,
    lt_ee_check_digit,
    mask,
    national_id_country,
    pesel_check_digit,
)
from capacitylib.testing import rich_programme_documents

AS_OF = date(2024, 6, 1)
births = st.dates(min_value=date(1900, 1, 1), max_value=date(2020, 12, 31))
serials = st.integers(0, 999)


@st.composite
def lt_ee_codes(draw: st.DrawFn) -> str:
    born, female = draw(births), draw(st.booleans())
    first = {18: 1, 19: 3, 20: 5}[born.year // 100] + female
    head = f"{first}{born:%y%m%d}{draw(serials):03d}"
    return head + str(lt_ee_check_digit(head))


@st.composite
def pesels(draw: st.DrawFn) -> str:
    born = draw(births)
    month = born.month + {19: 0, 20: 20}[born.year // 100]
    head = f"{born:%y}{month:02d}{born:%d}{draw(st.integers(0, 9999)):04d}"
    return head + str(pesel_check_digit(head))


@st.composite
def rodne_cisla(draw: st.DrawFn) -> str:
    born = draw(births)
    slash = "/" if draw(st.booleans()) else ""
    if born.year < 1954:
        month = born.month + 50 * draw(st.booleans())
        return f"{born:%y}{month:02d}{born:%d}/{draw(serials):03d}"
    extra = draw(st.sampled_from([0, 20] if born.year >= 2004 else [0]))
    month = born.month + 50 * draw(st.booleans()) + extra
    head = f"{born:%y}{month:02d}{born:%d}{draw(serials):03d}"
    check_digit = (-int(head) * 10) % 11
    assume(check_digit != 10)
    return f"{head[:6]}{slash}{head[6:]}{check_digit}"


@st.composite
def latvian_codes(draw: st.DrawFn) -> str:
    born = draw(births)
    century = {19: "1", 20: "2"}[born.year // 100]
    head = f"{born:%d%m%y}{century}{draw(serials):03d}"
    check_digit = latvian_check_digit(head)
    assume(check_digit is not None)
    return f"{head[:6]}-{head[6:]}{check_digit}"


codes = st.one_of(lt_ee_codes(), pesels(), rodne_cisla(), latvian_codes())
# Czech and Slovak codes of people born before 1954 have nine digits and no check digit.
checksummed = codes.filter(lambda code: len(code.replace("/", "")) != 9)


def _programme(**fields: object) -> Programme:
    return Programme.model_validate({"id": "p", "title": {"en": "P"}, **fields})


def _personal(programme: Programme, **kwargs: object) -> list[capacitylib.Problem]:
    found = check(programme, as_of=AS_OF, **kwargs)  # type: ignore[arg-type]
    return [f for f in found if f.code.startswith("personal_data")]


def test_the_seed_examples_have_no_personal_data():
    """No personal_data_* finding on any of the six seed programmes."""
    for programme in capacitylib.load_examples():
        assert _personal(programme) == []


@settings(max_examples=80)
@given(codes, st.sampled_from(["note", "summary", "source"]))
def test_a_valid_code_in_free_text_is_always_found_and_never_shown(code, where):
    """A checksum-valid code with a valid birth date is found, masked, at its path."""
    text = f"Klientas {code} lankėsi centre."
    fields: dict[str, object] = {
        "note": {"note": text},
        "summary": {"summary": {"lt": text}},
        "source": {"sources": [{"title": text}]},
    }[where]
    path = {"note": "note", "summary": "summary.lt", "source": "sources[0].title"}[where]
    (found,) = _personal(_programme(**fields))
    assert (found.code, found.path, found.severity) == (
        "personal_data_national_id",
        path,
        "warning",
    )
    assert found.value == mask(code)
    assert code not in found.message and code not in repr(found.values)


@settings(max_examples=40)
@given(checksummed)
def test_one_changed_digit_is_usually_not_a_code(code):
    """Of every one-digit change to a valid checksummed code, at most a fifth still validate."""
    positions = [i for i, c in enumerate(code) if c.isdigit()]
    changed = [
        code[:i] + d + code[i + 1 :] for i in positions for d in "0123456789" if d != code[i]
    ]
    still = [c for c in changed if national_id_country(c, as_of=AS_OF) is not None]
    assert len(still) <= len(changed) // 5


@pytest.mark.parametrize(
    "text",
    [
        "CZ.03.2.63/0.0/0.0/15_023/0001478",
        "08.4.1-ESFA-V-414-01-0002",
        "9.2.1.1/15/I/001",
        "2014CZ05M9OP001",
        "43 940 212,00 Eur and 43940212.00 and 12 470 000 euro",
        "2019-05-16, 16.05.2019., 1. 11. 2016, 2022 m. gruodžio 8 d.",
        "people with disabilities and elderly people, 114 supervisions at 22 contact points",
        "12345678901.25 EUR",
        "ISBN 978-9934-8-1234-5",
        "39001010003",  # a bad check digit
        "39013010000",  # no 13th month
        "55001010008",  # born in 2050: after the check date
    ],
)
def test_figures_codes_and_dates_are_no_personal_data(text):
    """Programme codes, amounts, dates, ISBNs and invalid codes raise no finding."""
    assert _personal(_programme(note=text, summary={"en": text})) == []


@pytest.mark.parametrize(
    ("email", "personal"),
    [
        ("info@visaginas.lt", False),
        ("socialine.tarnyba@visaginas.lt", False),
        ("projekts@daugavpils.lv", False),
        ("jonas.petraitis@visaginas.lt", True),
        ("j_novak@seznam.cz", True),
        ("centrs@inbox.lv", True),
        ("kontakt@wp.pl", True),
    ],
)
def test_contact_emails_that_look_personal_are_reported_by_domain_only(email, personal):
    """Free-mail domains and name.surname local parts are personal; role addresses are not."""
    organisation = {"id": "o", "name": {"lt": "O"}, "kind": "ngo", "contact": {"email": email}}
    found = _personal(_programme(organisations=[organisation]))
    assert [f.path for f in found] == (["organisations[0].contact.email"] if personal else [])
    for f in found:
        assert f.value == "***@" + email.split("@")[1] and email.split("@")[0] not in f.message


def test_emails_and_phones_in_free_text_are_reported_and_a_contact_phone_is_not():
    """An e-mail or a +370/+420/... number in a note is reported; the contact's phone is not."""
    organisation = {
        "id": "o",
        "name": {"lt": "O"},
        "kind": "ngo",
        "note": "Rašyti ona@centras.lt, skambinti +370 612 34567 arba tel. 8 612 34567",
        "contact": {"phone": "+370 386 00000"},
    }
    found = _personal(_programme(organisations=[organisation]))
    assert [(f.code, f.path) for f in found] == [
        ("personal_data_email", "organisations[0].note"),
        ("personal_data_phone", "organisations[0].note"),
        ("personal_data_phone", "organisations[0].note"),
    ]
    assert [f.value for f in found] == ["***@centras.lt", "+3**********67", "8 *******67"]


@pytest.mark.parametrize("text", ["+420 596 123 456", "+48 22 123 45 67", "00371 67 123456"])
def test_international_numbers_of_the_field_are_phones(text):
    """CZ, PL and LV (00 for +) numbers in free text are reported."""
    assert [f.code for f in _personal(_programme(note=f"Call {text}."))] == ["personal_data_phone"]


def test_the_severity_option_escalates_the_whole_family_and_overrides_win():
    """personal_data_severity="error" makes every personal_data finding an error."""
    p = _programme(note="Klientas 39001010000, jonas@gmail.com")
    assert {f.severity for f in _personal(p)} == {"warning"}
    strict = RuleOptions(personal_data_severity="error")
    assert {f.severity for f in _personal(p, options=strict)} == {"error"}
    mixed = RuleOptions(
        personal_data_severity="error", severity_overrides={"personal_data_email": "info"}
    )
    assert {(f.code, f.severity) for f in _personal(p, options=mixed)} == {
        ("personal_data_national_id", "error"),
        ("personal_data_email", "info"),
    }
    with pytest.raises(ValueError, match="personal_data_severity"):
        RuleOptions(personal_data_severity="fatal")  # type: ignore[arg-type]


def _every_string(value, loc=()):
    """The walk as it was first written (the oracle): every field of every model, every item
    (but a ``Literal`` field, which holds only the values the model declares)."""
    from collections.abc import Mapping
    from decimal import Decimal
    from enum import Enum

    from pydantic import BaseModel

    from capacitylib.values import Estimate, Money, PartialDate, Period

    if value is None or isinstance(
        value, Enum | bool | int | float | Decimal | date | PartialDate | Estimate | Money | Period
    ):
        return
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, BaseModel):
        root = getattr(value, "root", None)
        if isinstance(root, dict) and type(value).model_fields.keys() == {"root"}:
            for key, item in root.items():
                yield from _every_string(item, (*loc, key))
            return
        for name, field in type(value).model_fields.items():
            if get_origin(field.annotation) is Literal:
                continue  # the values the model declares ("1.1"), never a user's text
            yield from _every_string(getattr(value, name), (*loc, name))
    elif isinstance(value, tuple | list):
        for i, item in enumerate(value):
            yield from _every_string(item, (*loc, i))
    elif isinstance(value, Mapping):
        for key, item in value.items():
            yield from _every_string(item, (*loc, str(key)))


@pytest.mark.slow
@settings(max_examples=25, deadline=None)
@given(rich_programme_documents())
def test_the_walk_skips_only_fields_that_cannot_hold_text(document):
    """The walk by field types finds every string the walk over every field finds, in order."""
    from capacitylib.rules.personal_data import _strings

    programme = Programme.model_validate(document)
    assert _strings(programme, ()) == list(_every_string(programme))


#: Texts made of what the prefilters look for, personal codes and anything else.
_PIECES = st.sampled_from(["+", "00", "@", "a@b.lt", "tel", "TEL.", "Phone", "mob", "-", "/", "7"])
_TEXTS = st.lists(_PIECES | codes | st.text(max_size=12), max_size=8).map(" ".join)


@settings(max_examples=100, deadline=None)
@given(_TEXTS)
def test_the_checks_before_each_pattern_change_no_finding(text):
    """Every pattern run on the whole text finds what the rule, with its prefilters, finds."""
    from capacitylib.rules import personal_data as pd

    loc = ("note",)
    found = list(pd._in_text(loc, text, AS_OF)) if pd._MAY_HOLD.search(text) else []
    codes_found = [f.value for f in pd._national_ids(loc, text, AS_OF)]
    emails = [pd.mask_email(m.group()) for m in pd._EMAIL.finditer(text)]
    phones = [
        pd.mask((m.group(1) or m.group()).strip())
        for m in pd._PHONE.finditer(text)
        if sum(c.isdigit() for c in (m.group(1) or m.group())) >= 7
    ]
    assert [f.value for f in found if f.code == "personal_data_national_id"] == codes_found
    assert [f.value for f in found if f.code == "personal_data_email"] == emails
    assert [f.value for f in found if f.code == "personal_data_phone"] == phones
