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


def test_every_language_has_words_for_the_main_codelists() -> None:
    """Each language has glossary words for activity kinds and target groups."""
    for lang in LANGS:
        kinds = {type(e.code) for e in entries(GLOSSARY_FILE) if e.lang == lang}
        assert {ActivityKind, TargetGroup} <= kinds
