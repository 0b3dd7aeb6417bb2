"""The duplicate-key scan, made cheaper, still finds every repetition, in any thread."""

import json
import threading
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from capacitylib.io import _duplicates
from capacitylib.io._duplicates import json_duplicates, json_scan

# A JSON value as its tree of pairs, so that a mapping may repeat a key.
keys = st.sampled_from(["a", "b", "id", "\u00e9", "\\u0065n", "en"])
trees = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=5),
    lambda inner: (
        st.lists(inner, max_size=4).map(lambda items: ("list", items))
        | st.lists(st.tuples(keys, inner), max_size=4).map(lambda pairs: ("object", pairs))
    ),
    max_leaves=25,
)


def text_of(tree: Any) -> str:
    if isinstance(tree, tuple) and tree[0] == "list":
        return "[" + ",".join(text_of(item) for item in tree[1]) + "]"
    if isinstance(tree, tuple) and tree[0] == "object":
        # A key written with an escape ("\\u0065n") is the same key as "en".
        return "{" + ",".join(f'"{k}":{text_of(v)}' for k, v in tree[1]) + "}"
    return json.dumps(tree)


def repeats(tree: Any) -> int:
    """Repetitions of a key in one mapping, anywhere in the tree."""
    if isinstance(tree, tuple) and tree[0] == "list":
        return sum(repeats(item) for item in tree[1])
    if isinstance(tree, tuple) and tree[0] == "object":
        names = [json.loads(f'"{k}"') for k, _ in tree[1]]
        return len(names) - len(set(names)) + sum(repeats(v) for _, v in tree[1])
    return 0


@given(trees)
@settings(max_examples=300)
def test_the_scan_finds_a_repetition_exactly_when_there_is_one(tree):
    """Any JSON text: the scan says "repeated" exactly when some mapping repeats a key."""
    text = text_of(tree)
    duplicated, inexact = json_scan(text)
    assert duplicated == (repeats(tree) > 0) and not inexact
    assert json_scan(text.encode("utf-8")) == (duplicated, inexact)
    assert len(json_duplicates(text)) == repeats(tree)


def test_the_scan_keeps_nothing_between_calls():
    """After a scan (good, repeated or broken JSON) the per-thread lists are empty again."""
    for text in ('{"a": 1, "a": 2}', '{"a": [1.5, 2.00000000000000000001]}', '{"a": '):
        json_scan(text)
        assert _duplicates._SCANNER.pairs == [] and _duplicates._SCANNER.floats == []


def test_bytes_in_any_json_encoding_are_scanned_as_json_loads_reads_them():
    """UTF-8 with or without a BOM, UTF-16: bytes are decoded as json.loads decodes them."""
    text = '{"a": 1, "a": 2.00000000000000000001}'
    for data in (text.encode(), text.encode("utf-8-sig"), text.encode("utf-16")):
        assert json_scan(data) == (True, True)
    assert json_scan(b"\xff\xfe\x00") == (False, False)


def test_threads_scanning_at_once_do_not_mix_their_documents():
    """Scans in many threads at once each see their own document only."""
    clean = json.dumps({"k": list(range(200)), "o": [{"x": i} for i in range(50)]})
    repeated = clean[:-1] + ', "k": 1}'
    errors: list[str] = []

    def work(text: str, expected: tuple[bool, bool]) -> None:
        for _ in range(200):
            if json_scan(text) != expected:
                errors.append(text[:20])

    threads = [
        threading.Thread(target=work, args=(text, (text is repeated, False)))
        for text in (clean, repeated) * 4
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
