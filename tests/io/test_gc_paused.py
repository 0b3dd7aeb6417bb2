"""Bulk loads pause the cyclic garbage collector themselves, and restore it as it was."""

from __future__ import annotations

import gc
import io

import pytest

import capacitylib
from capacitylib.io import gc_paused
from capacitylib.io.records import json_line


@pytest.fixture
def collector_on():
    was = gc.isenabled()
    gc.enable()
    yield
    if was:
        gc.enable()
    else:
        gc.disable()


def _ndjson(n: int = 3) -> io.BytesIO:
    example = capacitylib.load_examples()[0]
    lines = [json_line(example.model_copy(update={"id": f"p{i}"})) for i in range(n)]
    return io.BytesIO(("\n".join(lines) + "\n").encode())


def test_read_ndjson_pauses_while_it_validates_a_record(collector_on, monkeypatch):
    from capacitylib.io import ndjson

    during = []
    validate = ndjson.validate_record

    def spy(*args, **kwargs):
        during.append(gc.isenabled())
        return validate(*args, **kwargs)

    monkeypatch.setattr(ndjson, "validate_record", spy)
    held = [gc.isenabled() for _ in capacitylib.read_ndjson(_ndjson())]
    assert during == [False, False, False]
    assert held == [True, True, True]
    assert gc.isenabled()


def test_a_read_ndjson_left_unfinished_leaves_the_collector_running(collector_on):
    records = capacitylib.read_ndjson(_ndjson())
    next(records)
    assert gc.isenabled()


def test_table_loads_pause_and_restore(collector_on):
    tables = capacitylib.to_tables(capacitylib.load_examples())
    assert capacitylib.from_tables(tables)
    assert gc.isenabled()


def test_pauses_nest_and_a_disabled_collector_stays_disabled(collector_on):
    with gc_paused():
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
        capacitylib.load_examples()
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    list(capacitylib.read_ndjson(_ndjson(1)))
    assert not gc.isenabled()
