"""The record-level functions run on a distributed engine: dask.bag over NDJSON partitions.

The same code as docs/how-to/validate-with-dask.md, run with the synchronous scheduler.
"""

import json

import pytest

import capacitylib
from capacitylib.io import Outcome, validate_record
from capacitylib.io.records import json_line

db = pytest.importorskip("dask.bag")

EXAMPLES = capacitylib.load_examples()


@pytest.fixture
def partitions(tmp_path):
    lines = [json_line(p) for p in EXAMPLES]
    parts = [[*lines[:2], '{"id": "broken"'], lines[2:4], [*lines[4:], "{}"]]
    for i, part in enumerate(parts):
        (tmp_path / f"part-{i}.ndjson").write_text("\n".join(part) + "\n\n", encoding="utf-8")
    return tmp_path


def test_dask_bag_validates_partitions_with_validate_record(partitions, tmp_path):
    lines = db.read_text(str(partitions / "part-*.ndjson"), include_path=True)
    outcomes = lines.filter(lambda pair: pair[0].strip()).map(
        lambda pair: validate_record(pair[0], pair[1])
    )
    counts = outcomes.map(lambda o: o.valid).frequencies().compute(scheduler="synchronous")
    assert dict(counts) == {True: 6, False: 2}

    rejects = outcomes.filter(lambda o: not o.valid).map(Outcome.reject_dict)
    rejects.map(json.dumps).to_textfiles(str(tmp_path / "rejects" / "*.ndjson"), compute=True)
    written = [
        json.loads(line)
        for path in sorted((tmp_path / "rejects").glob("*.ndjson"))
        for line in path.read_text().splitlines()
    ]
    assert sorted(r["input"] for r in written) == ['{"id": "broken"', "{}"]
    assert all(r["source"].endswith(".ndjson") and r["problems"] for r in written)


def test_dask_keeps_line_numbers_when_partitions_are_files(partitions):
    from capacitylib.io import iter_ndjson

    paths = sorted(str(p) for p in partitions.glob("part-*.ndjson"))
    outcomes = db.from_sequence(paths, npartitions=len(paths)).map(iter_ndjson).flatten()
    bad = outcomes.filter(lambda o: not o.valid).map(lambda o: o.where).compute(scheduler="threads")
    assert [b.rsplit("/", 1)[-1] for b in sorted(bad)] == ["part-0.ndjson:3", "part-2.ndjson:3"]


def test_dask_worker_processes_give_the_single_process_outcomes(partitions):
    """Dask's process scheduler (spawned workers) returns outcomes equal to a synchronous run."""
    from capacitylib.io import iter_ndjson

    paths = sorted(str(p) for p in partitions.glob("part-*.ndjson"))
    outcomes = db.from_sequence(paths, npartitions=len(paths)).map(iter_ndjson).flatten()
    local = outcomes.compute(scheduler="synchronous")
    remote = outcomes.compute(scheduler="processes", num_workers=2)
    assert remote == local
    assert sum(o.valid for o in remote) == 6 and len(remote) == 8


def test_dask_distributed_local_cluster_gives_the_single_process_outcomes(partitions):
    """A LocalCluster of two worker processes returns outcomes equal to a synchronous run."""
    distributed = pytest.importorskip(
        "distributed", reason="dask.distributed is not installed (pip install distributed)"
    )
    from capacitylib.io import iter_ndjson

    paths = sorted(str(p) for p in partitions.glob("part-*.ndjson"))
    outcomes = db.from_sequence(paths, npartitions=len(paths)).map(iter_ndjson).flatten()
    local = outcomes.compute(scheduler="synchronous")
    with (
        distributed.LocalCluster(
            n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        remote = client.compute(outcomes).result()
    assert remote == local
