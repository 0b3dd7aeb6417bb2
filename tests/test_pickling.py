"""Errors and results cross process boundaries: every one pickles back to an equal object.

Exceptions are found by walking every module of capacitylib, so a new exception class fails
here until it has an example below (and pickles with its message and fields).
"""

import importlib
import io
import pickle
import pkgutil
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

import capacitylib
from capacitylib.errors import CapacitylibError

PROTOCOLS = range(pickle.HIGHEST_PROTOCOL + 1)


def internal(cls: type) -> bool:
    # Private classes (``_Abandon``) are control flow raised and caught inside one module; they
    # never reach a caller, so they need neither the root nor pickling.
    return cls.__name__.startswith("_")


# Exceptions not yet under the root (none: keep the mechanism for the next one).
PENDING_ROOT: set[str] = set()


def qualified(cls: type) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"


def exception_classes() -> dict[str, type[BaseException]]:
    # Resolve the lazy names first: importing a submodule such as capacitylib.io.convert before
    # its same-named function was looked up would bind the module in the function's place.
    for package in (capacitylib, capacitylib.io):
        for name in package.__all__:
            getattr(package, name)
    found: dict[str, type[BaseException]] = {}
    modules = pkgutil.walk_packages(capacitylib.__path__, prefix="capacitylib.")
    for info in modules:
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for obj in vars(module).values():
            if (
                isinstance(obj, type)
                and issubclass(obj, BaseException)
                and obj.__module__.startswith("capacitylib")
            ):
                found[qualified(obj)] = obj
    return found


def raised(call: Callable[..., Any], *args: Any, **kwargs: Any) -> BaseException:
    try:
        call(*args, **kwargs)
    except Exception as error:  # the error is the point
        return error
    raise AssertionError(f"{call} raised nothing")


def late_programme() -> capacitylib.Programme:
    return capacitylib.Programme.model_validate(
        {
            "id": "p",
            "title": {"en": "P"},
            "periods": [{"start": "2019-01-01", "end": "2019-06-30"}],
            "activities": [{"id": "a", "kind": "seminar", "dates": ["2019-09-12"]}],
        }
    )


def document_error() -> BaseException:
    import inspect

    from capacitylib.io.documents import DocumentError

    options: dict[str, Any] = {"source": "programmes/p.yaml", "line": 3}
    if "column" in inspect.signature(DocumentError).parameters:
        options["column"] = 7
    return DocumentError("mapping values are not allowed here", **options)


def table_error() -> BaseException:
    from capacitylib.io.tables import from_tables, to_tables

    tables = to_tables(capacitylib.load_examples()[:2])
    tables["activities"].rows[0]["kind"] = "supervize"
    tables["activities"].rows[1]["hours_per_session_min"] = "many"
    return raised(from_tables, tables, source="tables.xlsx")


def output_error() -> BaseException:
    from capacitylib.io._atomic import OutputError

    return OutputError("good.ndjson", "No space left on device", errno_=28)


def duplicate_key_error() -> BaseException:
    from capacitylib.io._duplicates import DuplicateKey, DuplicateKeyError

    first = DuplicateKey(path=("activities", 0), key="id", first=(12, 5), second=(14, 5))
    second = DuplicateKey(path=(), key="activities", first=(9, 1), second=(30, 1))
    return DuplicateKeyError([first, second])


def parse(name: str, text: str, lang: str, **options: Any) -> Callable[[], BaseException]:
    def make() -> BaseException:
        from capacitylib import parsing

        return raised(getattr(parsing, name), text, lang=lang, **options)

    return make


