"""Outcomes and errors come back from worker processes started with spawn, equal and intact.

The process pool of docs/how-to/validate-with-dask.md, with two workers over the seed
programmes written as NDJSON partitions, plus a few invalid lines.
"""

import multiprocessing
import os
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import Any

import pytest

import capacitylib
from capacitylib.io import Outcome, iter_ndjson, json_line, read_ndjson
from capacitylib.parsing import parse_date

SPAWN = multiprocessing.get_context("spawn")

INVALID_LINES = ['{"id": "broken"', "{}", '{"id": "p", "title": {"en": "P"}, "colour": 1}']


# Workers import this module by name (spawn starts a fresh interpreter): top-level functions.
def validate_file(path: str) -> list[Outcome]:
    return list(iter_ndjson(path))


def read_file_strictly(path: str) -> int:
    return len(list(read_ndjson(path)))


def late_programme() -> capacitylib.Programme:
    return capacitylib.Programme.model_validate(
        {
            "id": "p",
            "title": {"en": "P"},
            "periods": [{"start": "2019-01-01", "end": "2019-06-30"}],
            "activities": [{"id": "a", "kind": "seminar", "dates": ["2019-09-12"]}],
        }
    )


def bad_tables() -> Any:
    tables = capacitylib.to_tables(capacitylib.load_examples()[:2])
    tables["activities"].rows[0]["kind"] = "supervize"
    return tables


@pytest.fixture(scope="module")
def pool():
    with ProcessPoolExecutor(max_workers=2, mp_context=SPAWN) as executor:
        yield executor


@pytest.fixture(scope="module")
def partitions(tmp_path_factory) -> list[str]:
    folder = tmp_path_factory.mktemp("data")
    lines = [json_line(p) for p in capacitylib.load_examples()]
    parts = [[*lines[:2], INVALID_LINES[0]], lines[2:4], [*lines[4:], *INVALID_LINES[1:], ""]]
    paths = []
    for number, part in enumerate(parts):
        path = folder / f"part-{number}.ndjson"
        path.write_text("\n".join(part) + "\n", encoding="utf-8")
        paths.append(str(path))
    return paths


def summary(outcomes: list[Outcome]) -> tuple[int, int, Counter[str]]:
    rejected = [o for o in outcomes if not o.valid]
    codes = Counter(p.code for o in rejected for p in o.problems)
    return len(outcomes) - len(rejected), len(rejected), codes


def test_outcomes_from_workers_equal_a_single_process_run(pool, partitions):
    """Two spawned workers give the outcomes, counts and problem codes of one process."""
    assert pool.submit(os.getpid).result() != os.getpid()
    local = [validate_file(path) for path in partitions]
    remote = list(pool.map(validate_file, partitions))
    assert remote == local
    flat = [o for part in remote for o in part]
    assert summary(flat) == summary([o for part in local for o in part])
    assert summary(flat) == (
        6,
        3,
        Counter({"json_invalid": 1, "field_required": 2, "field_unknown": 1}),
    )
    assert all(o.programme is not None for o in flat if o.valid)
    assert [o.where.rsplit("/", 1)[-1] for o in flat if not o.valid] == [
        "part-0.ndjson:3",
        "part-2.ndjson:3",
        "part-2.ndjson:4",
    ]


def fields_of(error: BaseException) -> dict[str, Any]:
    return {k: v for k, v in vars(error).items() if k != "_init"}


def cases(partitions: list[str]) -> dict[str, tuple[Callable[..., Any], tuple[Any, ...], dict]]:
    return {
        "RecordError": (read_file_strictly, (partitions[0],), {}),  # a bad third line
        "DocumentError": (capacitylib.loads, ("id: [",), {"source": "p.yaml"}),
        "FindingsError": (capacitylib.check_strict, (late_programme(),), {}),
        "TableError": (capacitylib.from_tables, (bad_tables(),), {"source": "tables.xlsx"}),
        "DateParseError": (parse_date, ("30. února 2019",), {"lang": "cs"}),
    }


@pytest.mark.parametrize(
    "name", ["DateParseError", "DocumentError", "FindingsError", "RecordError", "TableError"]
)
def test_errors_raised_in_workers_arrive_intact(pool, partitions, name):
    """An error raised in a worker reaches the parent with its type, message and fields."""
    call, args, kwargs = cases(partitions)[name]
    with pytest.raises(capacitylib.CapacitylibError) as local:
        call(*args, **kwargs)
    remote = pool.submit(call, *args, **kwargs).exception()
    assert type(remote).__name__ == name
    assert type(remote) is type(local.value)
    assert str(remote) == str(local.value)
    assert remote.args == local.value.args
    assert fields_of(remote) == fields_of(local.value)
