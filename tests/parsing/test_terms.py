"""Reading the field's words into codelist values (capacitylib.parsing.terms)."""

from __future__ import annotations

from collections import Counter
from enum import StrEnum

import pytest

from capacitylib.codelists import ActivityKind, OutputKind, PartnerRole, TargetGroup
from capacitylib.parsing import (
    LANGS,
    AmbiguousTermError,
    UnknownTermError,
    lookup_term,
    parse_term,
)
from capacitylib.parsing._text import fold
from capacitylib.parsing.terms import GLOSSARY_FILE, UNITS_FILE, entries, find

A, T = ActivityKind, TargetGroup

# The words the issue and the seed texts name, each with the one value it must read to.
REQUIRED = [
    ("lt", "intervizija", A.INTERVISION),
    ("lt", "intervizijos", A.INTERVISION),
    ("lt", "intervizijas", A.INTERVISION),
    ("lt", "seminaras", A.SEMINAR),
    ("lt", "seminare", A.SEMINAR),
    ("lt", "seminarai", A.SEMINAR),
    ("lt", "mokymai", A.TRAINING_COURSE),
    ("lt", "mokymų", A.TRAINING_COURSE),
    ("lt", "konferencija", A.CONFERENCE),
    ("lt", "bandomasis projektas", A.PILOT),
    ("lv", "apmācības", A.TRAINING_COURSE),
    ("lv", "apmācībās", A.TRAINING_COURSE),
    ("lv", "semināri", A.SEMINAR),
    ("lv", "seminārs", A.SEMINAR),
    ("lv", "pilotprojekts", A.PILOT),
    ("lv", "pilotprojektā", A.PILOT),
    ("lv", "konference", A.CONFERENCE),
    ("lv", "individuāla supervīzija", A.SUPERVISION_INDIVIDUAL),
    ("lv", "metodikas izstrāde", A.METHODOLOGY_DEVELOPMENT),
    ("cs", "intervize", A.INTERVISION),
    ("cs", "facilitace", A.FACILITATION_MEETING),
    ("cs", "facilitativní setkání", A.FACILITATION_MEETING),
    ("cs", "facilitativních setkání", A.FACILITATION_MEETING),
    ("cs", "síťování", A.NETWORKING_MEETING),
    ("cs", "seminář", A.SEMINAR),
    ("cs", "školení", A.TRAINING_COURSE),
    ("cs", "konference", A.CONFERENCE),
    ("cs", "pilotní projekt", A.PILOT),
    ("cs", "týmová supervize", A.SUPERVISION_TEAM),
    ("pl", "interwizja", A.INTERVISION),
    ("pl", "szkolenie", A.TRAINING_COURSE),
    ("pl", "seminarium", A.SEMINAR),
    ("pl", "konferencja", A.CONFERENCE),
    ("en", "intervision", A.INTERVISION),
    ("en", "seminar", A.SEMINAR),
    ("en", "group supervision", A.SUPERVISION_GROUP),
    ("lt", "socialiniai darbuotojai", T.SOCIAL_WORKERS),
    ("lt", "socialiniams darbuotojams", T.SOCIAL_WORKERS),
    ("lt", "socialinių darbuotojų", T.SOCIAL_WORKERS),
    ("lt", "socialinius darbuotojus", T.SOCIAL_WORKERS),
    ("lv", "sociālie darbinieki", T.SOCIAL_WORKERS),
    ("lv", "sociālajiem darbiniekiem", T.SOCIAL_WORKERS),
    ("lv", "sociālo darbinieku", T.SOCIAL_WORKERS),
    ("cs", "sociální pracovníci", T.SOCIAL_WORKERS),
    ("cs", "sociálních pracovníků", T.SOCIAL_WORKERS),
    ("cs", "sociálním pracovníkům", T.SOCIAL_WORKERS),
    ("pl", "pracownicy socjalni", T.SOCIAL_WORKERS),
    ("en", "social workers", T.SOCIAL_WORKERS),
    ("lt", "šeimos", T.FAMILIES),
    ("lv", "ģimenes", T.FAMILIES),
    ("cs", "rodiny", T.FAMILIES),
    ("pl", "rodziny", T.FAMILIES),
    ("lv", "sociālā riska ģimenes", T.FAMILIES_AT_SOCIAL_RISK),
    ("lv", "bērniem", T.CHILDREN),
    ("lt", "vaikams", T.CHILDREN),
    ("lt", "asmenims su negalia", T.PERSONS_WITH_DISABILITIES),
    ("lt", "senyvo amžiaus asmenims", T.OLDER_PERSONS),
    ("lv", "senioriem", T.OLDER_PERSONS),
    ("lv", "vardarbībā cietušām personām", T.VICTIMS_OF_VIOLENCE),
    ("lt", "atvejo vadybininkė", T.CASE_MANAGERS),
    ("lt", "projekto partneris", PartnerRole.PARTNER),
    ("lt", "projekto vykdytojas", PartnerRole.LEAD_IMPLEMENTER),
    ("cs", "realizátor projektu", PartnerRole.LEAD_IMPLEMENTER),
]


