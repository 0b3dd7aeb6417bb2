"""Render docs/format.md from the models, so the field reference never drifts from the code.

Run: python scripts/render_format_doc.py > docs/format.md   (a test checks the file is current)
"""

from __future__ import annotations

import enum
import sys
import types
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel, RootModel

from capacitylib import codelists, models, values
from capacitylib.values._value import Value
from capacitylib.values.extensions import no_extensions

INTRO = """# Document format

One programme per file, in YAML (`.yaml`, `.yml`) or JSON (`.json`), UTF-8. The document's root
is a **Programme**. This page is generated from the models (`scripts/render_format_doc.py`);
the JSON Schema (`capacitylib schema`, or `capacitylib/_data/programme.schema.json` in the
package) is generated from the same models.

## Conventions

- **Unknown fields are errors.** A typo must not silently drop data.
- **Dates** are ISO 8601 (`2016-11-01`). Periods include their end date. Where a source gives
  only a month or a year, or no year at all, fields typed *PartialDate* take `2019-05`, `2019`,
  `--03-30` (30 March, year unknown) or `--04` (April, year unknown).
- **Programme periods** (*StatedPeriod*) take a day, a month or a year at either end
  (`2021-03` .. `2027-06`), and either end may be left out when the source states only the
  other ("until 2020-09-30"). Each version carries its status and provenance (`source`, `url`,
  `stated_on`, `effective_from`); the one calculated with is chosen by status, then by the
  latest `stated_on` (else `effective_from`), never by list order (see
  `Programme.stated_period`).
- **Amounts** (*Money*) are `{amount, currency}`; write the amount as a string (`"43940212.00"`)
  so every digit is kept. JSON numbers are read exactly up to 15 significant digits; Python
  floats are refused. Currencies are ISO 4217 codes, including withdrawn ones (`LTL`, `LVL`).
- **Figures** (*Estimate*) are `{min, max}` ranges, `{min}` or a bare number when exact, with
  `approximate: true` for "cca"/"about". "At least 30" or "more than 30" is
  `{min: 30, at_least: true}` (no upper bound), "up to 200" is `{max: 200, up_to: true}`
  (lower bound 0). *Hours* add `unit` (`clock_hour`, `academic_hour`, `day`) and optionally
  `academic_hour_minutes`.
- **Shares** of a budget are decimal fractions written as strings (`share: "0.85"` for 85 %),
  beside or instead of an `amount`; `sources_complete: false` says the listed sources are only
  part of the total.
- **Extensions**: the programme and each organisation, activity and indicator take
  `extensions: {namespace: any JSON}` for fields a funder or a tool adds. They are kept in
  every format and never interpreted; `validate` lists each as info. Any other unknown field
  is still an error.
- **Multilingual text** (*LocalizedText*) maps language tags to text: `{lt: ..., en: ...}`.
- **Results framework**: an *Indicator* keeps the overall `target` (with `target_date`) beside
  its reporting `periods` (`start` alone is a whole year or month, `2024`; with `end` a span),
  each with a `target` and/or an `actual` (with `as_of`, unset meaning the period's end, and
  `source`); a bare number is the figure (`target: 100`). `measure` is `unit` (a count in
  `unit`), `percentage`, `ratio` or `qualitative` (a `narrative` per period). Any figure can
  be split into `breakdowns` (`by`: `gender`, `age` (bands `<18`, `18-29`, `55+`),
  `labour_market_status`, `target_group`, `region`, `other`), one per dimension; `complete:
  true` says the parts add up to the whole. `common_indicator` names the funder's common
  indicator reported (`EECO01`), `subset_of` a parent indicator ("of whom completed") and
  `follows_from` the outputs a result follows from. Inconsistent figures load and are reported
  by the rules.
- **References** between objects are ids (`organisations[].id`, `activities[].id`) and must
  resolve.
- Fields left out take their defaults: `null`, an empty list, or the default shown below.
  `capacitylib.dumps` writes the canonical form: `schema_version` first, defaults left out.
- **Versions**: documents written now say `schema_version: "1.1"`; every `1.0` document is a
  valid 1.1 document and loads unchanged (`capacitylib.models.upgrade.upgrade_document` rewrites
  one as 1.1).
- YAML is read with a safe loader: only `true`/`false` are booleans (so the language tag `no`
  stays Norwegian), decimals stay exact, and aliases (`*name`) are refused.
"""