def examples() -> dict[str, Callable[[], BaseException]]:
    from capacitylib.calculators import RateTable
    from capacitylib.calculators import convert as convert_money
    from capacitylib.cli import CommandError
    from capacitylib.io._extras import require
    from capacitylib.io.iati._rule_types import XPathEvaluationError
    from capacitylib.io.iati._schema import load_schemas as load_iati_schemas
    from capacitylib.io.iati.export import to_iati_xml as iati_export
    from capacitylib.io.tables._decode import CellError
    from capacitylib.parsing import ParseError
    from capacitylib.values import Money

    return {
        "capacitylib.errors.CapacitylibError": lambda: CapacitylibError("something went wrong"),
        "capacitylib.errors.FindingsError": lambda: raised(
            capacitylib.check_strict, late_programme()
        ),
        "capacitylib.io.documents.DocumentError": document_error,
        "capacitylib.io.records.RecordError": lambda: raised(
            list, capacitylib.read_ndjson(io.StringIO('{"id": "p"}\n{"id": "q", "colour": 1}'))
        ),
        "capacitylib.io.tables.problems.TableError": table_error,
        "capacitylib.io.tables._decode.CellError": lambda: CellError(
            "'1e999' is not a finite number", code="cell_not_finite"
        ),
        "capacitylib.io._extras.MissingExtraError": lambda: raised(
            require, "no_such_module_here", extra="xlsx", package="openpyxl"
        ),
        "capacitylib.io._atomic.OutputError": output_error,
        "capacitylib.io._duplicates.DuplicateKeyError": duplicate_key_error,
        "capacitylib.io.iati.export.IatiExportError": lambda: raised(iati_export, []),
        "capacitylib.io.iati._rule_types.XPathEvaluationError": lambda: XPathEvaluationError(
            "count(", "XPath syntax error"
        ),
        "capacitylib.io.iati._schema.IatiSchemaError": lambda: raised(
            load_iati_schemas, "/no/such/iati-schemas"
        ),
        "capacitylib.cli._common.CommandError": lambda: CommandError(
            "--as-of must be a date such as 2024-12-31 (got 'soon')"
        ),
        "capacitylib.values.money.CurrencyMismatchError": lambda: raised(
            lambda: Money.of("100.00", "EUR") + Money.of("2500.00", "CZK")
        ),
        "capacitylib.calculators.currency.MissingRateError": lambda: raised(
            convert_money, Money.of("100.00", "PLN"), "EUR", rates=RateTable()
        ),
        "capacitylib.parsing.errors.ParseError": lambda: ParseError(
            "31.13.2019", lang="lv", expected="e.g. '16.05.2019.'", reason="month 13"
        ),
        "capacitylib.parsing.errors.UnsupportedLanguageError": parse(
            "parse_date", "12 марта 2019", "ru"
        ),
        "capacitylib.parsing.errors.OpenBoundError": parse(
            "parse_quantity", "ne mazāk kā 20", "lv"
        ),
        "capacitylib.parsing.errors.DateParseError": parse("parse_date", "30. února 2019", "cs"),
        "capacitylib.parsing.errors.PeriodParseError": parse("parse_period", "od listopadu", "cs"),
        "capacitylib.parsing.errors.AmountParseError": parse("parse_money", "apie milijoną", "lt"),
        "capacitylib.parsing.errors.QuantityParseError": parse(
            "parse_quantity", "daudz stundu", "lv"
        ),
        "capacitylib.parsing.errors.UnknownTermError": parse("parse_term", "kavos pertrauka", "lt"),
        "capacitylib.parsing.errors.AmbiguousTermError": parse("parse_term", "rokasgrāmata", "lv"),
    }


CLASSES = exception_classes()
PUBLIC = sorted(name for name, cls in CLASSES.items() if not internal(cls))

# Attributes the built-in bases keep outside __dict__.
BUILTIN_FIELDS = ("args", "errno", "strerror", "filename", "filename2", "name", "path", "msg")


def fields_of(error: BaseException) -> dict[str, Any]:
    fields = {k: v for k, v in vars(error).items() if k != "_init"}
    for name in BUILTIN_FIELDS:
        if hasattr(error, name):
            fields[name] = getattr(error, name)
    return fields


def example(name: str) -> BaseException:
    made = examples()
    assert name in made, f"add a realistic {name} to examples() in {__file__}"
    error = made[name]()
    assert qualified(type(error)) == name
    return error