@pytest.mark.parametrize(("lang", "text", "expected"), REQUIRED)
def test_required_words(lang: str, text: str, expected: StrEnum) -> None:
    """Each word the issue and the seeds name reads to its codelist value."""
    assert parse_term(text, lang=lang) is expected  # type: ignore[call-overload]


def test_case_and_punctuation_do_not_matter() -> None:
    """Matching folds case and ignores surrounding punctuation and quotes."""
    assert parse_term("  „INTERVIZIJA“, ", lang="lt") is A.INTERVISION
    assert lookup_term("(Supervizní  setkání.)", lang="cs") == (A.SUPERVISION,)


@pytest.mark.parametrize(
    ("lang", "text"),
    [("cs", "Supervize"), ("lv", "supervīzijas"), ("lt", "supervizija"), ("pl", "superwizja")],
)
def test_plain_supervision_reads_as_supervision_of_unstated_form(lang: str, text: str) -> None:
    """Plain "supervision" names no form, so it is the codelist's unspecified supervision."""
    assert parse_term(text, lang=lang) is A.SUPERVISION


def test_a_word_with_several_meanings_is_ambiguous() -> None:
    """'rokasgrāmata' is an activity and an output: reported with both candidates."""
    with pytest.raises(AmbiguousTermError) as caught:
        parse_term("rokasgrāmata", lang="lv")
    assert len(caught.value.candidates) == 2
    assert "codelist=" in str(caught.value)


def test_codelist_argument_chooses_between_codelists() -> None:
    """A word that is both an activity and an output is read in the codelist asked for."""
    with pytest.raises(AmbiguousTermError):
        parse_term("rokasgrāmata", lang="lv")
    assert parse_term("rokasgrāmata", lang="lv", codelist=ActivityKind) is A.PUBLICATION
    assert parse_term("rokasgrāmata", lang="lv", codelist=OutputKind) is OutputKind.HANDBOOK
    assert parse_term("metodika", lang="lv", codelist=OutputKind) is OutputKind.METHODOLOGY


def test_codelist_argument_restricts_the_search() -> None:
    """A word outside the codelist asked for is unknown there."""
    with pytest.raises(UnknownTermError, match="ActivityKind"):
        parse_term("sociālie darbinieki", lang="lv", codelist=ActivityKind)


@pytest.mark.parametrize(
    ("lang", "text"),
    [("lt", "intervizijaa"), ("lv", "intervizija"), ("cs", "supervizee"), ("en", "bananas")],
)
def test_unknown_words_are_reported_not_guessed(lang: str, text: str) -> None:
    """A word not in the glossary (even one letter off) raises UnknownTermError naming it."""
    with pytest.raises(UnknownTermError) as caught:
        parse_term(text, lang=lang)  # type: ignore[call-overload]
    assert (caught.value.text, caught.value.lang) == (text, lang)
    assert repr(text) in str(caught.value)
    assert "not in the glossary" in str(caught.value)


def test_words_of_another_language_are_unknown() -> None:
    """The glossary is per language: a Czech word is unknown in Polish."""
    with pytest.raises(UnknownTermError):
        parse_term("supervize", lang="pl")


@pytest.mark.parametrize("name", [GLOSSARY_FILE, UNITS_FILE])
def test_every_row_reads_back_to_its_code(name: str) -> None:
    """Every row of a glossary file has a supported language and is found by its own term."""
    for entry in entries(name):
        assert entry.lang in LANGS
        assert entry.term == entry.term.strip()
        assert entry.code in find(name, entry.term, entry.lang)


def test_lookup_term_lists_every_candidate() -> None:
    """lookup_term returns every value a word may mean, and nothing for an unknown word."""
    assert set(lookup_term("rokasgrāmata", lang="lv")) == {A.PUBLICATION, OutputKind.HANDBOOK}
    assert lookup_term("rokasgrāmata", lang="lv", codelist=OutputKind) == (OutputKind.HANDBOOK,)
    assert lookup_term("banana", lang="en") == ()


def test_glossary_has_no_duplicate_rows() -> None:
    """No (lang, term, code) row appears twice."""
    counts = Counter((e.lang, fold(e.term), e.code) for e in entries(GLOSSARY_FILE))
    assert [row for row, n in counts.items() if n > 1] == []


def test_each_unit_word_means_one_unit() -> None:
    """A unit word never means two units in one language (quantities need one answer)."""
    counts = Counter((e.lang, fold(e.term)) for e in entries(UNITS_FILE))
    assert [row for row, n in counts.items() if n > 1] == []


#: The languages the glossary covers; any other language's words raise UnknownTermError.
GLOSSARY_LANGS = ("bg", "cs", "de", "en", "et", "hr", "hu", "lt", "lv", "pl", "ro", "sk", "sl")


