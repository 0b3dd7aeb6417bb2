"""Personal data found in a programme: national personal codes, private e-mails, phone numbers.

A programme document describes organisations, counts and pseudonymous ids, never clients or
participants (``docs/personal-data.md``). This family walks every string of the programme
(titles, summaries, notes, sources, organisations' names, identifiers and contacts) and reports:

* ``personal_data_national_id``: a national personal code whose checksum and embedded birth
  date are valid: LT asmens kodas and EE isikukood (11 digits, century-and-sex digit 1-6,
  YYMMDD, check digit with weights 1..9,1 then 3..9,1,2,3), PL PESEL (11 digits, weights
  1,3,7,9,..., century in the month), CZ/SK rodné číslo (YYMMDD/XXXX divisible by 11, or
  YYMMDD/XXX before 1954; month +50 for women, +20/+70 from 2004), LV personas kods
  (DDMMYY-CNNNN with check digit; the dateless codes from 2017 start with 32 and are matched
  by shape, hyphen required). A birth date after the check date is no birth date.
* ``personal_data_email``: an e-mail address in free text (any field but a contact's
  ``email``), or a contact e-mail that looks personal: a free-mail domain
  (:data:`FREE_MAIL_DOMAINS`) or a ``name.surname`` local part that is not a role word
  (``info``, ``office``, ``socialine.tarnyba``: see :data:`ROLE_WORDS`).
* ``personal_data_phone``: a phone number in free text (a contact's ``phone`` is expected
  there): international numbers of the field's countries (+370, +371, +372, +420, +421, +48,
  or 00 instead of +) and digit runs after ``tel.``/``phone``/``telefon``.

Programme codes (``CZ.03.2.63/0.0/0.0/15_023/0001478``, ``08.4.1-ESFA-V-414-01-0002``), dates
and amounts are not candidates: digits joined to other digits by ``.``, ``,``, ``/`` or ``-``
are part of a longer figure. Health terms are not looked for (see the documentation).

Findings never show the value: the first 2 and last 2 characters of a code or number
(``39*******12``), the domain of an e-mail (``***@gmail.com``). Severity: warning, or
:attr:`RuleOptions.personal_data_severity <capacitylib.rules.RuleOptions>` for the whole
family (``severity_overrides`` still wins for a single code).

>>> from capacitylib import Programme
>>> from capacitylib.rules import check
>>> p = Programme(id="p", title={"en": "P"}, note="Client 39001010000, tel. +370 612 34567")
>>> [(f.code, f.path, f.value) for f in check(p) if f.code.startswith("personal_data")]
... # doctest: +NORMALIZE_WHITESPACE
[('personal_data_national_id', 'note', '39*******00'),
 ('personal_data_phone', 'note', '+3**********67')]
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from decimal import Decimal
from enum import Enum
from types import UnionType
from typing import Annotated, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from capacitylib.errors import Loc
from capacitylib.models import Programme
from capacitylib.rules._context import Context, Findings, finding, quoted
from capacitylib.values import Estimate, Money, PartialDate, Period

#: Free-mail domains: an address there is a person's, not an organisation's.
FREE_MAIL_DOMAINS = frozenset(
    {
        "gmail.com",
        "googlemail.com",
        "yahoo.com",
        "outlook.com",
        "hotmail.com",
        "live.com",
        "icloud.com",
        "proton.me",
        "protonmail.com",
        "gmx.com",
        "gmx.de",
        "inbox.lv",
        "inbox.lt",
        "mail.lv",
        "one.lt",
        "takas.lt",
        "seznam.cz",
        "centrum.cz",
        "email.cz",
        "post.cz",
        "atlas.cz",
        "azet.sk",
        "centrum.sk",
        "zoznam.sk",
        "wp.pl",
        "o2.pl",
        "onet.pl",
        "interia.pl",
        "op.pl",
        "mail.ee",
        "hot.ee",
    }
)

#: Words that make a ``word.word`` local part an organisation's (``socialine.tarnyba@``).
ROLE_WORDS = frozenset(
    {
        "info",
        "office",
        "admin",
        "contact",
        "kontakt",
        "kontakti",
        "kontaktai",
        "mail",
        "post",
        "posta",
        "pasts",
        "sekretariat",
        "sekretariats",
        "sekretoriatas",
        "podatelna",
        "projekt",
        "projekts",
        "projektas",
        "projects",
        "project",
        "social",
        "socialine",
        "socialinis",
        "socialais",
        "socialni",
        "tarnyba",
        "dienests",
        "centrs",
        "centras",
        "centrum",
        "pagalba",
        "help",
        "support",
        "esf",
        "eea",
        "grants",
        "press",
        "media",
        "biuras",
        "birojs",
        "kancelar",
        "urad",
    }
)

_BEFORE = r"(?<![\w+])(?<![\d][.,/-])"
_AFTER = r"(?![\w])(?![.,/-]\d)"
_ELEVEN = re.compile(_BEFORE + r"(\d{11})" + _AFTER)
_RODNE = re.compile(_BEFORE + r"(\d{6})(/?)(\d{3,4})" + _AFTER)
_LV = re.compile(_BEFORE + r"(\d{6})-(\d{5})" + _AFTER)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
_PHONE = re.compile(
    r"(?<![\w+])(?:\+|00)(?:370|371|372|420|421|48)(?:[\s.-]?\(?\d\)?){7,10}(?!\w)"
    r"|(?i:\b(?:tel|tel\.|telefon|telefonas|telefons|telefonu|phone|mob|mob\.)\s*[:.]?\s*)"
    r"(\(?\d(?:[\s-]?\(?\d\)?){6,12})(?![\d\w])"
)


def check_personal_data(programme: Programme, ctx: Context) -> Findings:
    """Findings ``personal_data_*`` of one programme, in document order."""
    severity = ctx.options.personal_data_severity
    for loc, text in _strings(programme, ()):
        if _MAY_HOLD.search(text) is None:
            continue  # most texts: nothing any pattern could match
        for found in _in_text(loc, text, ctx.as_of):
            yield found if found.severity == severity else replace(found, severity=severity)


def _strings(value: object, loc: Loc) -> list[tuple[Loc, str]]:
    """Every string inside ``value`` with its location (codelist values are not text)."""
    found: list[tuple[Loc, str]] = []
    _collect(value, loc, found)
    return found


#: Values that hold no free text: figures, amounts, dates and codes (walked past at once).
_NO_TEXT = (Enum, bool, int, float, Decimal, date, PartialDate, Estimate, Money, Period)

#: A model class's fields that may hold text, worked out once per class from its annotations
#: (``_ROOT``: a root model, walked through its root).
_FIELDS: dict[type, tuple[str, ...]] = {}
_ROOT: tuple[str, ...] = ("root",)


def _text_fields(cls: type[BaseModel]) -> tuple[str, ...]:
    names = _FIELDS.get(cls)
    if names is None:
        fields = cls.model_fields
        if fields.keys() == {"root"}:
            names = _ROOT
        else:
            names = tuple(n for n, f in fields.items() if _may_hold_text(f.annotation))
        _FIELDS[cls] = names
    return names


def _may_hold_text(annotation: object) -> bool:
    """Whether a value of this type can hold a string (``True`` when it cannot be told)."""
    if annotation is None or annotation is type(None):
        return False
    if isinstance(annotation, type):
        return not issubclass(annotation, _NO_TEXT)
    origin = get_origin(annotation)
    if origin is Literal:
        return False  # codes
    if origin is Annotated:
        return _may_hold_text(get_args(annotation)[0])
    if origin in (Union, UnionType, tuple, list, frozenset, set):
        return any(_may_hold_text(a) for a in get_args(annotation) if a is not Ellipsis)
    return True


def _collect(value: object, loc: Loc, found: list[tuple[Loc, str]]) -> None:
    # A plain recursive walk appending to one list: a chain of generators costs a frame per
    # level for every string, and this runs over every field of every programme checked.
    # Exact types first: most values are plain strings, tuples and models.
    kind = type(value)
    if kind is str:
        found.append((loc, value))  # type: ignore[arg-type]
    elif kind is tuple or kind is list:
        for i, item in enumerate(value):  # type: ignore[arg-type,var-annotated]
            if item is not None:
                _collect(item, (*loc, i), found)
    elif isinstance(value, BaseModel):
        _collect_model(value, loc, found)
    elif isinstance(value, _NO_TEXT):
        return
    elif isinstance(value, str):
        found.append((loc, value))
    elif isinstance(value, tuple | list):
        for i, item in enumerate(value):
            _collect(item, (*loc, i), found)
    elif isinstance(value, Mapping):  # dicts, and LocalizedText (tag -> text)
        for key, item in value.items():
            _collect(item, (*loc, str(key)), found)


def _collect_model(value: BaseModel, loc: Loc, found: list[tuple[Loc, str]]) -> None:
    names = _text_fields(type(value))
    if names is _ROOT:
        root = value.root  # type: ignore[attr-defined]
        if isinstance(root, dict):
            for key, item in root.items():
                _collect(item, (*loc, key), found)
        else:
            _collect(root, (*loc, "root"), found)
        return
    for name in names:
        item = getattr(value, name)
        if item is not None:
            _collect(item, (*loc, name), found)


def mask(value: str) -> str:
    """``value`` with all but its first 2 and last 2 characters hidden.

    >>> mask("39001010000"), mask("abc")
    ('39*******00', '***')
    """
    if len(value) <= 4:
        return "*" * len(value)
    return value[:2] + "*" * (len(value) - 4) + value[-2:]


def mask_email(address: str) -> str:
    """An e-mail address shown by its domain only: ``***@gmail.com``."""
    return "***@" + address.rpartition("@")[2]


#: What every pattern here needs: a digit (codes, phone numbers) or an ``@`` (addresses).
_MAY_HOLD = re.compile(r"[\d@]")
#: What each pattern needs, checked before it runs (each search is cheaper than the pattern):
#: a run of six digits for a personal code, a ``+``, ``00`` or a phone word for a number.
_SIX_DIGITS = re.compile(r"\d{6}")
_PHONE_WORD = re.compile(r"(?i:tel|phone|mob)")


def _in_text(loc: Loc, text: str, as_of: date) -> Findings:
    """The findings of one text that holds a digit or an ``@`` (see :data:`_MAY_HOLD`)."""
    in_contact = len(loc) >= 2 and loc[-2] == "contact"
    contact_email = in_contact and loc[-1] == "email"
    contact_phone = in_contact and loc[-1] == "phone"
    if _SIX_DIGITS.search(text) is not None:
        yield from _national_ids(loc, text, as_of)
    if contact_email:
        reason = _personal_address(text)
        if reason is not None:
            yield finding(
                "personal_data_email",
                loc,
                f"{quoted(loc)} must be an organisation's address, not a person's "
                f"(got {mask_email(text)}: {reason})",
                value=mask_email(text),
                reason=reason,
            )
    elif "@" in text:
        for match in _EMAIL.finditer(text):
            shown = mask_email(match.group())
            yield finding(
                "personal_data_email",
                loc,
                f"{quoted(loc)} must not contain e-mail addresses in free text (got {shown})",
                value=shown,
            )
    if not contact_phone and ("+" in text or "00" in text or _PHONE_WORD.search(text) is not None):
        for match in _PHONE.finditer(text):
            number = match.group(1) or match.group()
            if sum(c.isdigit() for c in number) < 7:
                continue
            shown = mask(number.strip())
            yield finding(
                "personal_data_phone",
                loc,
                f"{quoted(loc)} must not contain phone numbers in free text (got {shown})",
                value=shown,
            )


def _personal_address(address: str) -> str | None:
    local, _, domain = address.lower().rpartition("@")
    if domain in FREE_MAIL_DOMAINS:
        return f"{domain} is a free-mail domain"
    parts = re.split(r"[._]", local)
    if (
        len(parts) == 2
        and all(len(p) >= 2 and p.isalpha() for p in parts)
        and not any(p in ROLE_WORDS for p in parts)
    ):
        return "a name.surname local part"
    return None


# --- national personal codes -------------------------------------------------------------


def _national_ids(loc: Loc, text: str, as_of: date) -> Findings:
    found: list[tuple[int, int, str]] = []
    for pattern, validate in ((_ELEVEN, _eleven), (_RODNE, _rodne), (_LV, _latvian)):
        for match in pattern.finditer(text):
            if any(start < match.end() and match.start() < end for start, end, _ in found):
                continue
            country = validate(match.group(), as_of)
            if country is not None:
                found.append((match.start(), match.end(), country))
    for start, end, country in sorted(found):  # in the order of the text
        shown = mask(text[start:end])
        yield finding(
            "personal_data_national_id",
            loc,
            f"{quoted(loc)} must not contain a national personal code (got {shown}, "
            f"valid as a {country} code)",
            value=shown,
            country=country,
        )


def _birth(year: int, month: int, day: int, as_of: date) -> bool:
    try:
        born = date(year, month, day)
    except ValueError:
        return False
    return born <= as_of


def national_id_country(code: str, *, as_of: date | None = None) -> str | None:
    """The countries whose personal-code rules ``code`` satisfies, or ``None``.

    >>> national_id_country("39001010000"), national_id_country("44051401458")
    ('LT/EE', 'PL')
    >>> national_id_country("780123/0008"), national_id_country("120345-10008")
    ('CZ/SK', 'LV')
    >>> national_id_country("39001010003") is None
    True
    """
    today = as_of or date.today()
    for validate in (_eleven, _rodne, _latvian):
        country = validate(code, today)
        if country is not None:
            return country
    return None


def _eleven(code: str, as_of: date) -> str | None:
    if len(code) != 11 or not code.isdigit():
        return None
    countries = []
    if _lt_ee(code, as_of):
        countries.append("LT/EE")
    if _pesel(code, as_of):
        countries.append("PL")
    return "/".join(countries) or None


def _lt_ee(code: str, as_of: date) -> bool:
    digits = [int(c) for c in code]
    if not 1 <= digits[0] <= 6:
        return False
    century = 1800 + 100 * ((digits[0] - 1) // 2)
    year, month, day = century + int(code[1:3]), int(code[3:5]), int(code[5:7])
    return _birth(year, month, day, as_of) and lt_ee_check_digit(code[:10]) == digits[10]


def lt_ee_check_digit(first_ten: str) -> int:
    """The check digit of an LT asmens kodas or EE isikukood from its first 10 digits.

    >>> lt_ee_check_digit("3900101000")
    0
    """
    digits = [int(c) for c in first_ten]
    for weights in ((1, 2, 3, 4, 5, 6, 7, 8, 9, 1), (3, 4, 5, 6, 7, 8, 9, 1, 2, 3)):
        rest = sum(d * w for d, w in zip(digits, weights, strict=True)) % 11
        if rest != 10:
            return rest
    return 0


_PESEL_CENTURY = {0: 1900, 20: 2000, 40: 2100, 60: 2200, 80: 1800}


def _pesel(code: str, as_of: date) -> bool:
    month = int(code[2:4])
    offset = (month // 20) * 20
    year = _PESEL_CENTURY[offset] + int(code[:2])
    return _birth(year, month - offset, int(code[4:6]), as_of) and pesel_check_digit(
        code[:10]
    ) == int(code[10])


def pesel_check_digit(first_ten: str) -> int:
    """The check digit of a PL PESEL from its first 10 digits.

    >>> pesel_check_digit("4405140145")
    8
    """
    weights = (1, 3, 7, 9, 1, 3, 7, 9, 1, 3)
    return (10 - sum(int(c) * w for c, w in zip(first_ten, weights, strict=True)) % 10) % 10


def _rodne(code: str, as_of: date) -> str | None:
    digits = code.replace("/", "")
    if not digits.isdigit() or len(digits) not in (9, 10):
        return None
    if len(digits) == 9 and "/" not in code:
        return None  # nine bare digits are a phone number far more often
    yy, month, day = int(digits[:2]), int(digits[2:4]), int(digits[4:6])
    if len(digits) == 9:
        year = 1900 + yy
        if year >= 1954:
            return None
    else:
        year = 2000 + yy if yy < 54 else 1900 + yy
        number = int(digits)
        # Until 1985 a remainder of 10 was written as check digit 0.
        if number % 11 != 0 and not (int(digits[:9]) % 11 == 10 and digits[9] == "0"):
            return None
    if month > 70 or 20 < month <= 32:
        if year < 2004:
            return None
        month -= 70 if month > 70 else 20
    elif month > 50:
        month -= 50
    return "CZ/SK" if _birth(year, month, day, as_of) else None


def _latvian(code: str, as_of: date) -> str | None:
    if len(code) != 12 or code[6] != "-":
        return None
    digits = code[:6] + code[7:]
    if not digits.isdigit():
        return None
    if digits.startswith("32"):
        return "LV"  # the dateless codes issued since 2017: by shape only
    century = {"0": 1800, "1": 1900, "2": 2000}.get(digits[6])
    if century is None:
        return None
    year = century + int(digits[4:6])
    if not _birth(year, int(digits[2:4]), int(digits[:2]), as_of):
        return None
    return "LV" if latvian_check_digit(digits[:10]) == int(digits[10]) else None


def latvian_check_digit(first_ten: str) -> int | None:
    """The check digit of an old LV personas kods from its first 10 digits (``None``: invalid).

    >>> latvian_check_digit("1203451000")
    8
    """
    weights = (1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    value = (1101 - sum(int(c) * w for c, w in zip(first_ten, weights, strict=True))) % 11
    return None if value == 10 else value
