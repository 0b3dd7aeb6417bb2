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
_RESULTS = (
    "Results frameworks (ESF+ monitoring, EEA and Norway Grants, IATI result/indicator/period): "
    "an indicator with a baseline, a target and an actual per reporting period."
)
_BREAKDOWNS = (
    "Arithmetic of a breakdown: the categories of one dimension are disjoint parts of the "
    "whole (Reg. (EU) 2021/1057 Annex I breaks participants down by gender, age and "
    "labour-market status)."
)
_COMMON_INDICATORS = (
    "Reg. (EU) 2021/1057 Annex I (ESF+ common indicators; personal data broken down by "
    "gender: women, men, non-binary persons); Reg. (EU) No 1304/2013 Annex I (ESF 2014-2020; "
    "all data broken down by gender); table common_indicators.csv, codes as monitoring "
    "systems quote them [U]."
)

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
        "counting of participations as persons. Format 1.0 actuals against the total target; a "
        "period's actual against that period's target.",
        "Monitoring practice: counts of participations are often reported as unique persons.",
    ),
    RuleInfo(
        "indicator_actual_in_future",
        "error",
        "indicators",
        "An achieved value is dated after the check date (check(as_of=...), today by default), "
        "judged by the first day its date may denote. A period's actual without as_of refers "
        "to the period's last day.",
        "An achieved value cannot be measured before it happens.",
    ),
    RuleInfo(
        "indicator_actual_before_period",
        "error",
        "indicators",
        "A period's actual is dated (as_of) before the period starts: every day the date may "
        "denote is before the period's first day, so it cannot be what the period achieved.",
        "An achieved value cannot be measured before it happens.",
    ),
    # results.py
    RuleInfo(
        "indicator_period_empty",
        "warning",
        "results",
        "A reporting period states neither a target nor an actual. A warning: a period needs one "
        "of them, not both, and an empty one is unfinished rather than contradictory.",
        _RESULTS,
    ),
    RuleInfo(
        "indicator_periods_overlap",
        "error",
        "results",
        "Two reporting periods of one indicator share a day, or repeat one another (periods are "
        "their spans, first to last day inclusive: 2023-01..2023-06 and 2023-06..2023-12 share "
        "June). An error: figures per period are added up to totals, and shared days would "
        "count twice; a cumulative figure belongs in the total target.",
        _RESULTS,
    ),
    RuleInfo(
        "indicator_period_outside_programme_period",
        "warning",
        "results",
        "A reporting period shares no day with the programme period (a calendar year the "
        "programme covers in part is inside). A warning, as for target dates: result "
        "indicators are sometimes measured after the end.",
        "As indicator_target_date_outside_programme_period.",
    ),
    RuleInfo(
        "indicator_percentage_above_hundred",
        "info",
        "results",
        "A figure of a percentage indicator is above 100 in every reading (its minimum). Info "
        "only: right for a growth rate, impossible for a share, and the document does not say "
        "which the indicator is.",
        "IATI indicator measure 2 (percentage); arithmetic of shares.",
    ),
    RuleInfo(
        "indicator_qualitative_without_narrative",
        "warning",
        "results",
        "A qualitative indicator states a figure without a narrative (a period's target or "
        "actual with a value and no narrative, or a total target or format 1.0 actual): its "
        "measure is probably unit, percentage or ratio.",
        "IATI indicator measure 5 (qualitative): the result is described in words.",
    ),
    RuleInfo(
        "indicator_narrative_without_value",
        "warning",
        "results",
        "A period's target or actual of a count, percentage or ratio indicator is stated in "
        "words only: achievement cannot be computed; state the value, or make the indicator "
        "qualitative.",
        _RESULTS,
    ),
    RuleInfo(
        "indicator_subset_cycle",
        "error",
        "results",
        "Indicators name each other in subset_of in a circle (a of b, b of a): each would be a "
        "part of itself. Reported once, at the circle's first indicator; its members are not "
        "compared with their parents.",
        _RESULTS,
    ),
    RuleInfo(
        "indicator_subset_exceeds_parent",
        "error",
        "results",
        "A subset indicator's figure is above its parent's: the total target, an actual of the "
        "same as_of, or a period's target or actual against the parent's period of the same "
        "span. Equal is fine; a range exceeds only when its minimum is above the parent's "
        "maximum (approximate figures widened by RuleOptions.approximate_margin). Counts only; "
        "an ambiguous parent (a repeated id, span or date) is not compared.",
        _RESULTS,
    ),
    RuleInfo(
        "indicator_subset_unit_mismatch",
        "warning",
        "results",
        "A subset indicator and its parent differ in measure or unit (persons of hours, a "
        "percentage of persons): their figures cannot be compared. A warning: the relation is "
        "not a figure, and no figure is wrong.",
        _RESULTS,
    ),
    RuleInfo(
        "indicator_follows_from_kind_mismatch",
        "warning",
        "results",
        "follows_from is stated by an output indicator, or names a result indicator: a result "
        "follows from outputs. A warning: the chain of results is described, not counted.",
        _RESULTS,
    ),
    # breakdowns.py
    RuleInfo(
        "breakdown_part_exceeds_whole",
        "error",
        "breakdowns",
        "A part of a breakdown of a count is above the figure it splits, in every reading (the "
        "part's minimum above the whole's maximum; approximate figures widened by "
        "RuleOptions.approximate_margin).",
        _BREAKDOWNS,
    ),
    RuleInfo(
        "breakdown_sum_mismatch",
        "error",
        "breakdowns",
        "The parts of a complete breakdown of a count cannot add up to the whole: the interval "
        "of their sum and the whole's share no value (ranges and open bounds honoured, "
        "approximate figures widened). Set complete false when some categories are missing.",
        _BREAKDOWNS,
    ),
    RuleInfo(
        "breakdown_sum_exceeds_whole",
        "error",
        "breakdowns",
        'The parts of a partial ("of whom") breakdown of a count exceed the whole in sum (the '
        "sum's minimum above the whole's maximum). Judged only where categories are disjoint by "
        "definition: gender, age bands that do not overlap, labour-market status (the long-term "
        "unemployed left out beside the unemployed); target groups, regions and other "
        "categories may nest.",
        _BREAKDOWNS,
    ),
    RuleInfo(
        "breakdown_whole_missing",
        "warning",
        "breakdowns",
        "A breakdown of a figure that has no value (a qualitative figure stated in words, or "
        "target_breakdowns without a total target): the parts cannot be checked against it.",
        _BREAKDOWNS,
    ),
    RuleInfo(
        "breakdown_age_bands_overlap",
        "error",
        "breakdowns",
        "Two age bands of one breakdown share an age (18-29 and 25-64; bands are inclusive, 55+ "
        "has no upper end): the parts of a breakdown are disjoint, so people would be counted "
        "twice. A narrower band is a subset indicator.",
        _BREAKDOWNS,
    ),
    RuleInfo(
        "breakdown_categories_nested",
        "error",
        "breakdowns",
        "A complete breakdown by labour-market status has both unemployed and "
        "long_term_unemployed: the long-term unemployed are unemployed, so the parts count "
        'them twice. In a partial ("of whom") breakdown both may be stated.',
        f"{_BREAKDOWNS} Reg. (EU) 2021/1057 Annex I: unemployed including long-term unemployed.",
    ),
    # common_indicators.py
    RuleInfo(
        "common_indicator_unknown",
        "warning",
        "common_indicators",
        "An indicator's common_indicator is not a code of the common-indicator table "
        "(ReferenceTables.common_indicators: ESF+ 2021-2027 EECO/EECR, ESF 2014-2020 CO/CR; any "
        "case). A typo, or a funder's own indicator: add it with "
        "ReferenceTables.with_overrides(common_indicators=...).",
        _COMMON_INDICATORS,
    ),
    RuleInfo(
        "common_indicator_framework_mismatch",
        "warning",
        "common_indicators",
        "The common indicator belongs to another framework than the programme's: the programme "
        "states another programming period, or funding instruments none of which is the common "
        "indicator's (an ESF+ 2021-2027 project reporting the ESF 2014-2020 CO01).",
        _COMMON_INDICATORS,
    ),
    RuleInfo(
        "common_indicator_kind_mismatch",
        "warning",
        "common_indicators",
        "An output indicator reports a common result indicator, or a result indicator a common "
        "output indicator.",
        _COMMON_INDICATORS,
    ),
    RuleInfo(
        "common_indicator_measure_mismatch",
        "warning",
        "common_indicators",
        "An indicator whose measure is a percentage, a ratio or qualitative reports a common "
        "indicator, which is a count (measure unit).",
        _COMMON_INDICATORS,
    ),
    RuleInfo(
        "common_indicator_unit_mismatch",
        "warning",
        "common_indicators",
        "An indicator counts in another unit than the common indicator it reports (persons for "
        "participants, organisations for entities; the table lists compatible units, such as "
        "municipalities for public administrations).",
        _COMMON_INDICATORS,
    ),
    RuleInfo(
        "common_indicator_breakdown_unused",
        "warning",
        "common_indicators",
        "A figure of the indicator (total target, a period's target or actual, an actual) is "
        "broken down by a dimension the common indicator is not broken down by (ESF+ and ESF "
        "participants: gender; the ESF+ total also age and labour-market status; entities: "
        "none). Reported once per dimension, at its first place.",
        _COMMON_INDICATORS,
    ),
    RuleInfo(
        "common_indicator_breakdown_missing",
        "info",
        "common_indicators",
        "The common indicator is broken down by a dimension (ESF+: gender, women, men and "
        "non-binary persons) by which no figure of the indicator is broken down, although the "
        "indicator states figures.",
        _COMMON_INDICATORS,
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
        "indicator_reference_unknown",
        "error",
        "references",
        "An indicator's subset_of or follows_from names no indicator of the document. An error, "
        "as an activity or organisation id that names nothing is refused.",
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
            # models/indicator.py: the results framework refuses only malformed data.
            StructuralCode(
                "indicator_unit_missing", "a count indicator (measure 'unit') without its 'unit'"
            ),
            StructuralCode(
                "indicator_figure_empty",
                "a period's target or actual with neither value nor narrative",
            ),
            StructuralCode(
                "indicator_subset_of_itself", "an indicator whose 'subset_of' is its own id"
            ),
            StructuralCode(
                "breakdown_category_unknown",
                "a breakdown category not on the dimension's codelist (gender, labour-market "
                "status, target group)",
            ),
            StructuralCode(
                "breakdown_category_repeated", "a category given twice in one breakdown"
            ),
            StructuralCode(
                "breakdown_age_band_invalid",
                "an age band that is not 18-29, 55+ or <18, or that ends before it starts",
            ),
            StructuralCode(
                "breakdown_dimension_repeated", "two breakdowns of one figure by the same dimension"
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
            # The IATI Standard ruleset (io/iati/ruleset.py): a finding's severity is its rule's.
            StructuralCode(
                "iati_rule_failed",
                "an IATI file fails a case of an IATI ruleset rule; values name the rule type, "
                "its ruleInfo id, the activity's iati-identifier and the line; the severity is "
                "the rule's (critical: error)",
            ),
            StructuralCode(
                "iati_rule_value_invalid",
                "an IATI ruleset rule cannot be checked: a date or number it needs is not one",
            ),
            StructuralCode(
                "iati_rule_skipped",
                "info: an IATI ruleset rule needs data not given (the ORG-ID-PREFIX agency "
                "codes): not checked",
            ),
            StructuralCode(
                "iati_rule_unknown",
                "warning: a rule type an IATI ruleset names that the engine does not know: "
                "not checked (reported once)",
            ),
            StructuralCode(
                "iati_rule_xpath_invalid",
                "an XPath in an IATI ruleset that lxml cannot compile or evaluate: that case "
                "is not checked",
            ),
            StructuralCode(
                "iati_ruleset_invalid",
                "an IATI ruleset that cannot be read or is not one (not JSON, a duplicate key, a "
                "case without its keys, a bad regex): the cases that can be read still run",
            ),
            StructuralCode(
                "iati_file_too_large",
                "an IATI file above MAX_IATI_BYTES or MAX_IATI_ELEMENTS, or beyond the XML "
                "parser's limits: not read",
            ),
            StructuralCode(
                "iati_xml_not_utf8", "an IATI file that is not UTF-8 or declares another encoding"
            ),
            StructuralCode(
                "iati_xml_unsafe",
                "an IATI file with a DOCTYPE (entity declarations, external entities or DTD): "
                "not read",
            ),
            StructuralCode(
                "iati_xml_invalid", "not well-formed XML (or not XML), with line and column"
            ),
            StructuralCode(
                "iati_xml_too_deep", "XML nested deeper than the parser's 256 levels: not read"
            ),
            StructuralCode(
                "iati_identifier_missing",
                "warning: an IATI activity with an empty iati-identifier; its id is its position",
            ),
            StructuralCode(
                "iati_root_unexpected",
                "an XML file whose root is not <iati-activities> (an organisation file, other XML)",
            ),
            StructuralCode(
                "iati_schema_invalid",
                "an IATI activity that the IATI 2.03 XML Schema refuses, with line and XPath",
            ),
            StructuralCode(
                "iati_schema_skipped",
                "info: no IATI schema folder was given, so the schema check did not run",
            ),
            StructuralCode(
                "iati_not_mapped",
                "info: an IATI element or attribute with no capacitylib field, kept under "
                "extensions.iati",
            ),
            StructuralCode(
                "iati_value_unmapped",
                "warning: an IATI value a capacitylib field refuses (a bad date, a negative "
                "budget), kept under extensions.iati",
            ),
        )
    }
)

