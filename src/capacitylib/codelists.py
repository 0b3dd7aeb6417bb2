"""Codelists of the programme model.

Each codelist is a :class:`~enum.StrEnum`; the member's value is the wire code written in documents.
Codes are stable: a code is never renamed without a deprecation period.
"""

from __future__ import annotations

from enum import StrEnum


class FundingInstrument(StrEnum):
    """Funding instrument a programme draws on.

    Sources: Regulation (EU) 2021/1057 (ESF+), Regulation (EU) No 1304/2013 (ESF 2014-2020),
    the EEA and Norway Grants blue books.

    >>> FundingInstrument("esf_plus").value, FundingInstrument.EEA_GRANTS.value
    ('esf_plus', 'eea_grants')
    """

    ESF = "esf"
    ESF_PLUS = "esf_plus"
    ERDF = "erdf"
    EEA_GRANTS = "eea_grants"
    NORWAY_GRANTS = "norway_grants"
    SWISS_CONTRIBUTION = "swiss_contribution"
    INTERNATIONAL_ORGANISATION = "international_organisation"
    NATIONAL = "national"
    MUNICIPAL = "municipal"
    PRIVATE = "private"
    OTHER = "other"


class RegionCategory(StrEnum):
    """Category of region for cohesion-policy co-financing (Reg. (EU) 2021/1060 Art. 108(2)).

    >>> [category.value for category in RegionCategory]
    ['less_developed', 'transition', 'more_developed']
    """

    LESS_DEVELOPED = "less_developed"
    TRANSITION = "transition"
    MORE_DEVELOPED = "more_developed"


class OrganisationKind(StrEnum):
    """What kind of body an organisation is.

    >>> OrganisationKind("municipal_social_service") is OrganisationKind.MUNICIPAL_SOCIAL_SERVICE
    True
    """

    MINISTRY = "ministry"
    STATE_AGENCY = "state_agency"
    REGIONAL_GOVERNMENT = "regional_government"
    MUNICIPALITY = "municipality"
    MUNICIPAL_SOCIAL_SERVICE = "municipal_social_service"
    MUNICIPAL_INSTITUTION = "municipal_institution"
    NGO = "ngo"
    FOUNDATION = "foundation"
    TRAINING_PROVIDER = "training_provider"
    UNIVERSITY = "university"
    SOCIAL_SERVICE_PROVIDER = "social_service_provider"
    HEALTH_CARE_PROVIDER = "health_care_provider"
    PROFESSIONAL_ASSOCIATION = "professional_association"
    DONOR = "donor"
    INTERNATIONAL_ORGANISATION = "international_organisation"
    COMPANY = "company"
    OTHER = "other"


class PartnerRole(StrEnum):
    """Role an organisation plays in a programme.

    >>> PartnerRole("lead_implementer").value, PartnerRole.CONTRACTOR.value
    ('lead_implementer', 'contractor')
    """

    FUNDER = "funder"
    MANAGING_AUTHORITY = "managing_authority"
    INTERMEDIATE_BODY = "intermediate_body"
    PROGRAMME_OPERATOR = "programme_operator"
    LEAD_IMPLEMENTER = "lead_implementer"
    PARTNER = "partner"
    ASSOCIATED_PARTNER = "associated_partner"
    PARTICIPATING_ORGANISATION = "participating_organisation"
    CONTRACTOR = "contractor"
    OTHER = "other"


class PeriodStatus(StrEnum):
    """Which version of a period a source states: planned, revised or actual.

    >>> [status.value for status in PeriodStatus]
    ['planned', 'revised', 'actual']
    """

    PLANNED = "planned"
    REVISED = "revised"
    ACTUAL = "actual"