def test_the_walk_finds_the_exceptions():
    """The module walk finds the exceptions of the public API, public and private modules alike."""
    for cls in (capacitylib.DocumentError, capacitylib.FindingsError, capacitylib.TableError):
        assert qualified(cls) in CLASSES
    assert "capacitylib.io.tables._decode.CellError" in CLASSES


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(
            n,
            marks=pytest.mark.xfail(reason="cli.py derives it from CapacitylibError separately"),
        )
        if n in PENDING_ROOT
        else n
        for n in PUBLIC
    ],
)
def test_every_exception_derives_from_the_root(name):
    """Every exception capacitylib raises is a CapacitylibError and keeps a built-in base."""
    cls = CLASSES[name]
    assert issubclass(cls, CapacitylibError)
    assert cls is CapacitylibError or any(
        base.__module__ == "builtins" and base not in (Exception, BaseException, object)
        for base in cls.__mro__[1:]
    ), f"{name} should also derive from a built-in exception such as ValueError"


def test_the_root_is_public():
    """CapacitylibError is exported from capacitylib and catches the errors of every package."""
    assert capacitylib.CapacitylibError is CapacitylibError
    assert "CapacitylibError" in capacitylib.__all__
    assert isinstance(example("capacitylib.io.documents.DocumentError"), ValueError)
    assert isinstance(example("capacitylib.io._extras.MissingExtraError"), ImportError)
    assert isinstance(example("capacitylib.calculators.currency.MissingRateError"), LookupError)


@pytest.mark.parametrize("protocol", PROTOCOLS)
@pytest.mark.parametrize("name", PUBLIC)
def test_every_exception_pickles_with_its_message_and_fields(name, protocol):
    """An error comes back from pickle with the same type, message, args and fields."""
    error = example(name)
    copy = pickle.loads(pickle.dumps(error, protocol=protocol))  # noqa: S301 - our own object
    assert type(copy) is type(error)
    assert str(copy) == str(error)
    assert copy.args == error.args
    assert fields_of(copy) == fields_of(error)


@pytest.mark.parametrize("name", [n for n in PUBLIC if n not in PENDING_ROOT])
def test_notes_survive_pickling(name):
    """Notes added while the error travelled up (add_note) are kept too."""
    error = example(name)
    error.add_note("while reading part-3.ndjson")
    copy = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own object
    assert getattr(copy, "__notes__", None) == ["while reading part-3.ndjson"]


def test_the_fields_are_the_real_ones():
    """The round trip keeps structured fields, not a message re-parsed as them."""
    table = pickle.loads(pickle.dumps(example("capacitylib.io.tables.problems.TableError")))  # noqa: S301
    assert len(table.problems) == 2
    assert {(p.table, p.column) for p in table.problems} == {
        ("activities", "kind"),
        ("activities", "hours_per_session_min"),
    }
    assert table.source == "tables.xlsx"
    record = pickle.loads(pickle.dumps(example("capacitylib.io.records.RecordError")))  # noqa: S301
    assert record.outcome.line == 1
    assert [p.code for p in record.outcome.problems] == ["field_required"]
    findings = pickle.loads(pickle.dumps(example("capacitylib.errors.FindingsError")))  # noqa: S301
    assert [p.code for p in findings.problems] == ["activity_outside_programme_period"]
    document = pickle.loads(pickle.dumps(example("capacitylib.io.documents.DocumentError")))  # noqa: S301
    assert (document.source, document.line) == ("programmes/p.yaml", 3)
    assert document.message == "mapping values are not allowed here"


# --- results ------------------------------------------------------------------------------------


def outcomes() -> dict[str, Any]:
    from capacitylib.io import json_line, validate_record

    programme = capacitylib.load_examples()[0]
    checked = validate_record(
        json_line(late_programme()), "data.ndjson", 3, checks=capacitylib.check
    )
    return {
        "valid": validate_record(json_line(programme), "data.ndjson", 1),
        "rejected": validate_record('{"id": "p", "colour": 1}', "data.ndjson", 2),
        "with findings": checked,
        "not utf-8": validate_record(b'{"id": "\xff"}', "data.ndjson", 4),
        "yaml": validate_record("id: [", "p.yaml", format="yaml"),
    }