_DATASET_SOURCE = (
    "Dataset quality (capacitylib.quality): records of one dataset must agree with each other, "
    "as the IATI Validator and 360Giving's data-quality tool check."
)

_IATI_EXPORT_SOURCE = (
    "IATI Activity Standard 2.03 (https://iatistandard.org/en/iati-standard/203/) and its "
    "Standard ruleset; capacitylib's export policy in docs/iati.md."
)

#: Findings across the records of a dataset (``validate --summary``, capacitylib.quality) and
#: about an IATI export (capacitylib.io.iati.export).
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
            # IATI export (capacitylib.io.iati.export): findings about the file written.
            RuleInfo(
                "iati_export_lossy",
                "warning",
                "iati_export",
                "IATI cannot say what the programme states (a range, an open bound, an "
                "approximate figure, a date known to the month or year, academic hours, a "
                "relation or role IATI has no code for, a field with no IATI element): the "
                "nearest IATI form is written, with a narrative where one fits; the finding "
                "names the path and what was lost.",
                _IATI_EXPORT_SOURCE,
            ),
            RuleInfo(
                "iati_export_derived",
                "info",
                "iati_export",
                "A value IATI needs was derived by a documented rule, not stated by the "
                "programme (a multi-year budget apportioned by days into yearly indicative "
                "budgets, the activity status from the dates, a start date from the earliest "
                "dated record, the identifier built from the reporting organisation and the code).",
                _IATI_EXPORT_SOURCE,
            ),
            RuleInfo(
                "iati_export_identifier_unmapped",
                "warning",
                "iati_export",
                "An organisation identifier in a scheme with no known org-id.guide prefix: the "
                "organisation is written by name, without an IATI 'ref'.",
                _IATI_EXPORT_SOURCE,
            ),
            RuleInfo(
                "iati_export_not_on_codelist",
                "warning",
                "iati_export",
                "A code written as stated is not on the IATI codelist (a currency such as DEM, "
                "a language tag such as ltg): IATI tools may refuse it.",
                _IATI_EXPORT_SOURCE,
            ),
            RuleInfo(
                "iati_export_incomplete",
                "error",
                "iati_export",
                "IATI requires what the programme does not state (a start date, a reporting "
                "organisation identifier): a marked placeholder is written so that the file is "
                "schema-valid; complete the programme, or pass the value, before publishing.",
                _IATI_EXPORT_SOURCE,
            ),
            RuleInfo(
                "iati_export_identifier_duplicate",
                "error",
                "iati_export",
                "Two programmes give the same iati-identifier (an activity identifier must be "
                "globally unique): supply identifiers per programme.",
                _IATI_EXPORT_SOURCE,
            ),
        )
    }
)