class ActivityKind(StrEnum):
    """Kind of activity in a capacity-building programme.

    >>> ActivityKind("supervision_team").value, ActivityKind.INTERVISION.value
    ('supervision_team', 'intervision')
    """

    TRAINING_COURSE = "training_course"
    SEMINAR = "seminar"
    WORKSHOP = "workshop"
    CONFERENCE = "conference"
    SUPERVISION = "supervision"
    SUPERVISION_GROUP = "supervision_group"
    SUPERVISION_TEAM = "supervision_team"
    SUPERVISION_INDIVIDUAL = "supervision_individual"
    INTERVISION = "intervision"
    FACILITATION_MEETING = "facilitation_meeting"
    NETWORKING_MEETING = "networking_meeting"
    MENTORING = "mentoring"
    STUDY_SUPPORT = "study_support"
    JOB_CREATION = "job_creation"
    STUDY_VISIT = "study_visit"
    PILOT = "pilot"
    METHODOLOGY_DEVELOPMENT = "methodology_development"
    PUBLICATION = "publication"
    DISSEMINATION = "dissemination"
    SERVICE_PROVISION = "service_provision"
    EQUIPMENT = "equipment"
    EVALUATION = "evaluation"
    MANAGEMENT = "management"
    OTHER = "other"


class ActivityStatus(StrEnum):
    """Whether an activity or session is planned, under way, completed or cancelled.

    Figures of a planned activity are plans: reach calculators count them apart from actuals.

    >>> [status.value for status in ActivityStatus]
    ['planned', 'ongoing', 'completed', 'cancelled']
    """

    PLANNED = "planned"
    ONGOING = "ongoing"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


class TargetGroup(StrEnum):
    """Group of people or bodies an activity or indicator is about.

    >>> TargetGroup("social_workers").value, TargetGroup.FAMILIES_AT_SOCIAL_RISK.value
    ('social_workers', 'families_at_social_risk')
    """

    SOCIAL_WORKERS = "social_workers"
    SOCIAL_WORK_MANAGERS = "social_work_managers"
    SOCIAL_CARE_STAFF = "social_care_staff"
    CASE_MANAGERS = "case_managers"
    SUPERVISORS = "supervisors"
    PROFESSIONALS_OTHER = "professionals_other"
    FAMILIES = "families"
    FAMILIES_AT_SOCIAL_RISK = "families_at_social_risk"
    CHILDREN = "children"
    PERSONS_WITH_DISABILITIES = "persons_with_disabilities"
    OLDER_PERSONS = "older_persons"
    INFORMAL_CARERS = "informal_carers"
    VICTIMS_OF_VIOLENCE = "victims_of_violence"
    SERVICE_USERS = "service_users"
    ORGANISATIONS = "organisations"
    MUNICIPALITIES = "municipalities"
    GENERAL_PUBLIC = "general_public"
    OTHER = "other"


class ReachUnit(StrEnum):
    """Unit of a reach count or an indicator; counts in different units never add.

    >>> ReachUnit("families") is ReachUnit.FAMILIES, ReachUnit.PERSONS.value
    (True, 'persons')
    """

    PERSONS = "persons"
    FAMILIES = "families"
    ORGANISATIONS = "organisations"
    MUNICIPALITIES = "municipalities"
    CONTACT_POINTS = "contact_points"
    COPIES = "copies"
    EVENTS = "events"
    SESSIONS = "sessions"
    HOURS = "hours"
    DOCUMENTS = "documents"
    CASES = "cases"
    PARTNERS = "partners"
    COUNTRIES = "countries"
    REGIONS = "regions"
    OFFICES = "offices"
    CITIES = "cities"
    OTHER = "other"


class HoursUnit(StrEnum):
    """Unit of a stated amount of time: clock hours, academic hours or days.

    >>> [unit.value for unit in HoursUnit]
    ['clock_hour', 'academic_hour', 'day']
    """

    CLOCK_HOUR = "clock_hour"
    ACADEMIC_HOUR = "academic_hour"
    DAY = "day"


class TimeUnit(StrEnum):
    """Calendar unit of a stated duration or frequency.

    >>> TimeUnit("month").value
    'month'
    """

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


