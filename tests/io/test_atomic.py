"""Atomic outputs: a file or folder appears whole, or the previous one stays as it was."""

import errno
import os
import pickle
import stat
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from capacitylib.io import _atomic
from capacitylib.io._atomic import OutputError, atomic_file, atomic_folder, write_file_atomically


def temporaries(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".cl-tmp"))


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "out.ndjson"
    target.write_text("old\n")

    def cut_short():
        with atomic_file(target) as handle:
            handle.write("new but cut")
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        cut_short()
    assert target.read_text() == "old\n"
    assert temporaries(tmp_path) == []


@settings(max_examples=25, deadline=None)
@given(st.text())
def test_a_complete_write_replaces_the_file_exactly(tmp_path_factory, text):
    folder = tmp_path_factory.mktemp("atomic")
    target = folder / "out.txt"
    with atomic_file(target) as handle:
        handle.write(text)
    assert target.read_bytes() == text.encode("utf-8", "surrogatepass")
    assert temporaries(folder) == []


def test_a_new_file_gets_the_usual_permissions_and_an_old_one_keeps_its_own(tmp_path):
    fresh = tmp_path / "fresh.txt"
    with atomic_file(fresh) as handle:
        handle.write("x")
    umask = os.umask(0o022)
    os.umask(umask)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o666 & ~umask
    kept = tmp_path / "kept.txt"
    kept.write_text("x")
    kept.chmod(0o640)
    with atomic_file(kept) as handle:
        handle.write("y")
    assert stat.S_IMODE(kept.stat().st_mode) == 0o640


def test_a_symlink_planted_at_a_predictable_name_is_never_followed(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    for pid in (os.getpid(), os.getpid() + 1):
        (tmp_path / f".out.txt.{pid}.tmp").symlink_to(victim)  # the old predictable name
    with atomic_file(tmp_path / "out.txt") as handle:
        handle.write("output")
    assert victim.read_text() == "precious"
    assert (tmp_path / "out.txt").read_text() == "output"


def test_a_symlinked_output_is_written_through_to_its_target(tmp_path):
    real = tmp_path / "real.txt"
    real.write_text("old")
    (tmp_path / "link.txt").symlink_to(real)
    with atomic_file(tmp_path / "link.txt") as handle:
        handle.write("new")
    assert (tmp_path / "link.txt").is_symlink() and real.read_text() == "new"


def test_temporaries_of_killed_runs_are_removed_by_the_next_write(tmp_path):
    dead_pid = 2**22 + 17  # above Linux's default pid_max: no such process
    stale = tmp_path / f".out.txt.{dead_pid}.abcd1234.cl-tmp"
    stale.write_text("left by a SIGKILLed run")
    alive = tmp_path / f".out.txt.{os.getpid()}.abcd1234.cl-tmp"
    alive.write_text("a run still going")
    with atomic_file(tmp_path / "out.txt") as handle:
        handle.write("x")
    assert not stale.exists() and alive.exists()


def test_a_full_disk_is_an_output_error_naming_the_file(tmp_path, monkeypatch):
    target = tmp_path / "out.txt"
    target.write_text("old")

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(_atomic.os, "fsync", full)
    with pytest.raises(OutputError) as info, atomic_file(target) as handle:
        handle.write("new")
    assert str(info.value) == (
        f"cannot write {target} (No space left on device); any previous {target} is unchanged"
    )
    assert info.value.errno == errno.ENOSPC and info.value.filename == str(target)
    assert target.read_text() == "old" and temporaries(tmp_path) == []
    copy = pickle.loads(pickle.dumps(info.value))  # noqa: S301 - our own data
    assert str(copy) == str(info.value) and copy.errno == errno.ENOSPC


def test_a_missing_folder_is_an_output_error(tmp_path):
    with pytest.raises(OutputError, match="No such file"), atomic_file(tmp_path / "no" / "x"):
        pass


def test_special_files_are_written_directly():
    with atomic_file("/dev/null") as handle:
        handle.write("discarded")
    assert stat.S_ISCHR(Path("/dev/null").stat().st_mode)


def test_a_writer_that_wants_a_name_fails_without_touching_the_target(tmp_path):
    target = tmp_path / "book.xlsx"
    target.write_bytes(b"good workbook")

    def half_then_fail(path):
        path.write_bytes(b"half")
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(OutputError, match="No space left"):
        write_file_atomically(target, half_then_fail)
    assert target.read_bytes() == b"good workbook" and temporaries(tmp_path) == []
    write_file_atomically(target, lambda path: path.write_bytes(b"new workbook"))
    assert target.read_bytes() == b"new workbook" and temporaries(tmp_path) == []


def test_a_folder_is_swapped_in_whole_or_not_at_all(tmp_path):
    target = tmp_path / "tables"
    with atomic_folder(target, owned_suffix=".csv") as folder:
        (folder / "programmes.csv").write_text("old programmes")
        (folder / "activities.csv").write_text("old activities")

    def killed_halfway():
        with atomic_folder(target, owned_suffix=".csv") as folder:
            (folder / "programmes.csv").write_text("new programmes")
            raise RuntimeError("killed before the activities")

    with pytest.raises(RuntimeError):
        killed_halfway()
    assert sorted(p.name for p in target.iterdir()) == ["activities.csv", "programmes.csv"]
    assert (target / "programmes.csv").read_text() == "old programmes"
    with atomic_folder(target, owned_suffix=".csv") as folder:
        (folder / "programmes.csv").write_text("new programmes")
    assert sorted(p.name for p in target.iterdir()) == ["programmes.csv"]
    assert temporaries(tmp_path) == []


def test_a_folder_holding_other_files_is_refused_not_replaced(tmp_path):
    target = tmp_path / "tables"
    target.mkdir()
    (target / "thesis.docx").write_text("years of work")
    with (
        pytest.raises(OutputError, match=r"not \.csv tables \(thesis\.docx\)"),
        atomic_folder(target, owned_suffix=".csv"),
    ):
        pass
    assert (target / "thesis.docx").read_text() == "years of work"
    (tmp_path / "file").write_text("x")
    with (
        pytest.raises(OutputError, match="not a folder"),
        atomic_folder(tmp_path / "file", owned_suffix=".csv"),
    ):
        pass


def test_dump_and_write_ndjson_are_atomic(tmp_path, monkeypatch):
    import capacitylib

    programme = capacitylib.load_examples()[0]
    document, stream = tmp_path / "p.json", tmp_path / "p.ndjson"
    document.write_text("old document")
    stream.write_text("old stream\n")

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(_atomic.os, "fsync", full)
    with pytest.raises(OutputError, match=r"p\.json"):
        capacitylib.dump(programme, document)
    with pytest.raises(OutputError, match=r"p\.ndjson"):
        capacitylib.write_ndjson([programme], stream)
    assert document.read_text() == "old document" and stream.read_text() == "old stream\n"
    assert temporaries(tmp_path) == []
    monkeypatch.undo()
    capacitylib.dump(programme, document)
    assert capacitylib.load(document) == programme