def test_every_glossary_language_has_words_for_the_main_codelists() -> None:
    """Each glossary language has words for activity kinds and target groups."""
    for lang in GLOSSARY_LANGS:
        kinds = {type(e.code) for e in entries(GLOSSARY_FILE) if e.lang == lang}
        assert {ActivityKind, TargetGroup} <= kinds


@pytest.mark.parametrize(
    ("lang", "text", "code"),
    [
        ("sk", "supervízia", A.SUPERVISION),
        ("sk", "skupinovú supervíziu", A.SUPERVISION_GROUP),
        ("sk", "tímová supervízia", A.SUPERVISION_TEAM),
        ("sk", "intervízne stretnutia", A.INTERVISION),
        ("sk", "seminároch", A.SEMINAR),
        ("sk", "školenia", A.TRAINING_COURSE),
        ("sk", "sociálnym pracovníkom", T.SOCIAL_WORKERS),
        ("sk", "sociálnych pracovníkov", T.SOCIAL_WORKERS),
        ("sk", "deťom", T.CHILDREN),
        ("sk", "rodiny s deťmi", T.FAMILIES),
        ("sk", "osoby so zdravotným postihnutím", T.PERSONS_WITH_DISABILITIES),
        ("de", "Gruppensupervision", A.SUPERVISION_GROUP),
        ("de", "Sozialarbeiterinnen", T.SOCIAL_WORKERS),
        ("de", "kollegiale Beratung", A.INTERVISION),
        ("hr", "socijalnim radnicima", T.SOCIAL_WORKERS),
        ("hr", "radionice", A.WORKSHOP),
        ("sl", "socialni delavci", T.SOCIAL_WORKERS),
        ("ro", "asistenți sociali", T.SOCIAL_WORKERS),
        ("bg", "социални работници", T.SOCIAL_WORKERS),
        ("et", "sotsiaaltöötajad", T.SOCIAL_WORKERS),
        ("hu", "szociális munkások", T.SOCIAL_WORKERS),
        ("hu", "szupervízió", A.SUPERVISION),
    ],
)
def test_new_glossary_languages(lang: str, text: str, code: StrEnum) -> None:
    """Slovak and the newly covered languages read their words to the one value they mean."""
    assert parse_term(text, lang=lang) is code  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sk", "supervizia"),  # diacritics count
        ("sk", "supervize"),  # the Czech word
        ("de", "Kaffeepause"),
        ("de", "Supervisionsgruppe"),  # not listed: never guessed from "Supervision"
        ("fr", "supervision"),  # French has no glossary yet
        ("hu", "szupervízióra"),  # a case form not listed
    ],
)
def test_unlisted_words_stay_unknown(lang: str, text: str) -> None:
    """A word the glossary does not list is an UnknownTermError, never a guess."""
    with pytest.raises(UnknownTermError):
        parse_term(text, lang=lang)  # type: ignore[arg-type]


def test_rows_name_codes_of_their_codelist_or_a_pending_unit() -> None:
    """Every data row names a value of its codelist, or a unit the codelists are to gain."""
    from capacitylib._tables import _rows
    from capacitylib.parsing.terms import CODELISTS, LEMMAS_FILE, PENDING_UNITS

    for name in (GLOSSARY_FILE, UNITS_FILE, LEMMAS_FILE):
        for row in _rows(name):
            values = {member.value for member in CODELISTS[row["codelist"]]}
            assert row["code"] in values or row["code"] in PENDING_UNITS, row


def test_pending_units_are_refused_until_the_codelist_has_them() -> None:
    """A unit word for partners or countries is an unknown unit while ReachUnit lacks it."""
    from capacitylib.codelists import ReachUnit
    from capacitylib.parsing import QuantityParseError, parse_measure
    from capacitylib.parsing.terms import PENDING_UNITS

    missing = PENDING_UNITS - {unit.value for unit in ReachUnit}
    if "partners" in missing:
        with pytest.raises(QuantityParseError, match="not a unit"):
            parse_measure("12 partnerių", lang="lt")
    else:
        assert parse_measure("12 partnerių", lang="lt").unit == ReachUnit("partners")


def test_pending_unit_forms_will_not_clash() -> None:
    """The prepared forms of the pending units mean no other unit in their language."""
    from capacitylib._tables import _rows
    from capacitylib.parsing._inflection import inflect
    from capacitylib.parsing.terms import LEMMAS_FILE, PENDING_UNITS

    pending = [(r["lang"], fold(r["term"]), r["code"]) for r in _rows(UNITS_FILE)]
    pending += [
        (r["lang"], fold(form), r["code"])
        for r in _rows(LEMMAS_FILE)
        for form in inflect(r["lang"], r["stem"], r["paradigm"])
    ]
    meanings: dict[tuple[str, str], set[str]] = {}
    for lang, form, code in pending:
        meanings.setdefault((lang, form), set()).add(code)
    clashes = {key: codes for key, codes in meanings.items() if len(codes) > 1}
    assert not {key: codes for key, codes in clashes.items() if codes & PENDING_UNITS}
