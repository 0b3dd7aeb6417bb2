"""What CLDR does not say about a language: the hand-written part of each language's table.

Month and weekday names, date orders, decimal and group symbols and currency names come from
CLDR through ``babel`` (:mod:`._languages`). This table holds only what CLDR lacks, each
entry for a reason written next to it:

- month forms CLDR does not list: CLDR has a format form (the genitive in the Baltic and
  Slavic languages) and a stand-alone form (the nominative); the field also writes the
  Latvian genitive, dative, accusative and locative (``31. oktobrim``, ``martā``), the
  Lithuanian accusative and locative (``gegužę``), the Czech, Slovak and Polish locative
  (``v říjnu``, ``v januári``, ``w grudniu``) and a few abbreviations;
- date words the CLDR patterns do not contain (Lithuanian ``mėn.``, Czech ``dne``);
- the words for "from", "until" and "and" that join ranges and lists, the "about" words, the
  multipliers of amounts (``mln.``, ``tūkst.``) and the open-bound words (``at least``);
- the examples the error messages show for the five languages read since the first release.

A language with no entry for a kind of word simply does not read that kind of word (a range
is then written with a dash): nothing is guessed.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Words:
    """The hand-written words of one language (see the module docstring)."""

    months: tuple[tuple[str, ...], ...] = ()
    jump_words: tuple[str, ...] = ()
    range_start_words: tuple[str, ...] = ()
    range_end_words: tuple[str, ...] = ()
    conjunctions: tuple[str, ...] = ()
    approximate_words: tuple[str, ...] = ()
    #: Words before a figure that make it an open bound ("at least 30", "do 200").
    bound_words: tuple[str, ...] = ()
    #: Case-folded multiplier words of amounts, without their dot, and their power of ten.
    multipliers: dict[str, int] = field(default_factory=dict)
    #: Regexes of "until the end of <year>"; the year is the group ``year``.
    end_of_year: tuple[str, ...] = ()
    #: Thousands marks accepted besides CLDR's group symbol and the spaces.
    group_marks: tuple[str, ...] = ()
    #: Read an all-numeric date day first even where CLDR's pattern is month first.
    dayfirst: bool | None = None
    date_examples: tuple[str, ...] = ()
    period_examples: tuple[str, ...] = ()
    amount_examples: tuple[str, ...] = ()
    quantity_examples: tuple[str, ...] = ()


def _months(text: str) -> tuple[tuple[str, ...], ...]:
    """Twelve groups of forms: months separated by ``|``, forms by spaces."""
    groups = tuple(tuple(part.split()) for part in text.split("|"))
    if len(groups) != 12:  # pragma: no cover - a typo in this file
        raise ValueError(f"{len(groups)} months in {text[:30]!r}")
    return groups


def _multipliers(text: str) -> dict[str, int]:
    """Thousands, millions and billions: groups separated by ``|``, forms by spaces."""
    return {form: 3 * (i + 1) for i, group in enumerate(text.split("|")) for form in group.split()}


_YEAR = r"(?P<year>\d{4})"

WORDS: dict[str, Words] = {
    "bg": Words(
        range_start_words=("от",),
        range_end_words=("до",),
        conjunctions=("и",),
        approximate_words=("около", "приблизително", "~"),
        jump_words=("година", "г"),
    ),
    "cs": Words(
        # dative/locative and instrumental ("září" never changes)
        months=_months(
            "lednu lednem|únoru únorem|březnu březnem|dubnu dubnem|květnu květnem|červnu "
            "červnem|červenci červencem|srpnu srpnem|zářím|říjnu říjnem|listopadem|prosinci "
            "prosincem"
        ),
        # "dne 1. listopadu 2016", "2016 r." (roku), "v říjnu 2018", "v roce 2019"
        jump_words=("r", "roku", "rok", "roce", "dne", "v"),
        range_start_words=("od",),
        range_end_words=("do", "až"),
        conjunctions=("a",),
        approximate_words=("cca", "ca", "přibližně", "asi", "zhruba", "okolo", "kolem", "~"),
        bound_words=(
            "minimálně",
            "alespoň",
            "nejméně",
            "maximálně",
            "nejvýše",
            "více než",
            "méně než",
            "přes",
            "do",
            "až",
        ),
        multipliers=_multipliers(
            "tis tisíc tisíce|mil milion miliony milionů milionu|mld miliarda miliardy miliard"
        ),
        end_of_year=(rf"do konce (?:roku )?{_YEAR}",),
        group_marks=(".",),
        date_examples=("1. 11. 2016", "1. listopadu 2016", "2016-11-01"),
        period_examples=("1. 11. 2016 – 28. 2. 2018", "od 1. listopadu 2016 do 28. února 2018"),
        amount_examples=("5 504 400,00 Kč", "12 000,- Kč"),
        quantity_examples=("2 - 3 hodiny", "cca 2-3", "5 dnů"),
    ),
    "da": Words(
        range_start_words=("fra",),
        range_end_words=("til",),
        conjunctions=("og",),
        approximate_words=("ca", "cirka", "omkring", "~"),
        jump_words=("den",),
    ),
    "de": Words(
        # "vom 1. März bis 31. Mai 2019"
        range_start_words=("von", "vom", "ab"),
        range_end_words=("bis", "bis zum"),
        conjunctions=("und",),
        approximate_words=("ca", "circa", "etwa", "rund", "ungefähr", "~"),
        bound_words=("mindestens", "höchstens", "bis zu", "mehr als", "weniger als", "über"),
        multipliers=_multipliers("tsd tausend|mio million millionen|mrd milliarde milliarden"),
        end_of_year=(rf"bis (?:zum )?ende {_YEAR}",),
        jump_words=("am",),
    ),
    "el": Words(
        range_start_words=("από",),
        range_end_words=("έως", "μέχρι"),
        conjunctions=("και",),
        approximate_words=("περίπου", "~"),
    ),
    "en": Words(
        # CLDR lists "Sep"; the field also writes "Sept."
        months=_months("||||||||sept|||"),
        # "the 8th of December 2022"
        jump_words=("of", "the", "st", "nd", "rd", "th"),
        range_start_words=("from", "since"),
        range_end_words=("to", "until", "till"),
        conjunctions=("and", "&"),
        approximate_words=("about", "approximately", "approx", "around", "circa", "ca", "~"),
        bound_words=(
            "at least",
            "at most",
            "up to",
            "more than",
            "less than",
            "fewer than",
            "no more than",
            "no less than",
            "over",
            "under",
            "above",
            "below",
            "minimum",
            "maximum",
            "min",
            "max",
        ),
        multipliers=_multipliers("thousand|million|billion"),
        end_of_year=(rf"(?:until|till|to|by) the end of {_YEAR}",),
        # European English: 01/11/2016 is 1 November 2016 (CLDR's "en" is American).
        dayfirst=True,
        date_examples=("8 December 2022", "December 8, 2022", "2022-12-08"),
        period_examples=(
            "1 November 2016 – 28 February 2018",
            "from 1 November 2016 to 28 February 2018",
        ),
        amount_examples=("43,940,212.00 EUR", "€1,200"),
        quantity_examples=("2-3 hours", "about 30", "8 academic hours"),
    ),
    "es": Words(
        range_start_words=("desde", "del"),
        range_end_words=("hasta", "al"),
        conjunctions=("y",),
        approximate_words=("aproximadamente", "aprox", "~"),
    ),
    "et": Words(
        conjunctions=("ja",),
        approximate_words=("umbes", "ligikaudu", "~"),
        jump_words=("a",),
    ),
    "fi": Words(
        conjunctions=("ja",),
        approximate_words=("noin", "~"),
    ),
    "fr": Words(
        # "du 1er mars au 31 mai 2019"
        range_start_words=("du",),
        range_end_words=("au",),
        conjunctions=("et",),
        approximate_words=("environ", "env", "~"),
        jump_words=("le", "er"),
    ),
    "ga": Words(
        conjunctions=("agus",),
    ),
    "hr": Words(
        range_start_words=("od",),
        range_end_words=("do",),
        conjunctions=("i",),
        approximate_words=("oko", "približno", "cca", "~"),
        jump_words=("godine", "god"),
    ),
    "hu": Words(
        conjunctions=("és",),
        approximate_words=("kb", "körülbelül", "mintegy", "~"),
    ),
    "it": Words(
        range_start_words=("dal",),
        range_end_words=("al",),
        conjunctions=("e",),
        approximate_words=("circa", "ca", "~"),
    ),
    "lt": Words(
        # accusative, locative; "rugpj" is the field's abbreviation of rugpjūtis
        months=_months(
            "sausį sausyje|vasarį vasaryje|kovą kove|balandį balandyje|gegužę gegužėje|"
            "birželį birželyje|liepą liepoje|rugpjūtį rugpjūtyje rugpj|rugsėjį rugsėjyje|"
            "spalį spalyje|lapkritį lapkrityje|gruodį gruodyje"
        ),
        # "2022 m. gruodžio 8 d.": m. = metai (year), d. = diena (day), mėn. = mėnuo (month)
        jump_words=("m", "d", "mėn", "metų", "metais", "dieną"),
        range_start_words=("nuo",),
        range_end_words=("iki",),
        conjunctions=("ir",),
        approximate_words=("apie", "maždaug", "apytiksliai", "vidutiniškai", "~"),
        bound_words=(
            "ne mažiau kaip",
            "ne mažiau nei",
            "ne daugiau kaip",
            "ne daugiau nei",
            "daugiau nei",
            "daugiau kaip",
            "mažiau nei",
            "mažiau kaip",
            "bent",
            "iki",
        ),
        multipliers=_multipliers(
            "tūkst tūkstantis tūkstančiai tūkstančių|mln milijonas milijonai milijonų|"
            "mlrd milijardas milijardai milijardų"
        ),
        end_of_year=(rf"iki {_YEAR} (?:m\.|metų) pabaigos",),
        group_marks=(".",),
        date_examples=("2022 m. gruodžio 8 d.", "2018.12.31", "2018-12-31"),
        period_examples=(
            "2022 m. gruodžio 8 d. – 2026 m. gruodžio 31 d.",
            "nuo 2023 m. sausio 2 d. iki 2024 m. birželio 30 d.",
        ),
        amount_examples=("43 940 212,00 Eur", "1 200 eurų"),
        quantity_examples=("8 akademines valandas", "apie 2-3 val.", "3 dienos"),
    ),
    "lv": Words(
        # genitive, dative, accusative, locative (CLDR has only the nominative)
        months=_months(
            "janvāra janvārim janvāri janvārī|februāra februārim februāri februārī|"
            "marta martam martu martā|aprīļa aprīlim aprīli aprīlī|maija maijam maiju maijā|"
            "jūnija jūnijam jūniju jūnijā|jūlija jūlijam jūliju jūlijā|"
            "augusta augustam augustu augustā|septembra septembrim septembri septembrī|"
            "oktobra oktobrim oktobri oktobrī|novembra novembrim novembri novembrī|"
            "decembra decembrim decembri decembrī"
        ),
        # "2018. gada 27. marta", "2018. gadā", "2018. g."
        jump_words=("gada", "gadā", "gads", "g"),
        range_start_words=("no", "ar"),
        range_end_words=("līdz",),
        conjunctions=("un",),
        approximate_words=("vidēji", "aptuveni", "apmēram", "ap", "~"),
        bound_words=(
            "ne mazāk kā",
            "ne mazāk par",
            "ne vairāk kā",
            "ne vairāk par",
            "vairāk nekā",
            "vairāk kā",
            "mazāk nekā",
            "vismaz",
            "līdz",
        ),
        multipliers=_multipliers(
            "tūkst tūkstotis tūkstoši tūkstošiem|milj miljons miljoni miljonu miljoniem|"
            "mljrd miljards miljardi miljardu"
        ),
        end_of_year=(rf"līdz {_YEAR}\. gada beigām",),
        group_marks=(".",),
        date_examples=("2018. gada 27. marta", "16.05.2019.", "2018-03-27"),
        period_examples=(
            "01.11.2013. – 30.04.2015.",
            "no 2018. gada 27. marta līdz 2019. gada 26. martam",
        ),
        amount_examples=("12 470 000 euro", "5 000,00 EUR"),
        quantity_examples=("88-100 akadēmisko stundu", "vidēji 2 stundas", "3 dienas"),
    ),
    "mt": Words(
        range_start_words=("minn",),
        range_end_words=("sa",),
        conjunctions=("u",),
        approximate_words=("madwar", "~"),
    ),
    "nl": Words(
        range_start_words=("van",),
        range_end_words=("tot",),
        conjunctions=("en",),
        approximate_words=("ongeveer", "circa", "ca", "~"),
    ),
    "pl": Words(
        # locative
        months=_months(
            "styczniu|lutym|marcu|kwietniu|maju|czerwcu|lipcu|sierpniu|wrześniu|październiku|"
            "listopadzie|grudniu"
        ),
        # "8 grudnia 2022 r." (roku), "dnia 8 grudnia 2022", "w grudniu 2022 r."
        jump_words=("r", "roku", "rok", "dnia", "w"),
        range_start_words=("od",),
        range_end_words=("do",),
        conjunctions=("i",),
        approximate_words=("ok", "około", "średnio", "przeciętnie", "ca", "~"),
        bound_words=(
            "co najmniej",
            "przynajmniej",
            "najmniej",
            "maksymalnie",
            "więcej niż",
            "mniej niż",
            "ponad",
            "powyżej",
            "poniżej",
            "do",
        ),
        multipliers=_multipliers(
            "tys tysiąc tysiące tysięcy tysiąca|mln milion miliony milionów miliona|"
            "mld miliard miliardy miliardów miliarda"
        ),
        end_of_year=(rf"do końca {_YEAR} (?:r\.|roku)", rf"do końca roku {_YEAR}"),
        group_marks=(".",),
        date_examples=("8 grudnia 2022 r.", "08.12.2022", "2022-12-08"),
        period_examples=("01.11.2016 – 28.02.2018", "od 1 listopada 2016 r. do 28 lutego 2018 r."),
        amount_examples=("5 504 400,00 zł", "1 200 PLN"),
        quantity_examples=("ok. 2-3 godziny", "16 godzin dydaktycznych", "2 dni"),
    ),
    "pt": Words(
        range_start_words=("desde",),
        range_end_words=("até",),
        conjunctions=("e",),
        approximate_words=("aproximadamente", "~"),
    ),
    "ro": Words(
        range_start_words=("de la",),
        range_end_words=("până la",),
        conjunctions=("și",),
        approximate_words=("circa", "aproximativ", "~"),
    ),
    "sk": Words(
        # locative ("v januári"); CLDR has the nominative and the genitive
        months=_months(
            "januári|februári|marci|apríli|máji|júni|júli|auguste|septembri|októbri|novembri|"
            "decembri"
        ),
        # "dňa 1. novembra 2016", "2016 r." (roku), "v októbri 2018"
        jump_words=("r", "roku", "rok", "dňa", "v"),
        range_start_words=("od",),
        range_end_words=("do", "až"),
        conjunctions=("a",),
        approximate_words=("cca", "ca", "približne", "asi", "zhruba", "okolo", "~"),
        bound_words=(
            "minimálne",
            "aspoň",
            "najmenej",
            "maximálne",
            "najviac",
            "viac ako",
            "viac než",
            "menej ako",
            "menej než",
            "do",
            "až",
        ),
        multipliers=_multipliers(
            "tis tisíc|mil milión milióny miliónov milióna|mld miliarda miliardy miliárd"
        ),
        end_of_year=(rf"do konca (?:roka )?{_YEAR}",),
        group_marks=(".",),
        date_examples=("1. 11. 2016", "1. novembra 2016", "2016-11-01"),
        period_examples=("1. 11. 2016 – 28. 2. 2018", "od 1. novembra 2016 do 28. februára 2018"),
        amount_examples=("5 504 400,00 €", "1 200 EUR"),
        quantity_examples=("2 - 3 hodiny", "cca 2-3", "5 dní"),
    ),
    "sl": Words(
        range_start_words=("od",),
        range_end_words=("do",),
        conjunctions=("in",),
        approximate_words=("približno", "okoli", "~"),
    ),
    "sv": Words(
        range_start_words=("från",),
        range_end_words=("till",),
        conjunctions=("och",),
        approximate_words=("cirka", "ca", "omkring", "~"),
        jump_words=("den",),
    ),
}