class FundingSourceKind(StrEnum):
    """Where money in a budget comes from.

    >>> FundingSourceKind("eu_fund").value, FundingSourceKind.OWN_CONTRIBUTION_IN_KIND.value
    ('eu_fund', 'own_contribution_in_kind')
    """

    EU_FUND = "eu_fund"
    DONOR_GRANT = "donor_grant"
    NATIONAL_BUDGET = "national_budget"
    MUNICIPAL_BUDGET = "municipal_budget"
    OWN_CONTRIBUTION_CASH = "own_contribution_cash"
    OWN_CONTRIBUTION_IN_KIND = "own_contribution_in_kind"
    PRIVATE = "private"
    OTHER = "other"


class IndicatorKind(StrEnum):
    """Output (what the programme delivers) or result (what changes for the target group).

    >>> [kind.value for kind in IndicatorKind]
    ['output', 'result']
    """

    OUTPUT = "output"
    RESULT = "result"


class IndicatorMeasure(StrEnum):
    """What an indicator's figures are: a count in a unit, a percentage, a ratio, or words.

    ``unit``: a count in the indicator's :class:`ReachUnit`; ``percentage``: 0 to 100 (or more,
    for growth); ``ratio``: a quotient such as cases per worker; ``qualitative``: a narrative per
    period, no figure (IATI indicator measures 1, 2, 3 and 5).

    >>> [measure.value for measure in IndicatorMeasure]
    ['unit', 'percentage', 'ratio', 'qualitative']
    """

    UNIT = "unit"
    PERCENTAGE = "percentage"
    RATIO = "ratio"
    QUALITATIVE = "qualitative"


class BreakdownDimension(StrEnum):
    """What a breakdown of an indicator figure splits it by.

    ``gender`` (categories :class:`Gender`), ``age`` (age bands: ``<18``, ``18-29``, ``55+``),
    ``labour_market_status`` (:class:`LabourMarketStatus`), ``target_group``
    (:class:`TargetGroup`), ``region`` (a region's name or code as the source gives it) and
    ``other`` (any documented category).

    >>> BreakdownDimension("labour_market_status").value
    'labour_market_status'
    """

    GENDER = "gender"
    AGE = "age"
    LABOUR_MARKET_STATUS = "labour_market_status"
    TARGET_GROUP = "target_group"
    REGION = "region"
    OTHER = "other"


class Gender(StrEnum):
    """Gender categories of a breakdown; ESF+ monitoring asks for all three.

    Regulation (EU) 2021/1057, Annex I: women, men and non-binary persons.

    >>> [gender.value for gender in Gender]
    ['women', 'men', 'non_binary']
    """

    WOMEN = "women"
    MEN = "men"
    NON_BINARY = "non_binary"


class LabourMarketStatus(StrEnum):
    """Labour-market status of participants, as ESF+ common indicators count it.

    ``employed`` includes the self-employed; ``long_term_unemployed`` is a part of
    ``unemployed`` (so a full breakdown uses one or the other, not both).

    >>> LabourMarketStatus("long_term_unemployed").value
    'long_term_unemployed'
    """

    UNEMPLOYED = "unemployed"
    LONG_TERM_UNEMPLOYED = "long_term_unemployed"
    INACTIVE = "inactive"
    EMPLOYED = "employed"


class OutputKind(StrEnum):
    """Kind of tangible output of an activity.

    >>> OutputKind("handbook").value
    'handbook'
    """

    HANDBOOK = "handbook"
    METHODOLOGY = "methodology"
    TRAINING_PROGRAMME = "training_programme"
    REPORT = "report"
    EVALUATION_REPORT = "evaluation_report"
    GOOD_PRACTICE_COLLECTION = "good_practice_collection"
    SERVICE_MODEL = "service_model"
    BLOG = "blog"
    NEWSLETTER = "newsletter"
    PERIODICAL = "periodical"
    WEBSITE = "website"
    OTHER = "other"


class DatePrecision(StrEnum):
    """How much of a date a source states.

    >>> [precision.value for precision in DatePrecision]
    ['year', 'month', 'day']
    """

    YEAR = "year"
    MONTH = "month"
    DAY = "day"