def type_name(annotation: Any) -> str:  # noqa: PLR0911 - one return per kind of annotation
    """The reader-facing name of a field's type, with links to objects and codelists."""
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        return type_name(args[0])
    if origin in (typing.Union, types.UnionType):
        names = [type_name(a) for a in args if a is not type(None)]
        return " or ".join(names)
    if origin is tuple:
        return f"list of {type_name(args[0])}"
    if origin is dict:
        return "mapping of namespace to any JSON"
    if origin is typing.Literal:
        return " or ".join(f"`{a}`" for a in args)
    if isinstance(annotation, type):
        if issubclass(annotation, enum.Enum):
            return f"[{annotation.__name__}](#{annotation.__name__.lower()})"
        if issubclass(annotation, BaseModel | Value):
            return f"[{annotation.__name__}](#{annotation.__name__.lower()})"
        return {
            "str": "text",
            "int": "integer",
            "bool": "boolean",
            "date": "date",
            "Decimal": "decimal",
        }.get(annotation.__name__, annotation.__name__)
    return str(annotation)


def enums_in(annotation: Any, found: dict[str, type[enum.Enum]]) -> None:
    """Collect the codelists an annotation mentions."""
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        found[annotation.__name__] = annotation
    for arg in typing.get_args(annotation):
        enums_in(arg, found)


def model_section(model: type[BaseModel | Value], found: dict[str, type[enum.Enum]]) -> list[str]:
    """The markdown section of one model: its summary and a table of its fields."""
    doc = (model.__doc__ or "").split("\n\n")[0].strip().replace("\n", " ")
    out = [f"### {model.__name__}", "", doc, ""]
    if issubclass(model, RootModel) or model is values.LocalizedText:
        out += ["A mapping of language tag to non-empty text, at least one entry.", ""]
        return out
    out += ["| field | type | required | default | meaning |", "|---|---|---|---|---|"]
    for name, info in model.model_fields.items():
        enums_in(info.annotation, found)
        required = "yes" if info.is_required() else ""
        default = ""
        if info.default_factory in (dict, no_extensions):
            default = ""  # an empty mapping, like an empty list
        elif info.default_factory is not None:
            default = "(computed)"
        elif not info.is_required():
            d = info.default
            default = (
                "" if d is None or d == () else f"`{d.value if isinstance(d, enum.Enum) else d}`"
            )
        meaning = (info.description or "").replace("|", "\\|")
        out.append(
            f"| `{name}` | {type_name(info.annotation)} | {required} | {default} | {meaning} |"
        )
    out.append("")
    return out


def render() -> str:
    """The whole of docs/format.md."""
    # Codelists a field names in words, not by its type (breakdown categories).
    found: dict[str, type[enum.Enum]] = {
        "Gender": codelists.Gender,
        "LabourMarketStatus": codelists.LabourMarketStatus,
    }
    sections = [INTRO, "## Objects", ""]
    order: list[type[BaseModel | Value]] = [
        models.Programme,
        models.StatedPeriod,
        models.StatedDuration,
        models.OperationalProgramme,
        models.Measure,
        models.RelatedProgramme,
        models.StatedCount,
        models.PartnerGroup,
        models.TargetGroupStatement,
        models.Organisation,
        models.OrganisationIdentifier,
        models.Contact,
        models.Partner,
        models.Budget,
        models.FundingSource,
        models.BudgetLine,
        models.UnitCost,
        models.Activity,
        models.Participation,
        models.Output,
        models.Session,
        models.Frequency,
        models.Indicator,
        models.IndicatorPeriod,
        models.IndicatorTarget,
        models.IndicatorActual,
        models.Breakdown,
        models.BreakdownPart,
        models.IndicatorValue,
        models.Location,
        models.Source,
        values.Money,
        values.Estimate,
        values.Hours,
        values.Period,
        values.LocalizedText,
    ]
    for model in order:
        sections += model_section(model, found)
    sections += [
        "### PartialDate",
        "",
        "Text: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, `--MM-DD` or `--MM` "
        "(ISO 8601; the last two have no year).",
        "",
        "## Codelists",
        "",
        "Each codelist's values are the wire codes written in documents.",
        "",
    ]
    for name in sorted(found):
        members = ", ".join(f"`{m.value}`" for m in found[name])
        doc = (found[name].__doc__ or "").split("\n\n")[0].strip().replace("\n", " ")
        sections += [f"### {name}", "", doc, "", members, ""]
    cz = Path(__file__).resolve().parent.parent / "examples/programmes/cz-up-msk-supervision.yaml"
    sections += [
        "## A complete example",
        "",
        "The Czech seed programme (`examples/programmes/cz-up-msk-supervision.yaml`):",
        "",
        "```yaml",
        cz.read_text(encoding="utf-8").rstrip(),
        "```",
        "",
    ]
    return "\n".join(sections)


if __name__ == "__main__":
    sys.stdout.write(render())
