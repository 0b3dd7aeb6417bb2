"""Every code the checks can report, in one place: severity, meaning and where the rule comes from.

Codes are a public contract: pipelines filter on them and funders choose which to enforce, so a
code is never renamed without a deprecation period. ``docs/rules.md`` renders this table
(``python scripts/render_catalogue.py``); a test keeps the two equal and checks that every code a
rule emits is listed here and every code listed here is emitted by some rule.

>>> CATALOGUE["duration_differs_from_stated"].severity
'warning'
>>> sorted({entry.severity for entry in CATALOGUE.values()})
['error', 'info', 'warning']
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from capacitylib.errors import Severity


@dataclass(frozen=True, slots=True)
class RuleInfo:
    """One finding code: its severity, family (the module that emits it), meaning and source.

    >>> info = CATALOGUE["duration_differs_from_stated"]
    >>> info.severity, info.family
    ('warning', 'durations')
    """

    code: str
    severity: Severity
    family: str
    meaning: str
    source: str


_DOMAIN = "capacitylib domain notes (DOMAIN.md)"

_ENTRIES = (
    # periods.py
    RuleInfo(
        "activity_outside_programme_period",
        "error",
        "periods",
        "An activity's period or one of its dates lies outside the programme period. A date "
        "stated to the month or year, or without a year, is outside only when no day it may "
        "denote lies inside; an open activity period is judged by its start.",
        "Document consistency: the programme period bounds what the programme does (grant "
        "agreements set the period in which a project's costs are eligible).",
    ),
    RuleInfo(
        "programme_period_ambiguous",
        "warning",
        "periods",
        "Several versions of the programme period share the best status (actual, revised, "
        "unmarked, planned) and no stated_on or effective_from tells which was stated last: no "
        "period is chosen, so durations and the other period rules stay unknown rather than "
        "guessed.",
        "Document consistency: a revision's date or the decision it comes from orders the "
        "versions (DOMAIN.md: keep planned, revised and actual dates with their source).",
    ),
    RuleInfo(
        "session_outside_programme_period",
        "error",
        "periods",
        "A session's date lies outside the programme period (judged by the days the date may "
        "denote, as for activities).",
        "As activity_outside_programme_period.",
    ),
    RuleInfo(
        "indicator_target_date_outside_programme_period",
        "warning",
        "periods",
        "An indicator's target date lies outside the programme period. A warning, not an error: "
        "result indicators are sometimes measured after the end.",
        "Document consistency: targets are set for the implementation period.",
    ),
    RuleInfo(
        "partner_outside_programme_period",
        "warning",
        "periods",
        "A partner's participation period starts before or ends after the programme period (an "
        "open end is judged by the start). A warning: a contract may be signed before the "
        "programme starts.",
        "Document consistency: partners take part within the programme period.",
    ),
    # durations.py
    RuleInfo(
        "duration_differs_from_stated",
        "warning",
        "durations",
        'A stated duration ("6 months") differs from the length of the period it describes by '
        "more than the tolerance (RuleOptions.duration_tolerance_days, 7 days by default); the "
        "finding gives both figures (16 May - 31 Oct 2019 is 5 months 16 days, 169 days).",
        f"{_DOMAIN}: stated durations are rounded; report the difference, do not reject.",
    ),
    # budget.py
    RuleInfo(
        "budget_sources_exceed_total",
        "error",
        "budget",
        "The funding sources listed as only part of the budget (sources_complete false) add up to "
        "more than the total (beyond RuleOptions.budget_tolerance).",
        "Financing plan of the grant agreement: the parts of a total are never more than the "
        "total.",
    ),
    RuleInfo(
        "budget_shares_above_one",
        "error",
        "budget",
        "The shares of the funding sources add up to more than 1 (beyond "
        "RuleOptions.share_tolerance).",
        "Arithmetic of a financing plan: shares of one total add up to at most 100 %.",
    ),
    RuleInfo(
        "budget_shares_do_not_add_up",
        "error",
        "budget",
        "Every source states a share, the sources are the whole budget (sources_complete true), "
        "and the shares add up to less than 1 (beyond RuleOptions.share_tolerance). Set "
        "sources_complete false when the source lists only part.",
        "Financing plan of the grant agreement: eligible total = EU (or donor) grant + national "
        "public + own contribution.",
    ),
    RuleInfo(
        "funding_source_share_differs_from_amount",
        "warning",
        "budget",
        "A funding source states both an amount and a share, and amount / total differs from the "
        "share by more than RuleOptions.share_tolerance (half a percentage point).",
        "Document consistency: a source's amount and share of the same total agree.",
    ),
    RuleInfo(
        "budget_sources_do_not_add_up",
        "error",
        "budget",
        "The funding sources do not add up to the budget total (beyond "
        "RuleOptions.budget_tolerance, 0.01 in the currency by default). List every source or "
        "none.",
        "Financing plan of the grant agreement: eligible total = EU (or donor) grant + national "
        "public + own contribution.",
    ),
    RuleInfo(
        "budget_share_above_ceiling",
        "warning",
        "budget",
        "The EU fund (or EEA/Norway donor grant) share of the total is above the instrument's "
        "co-financing ceiling for the programming period, category of region and beneficiary "
        "kind (ReferenceTables.cofinancing_ceiling; with no category of region stated, the "
        "highest ceiling of any category). A warning: cohesion-policy ceilings apply per "
        "priority, so one project above it is suspect rather than unlawful.",
        "Reg. (EU) 2021/1060 Art. 112(3) (ESF+/ERDF 85/70/50%); "
        "Reg. (EU) No 1303/2013 Art. 120(3); EEA and Norway Grants NGO programmes 90%, "
        "others 85% (table cofinancing_ceilings.csv).",
    ),
    RuleInfo(
        "budget_currency_mixed",
        "error",
        "budget",
        "An amount in the budget (total, a source or a line) is in another currency than the "
        "rest; totals cannot be checked without a rate table.",
        f"{_DOMAIN}: store the currency the source states; money arithmetic refuses mixed "
        "currencies.",
    ),
    # counts.py
    RuleInfo(
        "partner_count_differs_from_listed",
        "warning",
        "counts",
        "The stated number of partners differs from the partners listed: organisations with "
        "role partner or associated_partner, optionally plus the lead implementer (sources count "
        "either way). Silent when no partner is listed.",
        f"{_DOMAIN}: counts disagree between sources; report, never force agreement.",
    ),
    RuleInfo(
        "stated_count_differs_from_listed",
        "warning",
        "counts",
        "A count in stated_counts differs from what the document lists for its subject: partners "
        "(without the lead), partners_and_lead, or countries of those organisations. Silent when "
        "partner_groups names partners only as a class.",
        "DOMAIN.md: counts disagree between sources; keep each with its source and say what it "
        "counts.",
    ),
    RuleInfo(
        "session_count_differs_from_listed",
        "warning",
        "counts",
        "An activity's number of sessions held differs from the sessions it lists that are not "
        "planned or cancelled. Silent when no session is listed.",
        f"{_DOMAIN}: counts disagree between sources.",
    ),
    RuleInfo(
        "session_count_outside_frequency_range",
        "warning",
        "counts",
        "A stated number of sessions (held or planned) is outside the range its frequency implies "
        "over the activity's period (else the programme's) for its number of parallel groups. "
        'An approximate frequency ("cca every 2-3 months") widens the interval by '
        "RuleOptions.approximate_margin (25% by default). Definition in docs/rules.md.",
        "Arithmetic on the stated figures (seed: 114 supervisions at 22 contact points, every "
        "cca 2-3 months for 16 months).",
    ),
    # indicators.py
    RuleInfo(
        "indicator_actual_far_above_target",
        "warning",
        "indicators",
        "An achieved value is above RuleOptions.actual_target_ratio (1.5 by default) times the "
        "target, judged on the bounds (actual minimum over target maximum): possible double "
        "counting of participations as persons.",
        "Monitoring practice: counts of participations are often reported as unique persons.",
    ),
    RuleInfo(
        "indicator_actual_in_future",
        "error",
        "indicators",
        "An achieved value is dated after the check date (check(as_of=...), today by default), "
        "judged by the first day its date may denote.",
        "An achieved value cannot be measured before it happens.",
    ),
    # codes.py
    RuleInfo(
        "programme_code_scheme_mismatch",
        "error",
        "codes",
        "The programme code does not follow the pattern of its stated code scheme.",
        f"{_DOMAIN}: programme code schemes (table code_schemes.csv).",
    ),
    RuleInfo(
        "measure_code_scheme_mismatch",
        "error",
        "codes",
        "A measure's code does not follow the pattern of the code_scheme stated for it (LV "
        "2021-2027 measures 4.3.1.1, LT 2021-2027 measures and activities 05-001-01-05-01).",
        f"{_DOMAIN}: programme codes; validate the format.",
    ),
    RuleInfo(
        "programme_code_scheme_unknown",
        "info",
        "codes",
        "The programme code follows no known scheme although its country has known schemes "
        "(a typo?). Unknown codes are accepted; state code_scheme: other to silence this.",
        f"{_DOMAIN}: never reject a real code for missing from a list.",
    ),
    # training.py
    RuleInfo(
        "training_hours_below_cpd_minimum",
        "info",
        "training",
        "An activity's hours per social worker are below the country's annual continuing "
        "professional development minimum, pro rata for the calendar months the activity (else "
        "the programme) covers. Info only: the duty is met over all of a worker's training, of "
        "which one programme is a part. No requirement known for the country: nothing reported.",
        "CZ Act 108/2006 Coll. §111(1) (24 h a year, 1/12 per month) [V]; LT Order A1-92 (16 h) "
        "[U]; LV Cabinet Regulation No. 338 (2017) (24 h) [U] (table cpd_minimums.csv).",
    ),
    # references.py
    RuleInfo(
        "id_duplicate",
        "error",
        "references",
        "Two organisations, activities or indicators (or two sessions of one activity) share an "
        "id, so references to it are ambiguous.",
        "Ids identify objects within one document.",
    ),
    RuleInfo(
        "organisation_unreferenced",
        "warning",
        "references",
        "An organisation is listed but nothing refers to it (no partner role, budget source or "
        "line, facilitator or participation): its part in the programme is not stated.",
        "Document consistency.",
    ),
    RuleInfo(
        "title_english_missing",
        "info",
        "references",
        "The programme, an activity or an output has a title without an English version, so "
        "cross-country reports fall back to the original language.",
        "Cross-country comparability (EU and EEA reporting is in English).",
    ),
    # personal_data.py
    RuleInfo(
        "personal_data_national_id",
        "warning",
        "personal_data",
        "A string of the programme (a title, note, source or contact) contains a national "
        "personal code whose checksum and birth date are valid: LT asmens kodas, EE isikukood, "
        "PL PESEL, CZ/SK rodné číslo or LV personas kods. The finding shows only the first and "
        "last 2 characters. RuleOptions.personal_data_severity raises the whole family to error.",
        "GDPR (Reg. (EU) 2016/679) Art. 5(1)(c) data minimisation and Art. 87 national "
        "identification numbers; code rules: PL Act of 24 Sep 2010 on population records "
        "(PESEL), CZ Act 133/2000 Coll. §13 (rodné číslo); LT, EE and LV checksums as "
        "published by their population registers. See docs/personal-data.md.",
    ),
    RuleInfo(
        "personal_data_email",
        "warning",
        "personal_data",
        "An e-mail address in free text, or a contact e-mail that looks personal: a free-mail "
        "domain (gmail.com, inbox.lv, seznam.cz, wp.pl, ...) or a name.surname local part "
        "that is no role word. The finding shows only the domain.",
        "GDPR Art. 5(1)(c): the model keeps organisation-level contacts only "
        "(docs/personal-data.md).",
    ),
    RuleInfo(
        "personal_data_phone",
        "warning",
        "personal_data",
        "A phone number in free text: an international number of LT, LV, EE, CZ, SK or PL "
        "(+370, +371, +372, +420, +421, +48) or digits after tel./phone/telefon. A contact's "
        "phone field is where a phone belongs and is not reported.",
        "GDPR Art. 5(1)(c) (docs/personal-data.md).",
    ),
    RuleInfo(
        "extension_present",
        "info",
        "extensions",
        "An object carries an extension namespace: its data is kept in every format and not "
        "checked. Listed so that a declared extension is seen, while an unknown field stays an "
        "error.",
        "capacitylib document format 1.1 (extensions).",
    ),
)

#: Every finding code, in family order.
CATALOGUE: Mapping[str, RuleInfo] = MappingProxyType({entry.code: entry for entry in _ENTRIES})

#: Families in the order :func:`capacitylib.check` runs them.
FAMILIES: tuple[str, ...] = tuple(dict.fromkeys(entry.family for entry in _ENTRIES))


@dataclass(frozen=True, slots=True)
class StructuralCode:
    """A code raised while a model is built (a ``ValidationError``), always an error."""

    code: str
    meaning: str


#: capacitylib's own structural codes (pydantic's built-in types such as ``int_parsing`` keep
#: their names and are not repeated here).
STRUCTURAL_CODES: Mapping[str, StructuralCode] = MappingProxyType(
    {
        entry.code: entry
        for entry in (
            StructuralCode("field_unknown", "a field the model does not have (a typo?)"),
            StructuralCode("field_required", "a required field is missing"),
            StructuralCode(
                "period_end_before_start", "a period ends before it starts ('end' < 'start')"
            ),
            StructuralCode("estimate_min_above_max", "a range's 'min' exceeds its 'max'"),
            StructuralCode(
                "estimate_at_least_invalid",
                "'at_least' true with a 'max', or 'max' unset without 'at_least'",
            ),
            StructuralCode(
                "estimate_up_to_invalid", "'up_to' true without 'max', or with a 'min' above 0"
            ),
            StructuralCode(
                "period_without_dates", "a stated period with neither 'start' nor 'end'"
            ),
            StructuralCode(
                "period_date_without_year", "a period's date written without a year (--MM-DD)"
            ),
            StructuralCode("share_out_of_range", "a funding source's 'share' outside 0..1"),
            StructuralCode(
                "funding_source_without_amount",
                "a funding source with neither 'amount' nor 'share'",
            ),
            StructuralCode(
                "measure_without_code_or_name", "a measure with neither 'code' nor 'name'"
            ),
            StructuralCode(
                "related_programme_unidentified",
                "a related programme with no 'programme', 'code', 'title' or 'url'",
            ),
            StructuralCode(
                "extension_value_invalid",
                "an extension value that is not JSON (a float, a set, a key that is not text, "
                "or nested deeper than 32 levels)",
            ),
            StructuralCode("money_negative", "a budget amount is negative"),
            StructuralCode("currency_unknown", "not an ISO 4217 currency code"),
            StructuralCode("country_unknown", "not an ISO 3166-1 alpha-2 country code"),
            StructuralCode(
                "partial_date_invalid", "not YYYY, YYYY-MM, YYYY-MM-DD, --MM or --MM-DD"
            ),
            StructuralCode("decimal_from_float", "a binary float where an exact decimal is needed"),
            StructuralCode(
                "decimal_json_number_inexact",
                "a JSON number amount with more digits than a double keeps (write it as a string)",
            ),
            StructuralCode(
                "hours_minutes_without_academic_unit",
                "'academic_hour_minutes' given for hours that are not academic hours",
            ),
            StructuralCode("reference_unresolved", "an id that names no organisation or activity"),
            StructuralCode(
                "duplicate_key",
                "a key appears twice in one mapping of a JSON or YAML document or an NDJSON line "
                "(the second would silently replace the first); values give both positions",
            ),
            StructuralCode(
                "date_from_datetime",
                "a date field got a datetime or datetime text instead of a calendar day",
            ),
            StructuralCode(
                "date_type",
                "a number or boolean where a date is needed (pydantic's name, capacitylib's rule)",
            ),
            StructuralCode(
                "date_from_datetime_parsing",
                "text that is not a date, such as digits only (pydantic's name, capacitylib's "
                "rule: a number is never a day count since 1970)",
            ),
        )
    }
)

#: Problems of reading records at all (streams, documents, tables): the record is rejected, or
#: the input is unreadable, before any model is built. Listed in docs/rules.md.
READER_CODES: Mapping[str, StructuralCode] = MappingProxyType(
    {
        entry.code: entry
        for entry in (
            StructuralCode(
                "input_unreadable",
                "a file cannot be opened or read (missing, a folder, no permission, not UTF-8)",
            ),
            StructuralCode(
                "reader_failed",
                "a reader failed unexpectedly on one input (a bug: please report it); the other "
                "inputs are still read",
            ),
            StructuralCode("record_empty", "a document or line with nothing in it"),
            StructuralCode(
                "record_too_large",
                "a record above its limit (a stream line, a document, YAML above MAX_YAML_BYTES, "
                "standard input); a rejected line is kept whole",
            ),
            StructuralCode(
                "record_not_utf8", "a stream line or record that is not UTF-8; its bytes are kept"
            ),
            StructuralCode(
                "stream_line_endless",
                "a stream line with no end within MAX_KEPT_LINE_BYTES: the stream stops there",
            ),
            StructuralCode("json_invalid", "not valid JSON (pydantic's name), with the position"),
            StructuralCode(
                "yaml_invalid",
                "not valid YAML, or a tag outside the YAML 1.2 core schema, with line and column",
            ),
            StructuralCode("table_missing", "no programmes table, or a folder with no tables"),
            StructuralCode("table_unknown", "a sheet or file that is no capacitylib table"),
            StructuralCode("table_empty", "a table without even a header row"),
            StructuralCode("table_file_unreadable", "a table file that cannot be read at all"),
            StructuralCode(
                "table_file_unsafe",
                "a workbook with a zip bomb, an encrypted part or a DOCTYPE/ENTITY: not read",
            ),
            StructuralCode(
                "table_too_large",
                "a table file, sheet dimension or read above a limit of "
                "capacitylib.io.tables.limits: not read",
            ),
            StructuralCode("table_header_merged", "merged cells in a header row"),
            StructuralCode("table_cells_merged", "merged cells in the body of a sheet"),
            StructuralCode("table_header_blank", "a column with data but no header"),
            StructuralCode("table_column_duplicate", "a column header that appears twice"),
            StructuralCode("table_column_missing", "a required column is missing"),
            StructuralCode("table_column_unknown", "a column the table does not have (a typo?)"),
            StructuralCode("table_column_language", "a text column without its _<lang> suffix"),
            StructuralCode(
                "table_row_length", "a CSV row with more or fewer cells than the header"
            ),
            StructuralCode("table_key_missing", "a row without its programme_id or other key"),
            StructuralCode("table_id_duplicate", "one id on two rows where ids must be unique"),
            StructuralCode("table_position_duplicate", "two rows with one position in a list"),
            StructuralCode("table_position_invalid", "a position that is not 0, 1, 2, ..."),
            StructuralCode("table_reference_unknown", "a row whose parent row does not exist"),
            StructuralCode("table_reference_ambiguous", "a row that matches several parent rows"),
            StructuralCode(
                "table_cell_formula", "an XLSX formula cell without a saved value: not guessed"
            ),
            StructuralCode(
                "table_cell_unwritable",
                "a value a table format cannot hold exactly (XLSX: control characters, over "
                "32,767 characters): refused on writing, never changed",
            ),
            StructuralCode(
                "cell_shorthand_conflict", "a figure given both as one cell and as min/max cells"
            ),
        )
    }
)

_DATASET_SOURCE = (
    "Dataset quality (capacitylib.quality): records of one dataset must agree with each other, "
    "as the IATI Validator and 360Giving's data-quality tool check."
)

#: Findings across the records of a dataset (``validate --summary``, capacitylib.quality).
DATASET_CODES: Mapping[str, RuleInfo] = MappingProxyType(
    {
        entry.code: entry
        for entry in (
            RuleInfo(
                "dataset_programme_duplicate",
                "warning",
                "dataset",
                "One programme id in several records with the same content.",
                _DATASET_SOURCE,
            ),
            RuleInfo(
                "dataset_programme_conflict",
                "error",
                "dataset",
                "One programme id in several records with different contents.",
                _DATASET_SOURCE,
            ),
            RuleInfo(
                "dataset_code_titles_differ",
                "warning",
                "dataset",
                "One programme code with different titles in different records.",
                _DATASET_SOURCE,
            ),
            RuleInfo(
                "dataset_organisation_conflict",
                "warning",
                "dataset",
                "One organisation id with different names or kinds in different records.",
                _DATASET_SOURCE,
            ),
            RuleInfo(
                "dataset_funder_currencies_mixed",
                "info",
                "dataset",
                "The programmes of one funder state their budgets in several currencies.",
                _DATASET_SOURCE,
            ),
        )
    }
)
