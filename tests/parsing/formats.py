"""Writers of dates, amounts and quantities in each language's own style, for round trips.

Month names are written out here from DOMAIN.md and grammar references, independently of the
parser's tables, so that a typo in a table fails a test instead of being copied into it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

MONTHS_NOM = {
    "lt": "sausis vasaris kovas balandis gegužė birželis liepa rugpjūtis rugsėjis spalis "
    "lapkritis gruodis",
    "lv": "janvāris februāris marts aprīlis maijs jūnijs jūlijs augusts septembris oktobris "
    "novembris decembris",
    "cs": "leden únor březen duben květen červen červenec srpen září říjen listopad prosinec",
    "pl": "styczeń luty marzec kwiecień maj czerwiec lipiec sierpień wrzesień październik "
    "listopad grudzień",
    "en": "January February March April May June July August September October November December",
    "sk": "január február marec apríl máj jún júl august september október november december",
}
MONTHS_GEN = {
    "lt": "sausio vasario kovo balandžio gegužės birželio liepos rugpjūčio rugsėjo spalio "
    "lapkričio gruodžio",
    "lv": "janvāra februāra marta aprīļa maija jūnija jūlija augusta septembra oktobra "
    "novembra decembra",
    "cs": "ledna února března dubna května června července srpna září října listopadu prosince",
    "pl": "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października "
    "listopada grudnia",
    "en": MONTHS_NOM["en"],
    "sk": "januára februára marca apríla mája júna júla augusta septembra októbra novembra "
    "decembra",
}
# Latvian locative ("31.janvārī") and dative ("līdz ... 31. oktobrim"), Polish locative
# ("w grudniu"), Czech locative ("v říjnu").
MONTHS_LV_LOC = (
    "janvārī februārī martā aprīlī maijā jūnijā jūlijā augustā septembrī oktobrī novembrī decembrī"
)
MONTHS_LV_DAT = (
    "janvārim februārim martam aprīlim maijam jūnijam jūlijam augustam septembrim oktobrim "
    "novembrim decembrim"
)
MONTHS_PL_LOC = (
    "styczniu lutym marcu kwietniu maju czerwcu lipcu sierpniu wrześniu październiku "
    "listopadzie grudniu"
)
MONTHS_SK_LOC = (
    "januári februári marci apríli máji júni júli auguste septembri októbri novembri decembri"
)
MONTHS_CS_LOC = (
    "lednu únoru březnu dubnu květnu červnu červenci srpnu září říjnu listopadu prosinci"
)


def month(table: str | dict[str, str], m: int, lang: str = "") -> str:
    """Name of month ``m`` (1-12) from a space-separated list or a per-language table."""
    names = table[lang] if isinstance(table, dict) else table
    return names.split()[m - 1]


DateWriter = Callable[[date], str]

#: Writers of a full date, per language: every form the docs and the seeds show.
FULL_DATE: dict[str, list[DateWriter]] = {
    "lt": [
        lambda d: f"{d.year} m. {month(MONTHS_GEN, d.month, 'lt')} {d.day} d.",
        lambda d: f"{d.year}-{d.month:02d}-{d.day:02d}",
        lambda d: f"{d.year}.{d.month:02d}.{d.day:02d}",
        lambda d: f"{d.year} m. {month(MONTHS_GEN, d.month, 'lt')} {d.day} dieną",
    ],
    "lv": [
        lambda d: f"{d.year}. gada {d.day}. {month(MONTHS_GEN, d.month, 'lv')}",
        lambda d: f"{d.year}.gada {d.day}.{month(MONTHS_LV_LOC, d.month)}",
        lambda d: f"{d.year}. gada {d.day}. {month(MONTHS_LV_DAT, d.month)}",
        lambda d: f"{d.day:02d}.{d.month:02d}.{d.year}.",
        lambda d: f"{d.year}-{d.month:02d}-{d.day:02d}",
    ],
    "cs": [
        lambda d: f"{d.day}. {d.month}. {d.year}",
        lambda d: f"{d.day}.{d.month}.{d.year}",
        lambda d: f"{d.day}. {month(MONTHS_GEN, d.month, 'cs')} {d.year}",
        lambda d: f"{d.day:02d}.{d.month:02d}.{d.year}",
        lambda d: f"{d.year}-{d.month:02d}-{d.day:02d}",
    ],
    "pl": [
        lambda d: f"{d.day} {month(MONTHS_GEN, d.month, 'pl')} {d.year} r.",
        lambda d: f"{d.day} {month(MONTHS_GEN, d.month, 'pl')} {d.year}",
        lambda d: f"{d.day:02d}.{d.month:02d}.{d.year}",
        lambda d: f"{d.year}-{d.month:02d}-{d.day:02d}",
    ],
    "sk": [
        lambda d: f"{d.day}. {d.month}. {d.year}",
        lambda d: f"{d.day}.{d.month}.{d.year}",
        lambda d: f"{d.day}. {month(MONTHS_GEN, d.month, 'sk')} {d.year}",
        lambda d: f"dňa {d.day}. {month(MONTHS_GEN, d.month, 'sk')} {d.year}",
        lambda d: f"{d.day:02d}.{d.month:02d}.{d.year}",
        lambda d: f"{d.year}-{d.month:02d}-{d.day:02d}",
    ],
    "en": [
        lambda d: f"{d.day} {month(MONTHS_NOM, d.month, 'en')} {d.year}",
        lambda d: f"{month(MONTHS_NOM, d.month, 'en')} {d.day}, {d.year}",
        lambda d: f"{d.day:02d}/{d.month:02d}/{d.year}",
        lambda d: f"{d.year}-{d.month:02d}-{d.day:02d}",
    ],
}

MonthWriter = Callable[[int, int], str]

#: Writers of a month of a year (month precision), per language.
MONTH_OF_YEAR: dict[str, list[MonthWriter]] = {
    "lt": [
        lambda y, m: f"{y} m. {month(MONTHS_NOM, m, 'lt')}",
        lambda y, m: f"{y} m. {month(MONTHS_GEN, m, 'lt')} mėn.",
        lambda y, m: f"{y}-{m:02d}",
    ],
    "lv": [
        lambda y, m: f"{y}. gada {month(MONTHS_NOM, m, 'lv')}",
        lambda y, m: f"{y}. gada {month(MONTHS_LV_LOC, m)}",
    ],
    "cs": [
        lambda y, m: f"{month(MONTHS_NOM, m, 'cs')} {y}",
        lambda y, m: f"v {month(MONTHS_CS_LOC, m)} {y}",
        lambda y, m: f"{m:02d}/{y}",
    ],
    "pl": [
        lambda y, m: f"{month(MONTHS_NOM, m, 'pl')} {y}",
        lambda y, m: f"w {month(MONTHS_PL_LOC, m)} {y} r.",
    ],
    "en": [lambda y, m: f"{month(MONTHS_NOM, m, 'en')} {y}"],
    "sk": [
        lambda y, m: f"{month(MONTHS_NOM, m, 'sk')} {y}",
        lambda y, m: f"v {month(MONTHS_SK_LOC, m)} {y}",
        lambda y, m: f"{m:02d}/{y}",
    ],
}

#: Writers of a day of a month without a year (news items), per language.
YEARLESS: dict[str, list[MonthWriter]] = {
    "lt": [lambda m, d: f"{month(MONTHS_GEN, m, 'lt').capitalize()} {d} d."],
    "lv": [lambda m, d: f"{d}.{month(MONTHS_NOM, m, 'lv')}"],
    "cs": [lambda m, d: f"{d}. {month(MONTHS_GEN, m, 'cs')}"],
    "pl": [lambda m, d: f"{d} {month(MONTHS_GEN, m, 'pl')}"],
    "en": [lambda m, d: f"{d} {month(MONTHS_NOM, m, 'en')}"],
    "sk": [lambda m, d: f"{d}. {month(MONTHS_GEN, m, 'sk')}"],
}

#: The words that open and join a range, per language: (from, until).
RANGE_WORDS = {
    "lt": ("nuo", "iki"),
    "lv": ("no", "līdz"),
    "cs": ("od", "do"),
    "pl": ("od", "do"),
    "en": ("from", "to"),
    "sk": ("od", "do"),
}

#: Decimal mark and the thousands separators a language may use.
NUMBER_STYLE = {
    "lt": (",", [" ", "\u00a0", "\u2009", "\u202f", "."]),
    "lv": (",", [" ", "\u00a0", "\u2009", "\u202f", "."]),
    "cs": (",", [" ", "\u00a0", "\u2009", "\u202f", "."]),
    "pl": (",", [" ", "\u00a0", "\u2009", "\u202f", "."]),
    "en": (".", [",", " ", "\u00a0", "\u2009"]),
    "sk": (",", [" ", "\u00a0", "\u2009", "\u202f", "."]),
}

#: Ways to write each currency, per language: (ISO code, spellings).
CURRENCY_SPELLINGS = {
    "lt": [("EUR", ["Eur", "EUR", "eurų", "€"]), ("LTL", ["Lt", "LTL", "litų"])],
    "lv": [("EUR", ["euro", "EUR", "eiro", "€"]), ("LVL", ["Ls", "LVL", "latu"])],
    "cs": [("CZK", ["Kč", "CZK"]), ("EUR", ["EUR", "eur", "€"])],
    "pl": [("PLN", ["zł", "PLN", "złotych"]), ("EUR", ["EUR", "euro"])],
    "en": [("EUR", ["EUR", "euro", "€"]), ("CZK", ["CZK"]), ("NOK", ["NOK"])],
    "sk": [("EUR", ["EUR", "eur", "€", "eura"]), ("SKK", ["Sk", "SKK"]), ("CZK", ["Kč", "CZK"])],
}


def write_figure(value: Decimal, lang: str, group: str | None) -> str:
    """``value`` with the language's decimal mark, thousands grouped by ``group`` if given."""
    mark = NUMBER_STYLE[lang][0]
    sign, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)
    text = "".join(map(str, digits)).rjust(max(-exponent + 1, 1), "0")
    whole, fraction = (text[:exponent], text[exponent:]) if exponent < 0 else (text, "")
    whole = whole + "0" * max(exponent, 0)
    if group is not None:
        head = len(whole) % 3 or 3
        whole = group.join([whole[:head]] + [whole[i : i + 3] for i in range(head, len(whole), 3)])
    return ("-" if sign else "") + whole + (mark + fraction if fraction else "")