class ProgrammeCodeScheme(StrEnum):
    """Numbering scheme of a programme or project code (patterns in ``_data/code_schemes.csv``).

    >>> from capacitylib.values import ProgrammeCode
    >>> ProgrammeCode("9.2.1.1/15/I/001").scheme is ProgrammeCodeScheme.LV_2014_2020_ESF
    True
    """

    CZ_2014_2020 = "cz_2014_2020"
    CZ_2007_2013 = "cz_2007_2013"
    LT_2021_2027 = "lt_2021_2027"
    LT_2014_2020 = "lt_2014_2020"
    LV_2014_2020_ESF = "lv_2014_2020_esf"
    LV_EEA_2009_2014_NGO = "lv_eea_2009_2014_ngo"
    LV_2021_2027_MEASURE = "lv_2021_2027_measure"
    LT_2021_2027_MEASURE = "lt_2021_2027_measure"
    CCI = "cci"
    OTHER = "other"


class ProgrammeStatus(StrEnum):
    """Where a programme stands as its source states it (``in implementation``, ``completed``).

    >>> ProgrammeStatus("in_implementation").value
    'in_implementation'
    """

    PLANNED = "planned"
    APPROVED = "approved"
    IN_IMPLEMENTATION = "in_implementation"
    COMPLETED = "completed"
    SUSPENDED = "suspended"
    TERMINATED = "terminated"


class MeasureLevel(StrEnum):
    """Level of a programme's place in its funding structure, from priority down to call.

    Priority axes (CZ, SK), priorities, investment priorities, specific objectives (LV
    ``9.2.6``), measures (LT ``08.1.2-CPVA-K-408``, PL ``Działanie 9.1``), activities and calls.

    >>> MeasureLevel("specific_objective").value
    'specific_objective'
    """

    PRIORITY_AXIS = "priority_axis"
    PRIORITY = "priority"
    INVESTMENT_PRIORITY = "investment_priority"
    SPECIFIC_OBJECTIVE = "specific_objective"
    MEASURE = "measure"
    ACTIVITY = "activity"
    CALL = "call"
    OTHER = "other"


class ProgrammeRelation(StrEnum):
    """How another programme relates to this one: the one it follows or the one following it.

    >>> ProgrammeRelation("predecessor").value
    'predecessor'
    """

    PREDECESSOR = "predecessor"
    FOLLOW_UP = "follow_up"
    PARENT = "parent"
    RELATED = "related"


class CountSubject(StrEnum):
    """What a stated count counts: partners alone, partners and the lead, countries, ...

    ``partners`` excludes the lead implementer; ``partners_and_lead`` includes it.

    >>> CountSubject("partners_and_lead").value
    'partners_and_lead'
    """

    PARTNERS = "partners"
    PARTNERS_AND_LEAD = "partners_and_lead"
    COUNTRIES = "countries"
    ORGANISATIONS = "organisations"
    MUNICIPALITIES = "municipalities"
    PLACES = "places"
    EXPERTS = "experts"
    TRAINERS = "trainers"
    PARTICIPANTS = "participants"
    OTHER = "other"


class TargetRole(StrEnum):
    """Role of a target group: reached directly, or benefiting in the end through those reached.

    Social workers are trained (``direct``) so that older people living at home benefit
    (``ultimate_beneficiary``).

    >>> TargetRole("ultimate_beneficiary").value
    'ultimate_beneficiary'
    """

    DIRECT = "direct"
    ULTIMATE_BENEFICIARY = "ultimate_beneficiary"
    OTHER = "other"


class PlaceKind(StrEnum):
    """Kind of place a location names or counts (``in 7 towns``).

    >>> PlaceKind("town").value
    'town'
    """

    COUNTRY = "country"
    REGION = "region"
    MUNICIPALITY = "municipality"
    TOWN = "town"
    VILLAGE = "village"
    SITE = "site"
    OTHER = "other"


class TaxBasis(StrEnum):
    """Whether a stated amount includes taxes and contributions (``gross``) or not (``net``).

    >>> TaxBasis("gross").value
    'gross'
    """

    GROSS = "gross"
    NET = "net"
