"""Streaming table writers and conversion: bounded memory, the same tables as in one piece."""

from __future__ import annotations

import gc
import json
import weakref
from collections.abc import Iterator
from pathlib import Path

import pytest

import capacitylib
from capacitylib import Programme
from capacitylib.io import json_line
from capacitylib.io.conversion import convert
from capacitylib.io.tables import TableError, _spool, read_tables, to_tables, write_tables
from capacitylib.io.tables._spool import TableSpool

EXAMPLES = capacitylib.load_examples()

FORMATS = [
    pytest.param("tables", id="csv"),
    pytest.param("t.xlsx", id="xlsx"),
    pytest.param("t.parquet", id="parquet"),
]


def test_the_spool_gives_the_rows_and_columns_of_the_whole_collection() -> None:
    """Rows and column order (languages by first use, English last) match to_tables."""
    only_english = Programme.model_validate({"id": "first", "title": {"en": "First"}})
    programmes = [only_english, *EXAMPLES]
    whole = to_tables(programmes)
    with TableSpool(programmes, chunk=1) as spool:
        for name, data in whole.items():
            spooled = spool.tables[name]
            assert spooled.columns == data.columns, name
            rows = [row for chunk in spooled.chunks() for row in chunk]
            assert rows == data.rows, name


@pytest.mark.parametrize("target", FORMATS)
def test_writing_in_chunks_gives_the_same_tables(target: str, tmp_path: Path, monkeypatch) -> None:
    """Tables written a programme at a time read back equal to the programmes."""
    monkeypatch.setattr(_spool, "CHUNK_PROGRAMMES", 1)
    write_tables(iter(EXAMPLES), tmp_path / target)
    assert read_tables(tmp_path / target) == EXAMPLES


def test_csv_written_in_chunks_is_byte_for_byte_the_csv_written_at_once(
    tmp_path: Path, monkeypatch
) -> None:
    """Chunking changes nothing in the files: same header, same rows."""
    write_tables(EXAMPLES, tmp_path / "once")
    monkeypatch.setattr(_spool, "CHUNK_PROGRAMMES", 1)
    write_tables(EXAMPLES, tmp_path / "chunked")
    for path in sorted((tmp_path / "once").iterdir()):
        assert path.read_bytes() == (tmp_path / "chunked" / path.name).read_bytes(), path.name


@pytest.mark.parametrize("target", FORMATS)
def test_a_programme_id_repeated_in_a_later_chunk_is_refused(
    target: str, tmp_path: Path, monkeypatch
) -> None:
    """Ids must be unique across the whole stream, not only within a chunk; nothing is written."""
    monkeypatch.setattr(_spool, "CHUNK_PROGRAMMES", 2)
    programmes = [*EXAMPLES, EXAMPLES[0]]
    with pytest.raises(TableError) as info:
        write_tables(programmes, tmp_path / target)
    assert [p.code for p in info.value.problems] == ["table_id_duplicate"]
    assert not (tmp_path / target).exists()


@pytest.mark.parametrize("target", FORMATS)
def test_writers_hold_a_chunk_of_programmes_not_the_input(
    target: str, tmp_path: Path, monkeypatch
) -> None:
    """However long the input, at most about one chunk of programmes is alive at a time."""
    monkeypatch.setattr(_spool, "CHUNK_PROGRAMMES", 5)
    alive = [0]
    peak = [0]

    def gone() -> None:
        alive[0] -= 1

    def stream() -> Iterator[Programme]:
        for i in range(60):
            programme = EXAMPLES[i % len(EXAMPLES)].model_copy(update={"id": f"p{i:04d}"})
            alive[0] += 1
            weakref.finalize(programme, gone)
            peak[0] = max(peak[0], alive[0])
            yield programme
            del programme
            gc.collect(0)

    write_tables(stream(), tmp_path / target)
    assert peak[0] <= 6
    assert len(read_tables(tmp_path / target)) == 60


@pytest.mark.parametrize("target", FORMATS)
def test_convert_streams_ndjson_to_tables_and_reports_each_record(
    target: str, tmp_path: Path
) -> None:
    """Every record reaches on_record as it is read; the tables read back equal."""
    source = tmp_path / "in.ndjson"
    source.write_text("".join(json_line(p) + "\n" for p in EXAMPLES), encoding="utf-8")
    seen: list[bool] = []
    result = convert(source, tmp_path / target, on_record=lambda o: seen.append(o.valid))
    assert result.ok
    assert result.written == len(EXAMPLES)
    assert seen == [True] * len(EXAMPLES)
    assert read_tables(tmp_path / target) == EXAMPLES


@pytest.mark.parametrize("target", FORMATS)
def test_a_bad_last_record_means_no_table_is_written_and_the_old_one_stays(
    target: str, tmp_path: Path
) -> None:
    """A conversion that meets a bad record after writing began leaves the previous output."""
    write_tables(EXAMPLES[:1], tmp_path / target)
    source = tmp_path / "in.ndjson"
    lines = [json_line(p) for p in EXAMPLES]
    lines.append(json.dumps({"id": "bad", "title": {"en": "B"}, "colour": "blue"}))
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = convert(source, tmp_path / target)
    assert not result.ok
    assert result.written == 0
    assert [o.line for o in result.rejected] == [len(EXAMPLES) + 1]
    assert read_tables(tmp_path / target) == EXAMPLES[:1]
