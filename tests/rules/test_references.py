import pytest

from tests.rules._builders import codes_at, document, findings, with_activity


def test_duplicate_organisation_id():
    """Two organisations with one id: the second is an error pointing at the first."""
    doc = document()
    doc["organisations"].append(
        {"id": "edvia", "name": {"cs": "EDVIA – pobočka Ostrava"}, "kind": "training_provider"}
    )
    (found,) = findings(doc)
    assert (found.code, found.path, found.severity) == (
        "id_duplicate",
        "organisations[2].id",
        "error",
    )
    assert found.values == {"first_path": "organisations[0]"}


@pytest.mark.parametrize(
    ("field", "items", "expected"),
    [
        (
            "activities",
            [
                {"id": "supervision", "kind": "supervision_team", "title": {"en": "A"}},
                {"id": "facilitation", "kind": "facilitation_meeting", "title": {"en": "B"}},
                {"id": "supervision", "kind": "supervision_group", "title": {"en": "C"}},
            ],
            ["activities[2].id"],
        ),
        (
            "indicators",
            [
                {"id": "trained", "kind": "output", "name": {"lv": "Apmācīti"}, "unit": "persons"},
                {"id": "trained", "kind": "result", "name": {"lv": "Apmācīti"}, "unit": "persons"},
            ],
            ["indicators[1].id"],
        ),
    ],
)
def test_duplicate_activity_and_indicator_ids(field, items, expected):
    doc = document(**{field: items})
    assert codes_at(doc, "id_duplicate") == expected


def test_duplicate_session_ids_within_one_activity_only():
    """Session ids repeat across activities freely, not within one."""
    sessions = [
        {"id": "s1", "date": "2017-03-01"},
        {"id": "s2", "date": "2017-05-02"},
        {"id": "s1", "date": "2017-07-03"},
        {"date": "2017-09-04"},
        {"date": "2017-11-05"},
    ]
    doc = with_activity(sessions=sessions)
    assert codes_at(doc, "id_duplicate") == ["activities[0].sessions[2].id"]
    doc["activities"][0]["sessions"] = sessions[:2]
    doc["activities"].append(
        {
            "id": "facilitation",
            "kind": "facilitation_meeting",
            "sessions": sessions[:2],
            "title": {"en": "Facilitation"},
        }
    )
    assert codes_at(doc, "id_duplicate") == []


def test_unique_ids_pass():
    assert codes_at(document(), "id_duplicate") == []


def test_organisation_never_referenced():
    """An organisation with no role, budget line, facilitation or participation is reported."""
    doc = document()
    doc["organisations"].append(
        {"id": "charita", "name": {"cs": "Charita Ostrava"}, "kind": "ngo", "country": "CZ"}
    )
    (found,) = findings(doc)
    assert (found.code, found.path, found.severity) == (
        "organisation_unreferenced",
        "organisations[2].id",
        "warning",
    )
    assert found.value == "charita"


@pytest.mark.parametrize(
    "reference",
    [
        (
            "budget",
            {
                "lines": [
                    {"organisation": "charita", "amount": {"amount": "1.00", "currency": "CZK"}}
                ]
            },
        ),
        (
            "budget",
            {
                "sources": [
                    {
                        "kind": "private",
                        "organisation": "charita",
                        "amount": {"amount": "1.00", "currency": "CZK"},
                    }
                ]
            },
        ),
        ("activity", {"facilitators": ["edvia", "charita"]}),
        ("activity", {"participants": [{"group": "social_workers", "organisations": ["charita"]}]}),
        (
            "activity",
            {
                "sessions": [
                    {
                        "date": "2017-03",
                        "participants": [{"group": "social_workers", "organisations": ["charita"]}],
                    }
                ]
            },
        ),
    ],
)
def test_any_reference_counts(reference):
    """A budget line or source, facilitator or (session) participation is a reference."""
    where, fields = reference
    doc = with_activity(**fields) if where == "activity" else document(budget=fields)
    doc["organisations"].append({"id": "charita", "name": {"cs": "Charita Ostrava"}, "kind": "ngo"})
    assert codes_at(doc, "organisation_unreferenced") == []


def test_english_titles_missing():
    """Programme, activity and output titles without 'en' are info findings."""
    doc = with_activity(
        title={"cs": "Supervize"},
        outputs=[
            {"kind": "good_practice_collection", "title": {"cs": "Soubor příkladů dobré praxe"}},
            {"kind": "report", "title": {"cs": "Zpráva", "en-GB": "Report"}},
            {"kind": "report"},
        ],
    )
    doc["title"] = {"cs": "Rozvoj a zkvalitnění sociální práce ÚP"}
    found = [f for f in findings(doc) if f.code == "title_english_missing"]
    assert [f.path for f in found] == [
        "title",
        "activities[0].title",
        "activities[0].outputs[0].title",
    ]
    assert {f.severity for f in found} == {"info"}
    assert found[0].value == ["cs"]


def test_english_titles_present():
    assert codes_at(document(), "title_english_missing") == []