def convert_result(tmp_path) -> Any:
    from capacitylib.io import json_line
    from capacitylib.io.conversion import convert

    source = tmp_path / "in.ndjson"
    lines = [json_line(p) for p in capacitylib.load_examples()[:2]]
    source.write_text("\n".join([*lines, '{"id": "broken"']) + "\n", encoding="utf-8")
    result = convert(source, tmp_path / "out.json")
    assert result.rejected
    return result


def tables_results() -> dict[str, Any]:
    from capacitylib.io.tables import to_tables
    from capacitylib.io.tables.unflatten import raw_from_data, read_raw

    tables = to_tables(capacitylib.load_examples())
    good = read_raw(raw_from_data(tables))
    tables["activities"].rows[0]["kind"] = "supervize"
    bad = read_raw(raw_from_data(tables))
    assert bad.problems and not good.problems
    return {"good": good, "bad": bad}


def round_trips(value: Any) -> None:
    for protocol in PROTOCOLS:
        copy = pickle.loads(pickle.dumps(value, protocol=protocol))  # noqa: S301 - our own data
        assert type(copy) is type(value)
        assert copy == value, protocol


@pytest.mark.parametrize("kind", ["valid", "rejected", "with findings", "not utf-8", "yaml"])
def test_outcomes_pickle_with_every_field_and_the_programme(kind):
    """An Outcome comes back with its programme, problems, input text and position."""
    outcome = outcomes()[kind]
    round_trips(outcome)
    copy = pickle.loads(pickle.dumps(outcome))  # noqa: S301 - our own data
    for field in ("source", "line", "programme", "problems", "text", "record", "unreadable"):
        assert getattr(copy, field) == getattr(outcome, field), field
    assert (copy.valid, copy.where, copy.as_dict()) == (
        outcome.valid,
        outcome.where,
        outcome.as_dict(),
    )


def test_problems_pickle():
    """Problems and table problems, with values of every kind, pickle back equal."""
    from capacitylib.io.tables import TableProblem

    problem = capacitylib.Problem(
        code="period_end_before_start",
        path="periods[0]",
        message="'end' must not be before 'start' (got 2019-05-16 < 2019-10-31)",
        value={"start": date(2019, 10, 31), "end": date(2019, 5, 16)},
        values={"amount": Decimal("43940212.00")},
    )
    round_trips(problem)
    round_trips(
        TableProblem(
            code="enum",
            path="activities[0].kind",
            message="bad kind",
            table="activities",
            row=2,
            column="kind",
            programme_id="p",
        )
    )


@pytest.mark.parametrize(
    "programme", capacitylib.load_examples(), ids=lambda p: str(getattr(p, "id", p))
)
def test_seed_programmes_and_their_reports_pickle(programme):
    """Every seed programme, its report and the report's JSON form pickle back equal."""
    round_trips(programme)
    report = capacitylib.build_report(programme)
    round_trips(report)
    assert pickle.loads(pickle.dumps(report)).to_json_dict() == report.to_json_dict()  # noqa: S301
    round_trips(report.to_json_dict())


def test_portfolio_pickles():
    """A portfolio of the seed programmes and its rows pickle back equal."""
    from capacitylib.calculators import portfolio

    result = portfolio(capacitylib.load_examples())
    round_trips(result)
    for row in result.rows:
        round_trips(row)


def test_convert_result_pickles(tmp_path):
    """A ConvertResult with rejected records pickles back equal."""
    round_trips(convert_result(tmp_path))


@pytest.mark.parametrize("kind", ["good", "bad"])
def test_tables_results_pickle(kind):
    """A TablesResult, with programmes or with the problems of its rows, pickles back equal."""
    round_trips(tables_results()[kind])


def test_options_sent_to_workers_pickle():
    """Rule options and rate tables (passed to checks and calculators in workers) pickle."""
    from capacitylib.calculators import FIXED_EURO_RATES, RateTable
    from capacitylib.rules import RuleOptions

    round_trips(RuleOptions())
    round_trips(
        RuleOptions(
            duration_tolerance_days=31,
            severity_overrides={"budget_share_above_ceiling": "error"},
        )
    )
    round_trips(FIXED_EURO_RATES)
    round_trips(RateTable({("EUR", "CZK"): Decimal("25.125")}))
