"""Hostile XML given to read_iati: each is a named problem, and nothing is read from disk or network."""

from __future__ import annotations

import pickle
import socket
import threading
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytest.importorskip("lxml.etree", reason="the iati extra (lxml) is not installed")

from capacitylib.io.iati import _xml
from capacitylib.io.iati.imports import read_iati
from capacitylib.rules.catalogue import READER_CODES, STRUCTURAL_CODES

MINIMAL = (
    '<iati-activities version="2.03"><iati-activity xml:lang="en">'
    "<iati-identifier>XM-DAC-1-1</iati-identifier>"
    '<reporting-org ref="XM-DAC-1" type="10"><narrative>Ministry</narrative></reporting-org>'
    "<title><narrative>{title}</narrative></title>"
    "</iati-activity></iati-activities>"
)

KNOWN_CODES = set(READER_CODES) | set(STRUCTURAL_CODES)


def codes(outcomes):
    return [p.code for o in outcomes for p in o.problems]


def refused(data: bytes, **options) -> str:
    """The one code of the one unreadable outcome that ``data`` gives."""
    [outcome] = read_iati(data, name="hostile.xml", **options)
    assert outcome.unreadable and outcome.programme is None
    assert len(outcome.problems) >= 1
    return outcome.problems[0].code


def test_a_minimal_activity_reads():
    [outcome] = read_iati(MINIMAL.format(title="Supervision").encode())
    assert outcome.valid
    assert outcome.programme.title.best() == "Supervision"


BILLION_LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE lolz [\n<!ENTITY lol "lol">\n'
    + b"".join(
        b'<!ENTITY lol%d "%s">\n' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
        for i in range(1, 10)
    )
    + b']>\n<iati-activities version="2.03"><iati-activity><title>&lol9;</title>'
    b"</iati-activity></iati-activities>"
)


def test_billion_laughs_is_refused_before_anything_expands():
    [outcome] = read_iati(BILLION_LAUGHS, name="lolz.xml")
    assert outcome.unreadable
    assert [p.code for p in outcome.problems] == ["iati_xml_unsafe"]
    assert outcome.line == 2
    assert "DOCTYPE" in outcome.problems[0].message


def test_an_external_entity_reads_no_file(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET-42")
    for target in (secret.as_uri(), "file:///etc/passwd"):
        data = (
            f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "{target}">]>'
            + MINIMAL.format(title="&x;")
        ).encode()
        outcomes = read_iati(data)
        assert codes(outcomes) == ["iati_xml_unsafe"]
        dumped = repr([o.as_dict() for o in outcomes]) + repr([o.text for o in outcomes])
        assert "TOPSECRET" not in dumped and "root:" not in dumped


@pytest.fixture
def listener():
    """A TCP listener on the loopback interface that counts connections (a bounded test)."""
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(5)
    server.settimeout(0.2)
    hits: list[int] = []
    stop = threading.Event()

    def serve():
        while not stop.is_set():
            try:
                connection, _ = server.accept()
            except OSError:
                continue
            hits.append(1)
            connection.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield server.getsockname()[1], hits
    stop.set()
    thread.join(timeout=2)
    server.close()


@pytest.mark.parametrize(
    "doctype",
    [
        '<!DOCTYPE iati-activities SYSTEM "http://127.0.0.1:{port}/iati.dtd">',
        '<!DOCTYPE iati-activities PUBLIC "-//X//DTD X//EN" "http://127.0.0.1:{port}/x.dtd">',
        '<!DOCTYPE r [<!ENTITY % p SYSTEM "http://127.0.0.1:{port}/p.dtd"> %p;]>',
        '<!DOCTYPE r [<!ENTITY x SYSTEM "http://127.0.0.1:{port}/x">]>',
    ],
    ids=["external-dtd", "public-dtd", "parameter-entity", "external-entity"],
)
def test_external_dtds_and_entities_open_no_connection(listener, doctype):
    port, hits = listener
    data = (
        '<?xml version="1.0"?>' + doctype.format(port=port) + MINIMAL.format(title="t")
    ).encode()
    assert refused(data) == "iati_xml_unsafe"
    assert hits == []


def test_a_doctype_after_comments_and_a_bom_is_still_found():
    data = b'\xef\xbb\xbf<?xml version="1.0"?>\n<!-- a comment -->\n<!DOCTYPE x>' + b"<x/>"
    assert refused(data) == "iati_xml_unsafe"


def test_xinclude_is_not_processed(tmp_path):
    """An XInclude element is kept as an element, its target never read."""
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET-43")
    include = (
        '<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" '
        f'href="{secret.as_uri()}" parse="text"/>'
    )
    data = MINIMAL.format(title="t").replace("</iati-activity>", include + "</iati-activity>")
    [outcome] = read_iati(data.encode())
    assert outcome.valid
    assert "TOPSECRET" not in repr(outcome.programme.model_dump())
    assert "iati_not_mapped" in [p.code for p in outcome.problems]


def test_a_file_above_the_size_limit_is_refused_from_its_size(tmp_path):
    big = tmp_path / "big.xml"
    with big.open("wb") as handle:  # sparse: no disk space used, refused from stat
        handle.truncate(_xml.MAX_IATI_BYTES + 1)
    [outcome] = read_iati(big)
    assert outcome.unreadable and outcome.problems[0].code == "iati_file_too_large"
    assert "max_bytes" in outcome.problems[0].message


def test_an_endless_device_is_refused_after_the_limit():
    with Path("/dev/zero").open("rb") as endless:
        assert refused(endless, max_bytes=10_000) == "iati_file_too_large"


def test_bytes_above_a_given_limit_are_refused():
    data = MINIMAL.format(title="x" * 2000).encode()
    assert refused(data, max_bytes=1000) == "iati_file_too_large"
    [outcome] = read_iati(data, max_bytes=len(data))
    assert outcome.valid


def test_too_many_elements_are_refused_before_parsing():
    data = b'<iati-activities version="2.03">' + b"<a/>" * 2000 + b"</iati-activities>"
    assert refused(data, max_elements=1000) == "iati_file_too_large"
    assert _xml.check_bytes(data, max_elements=2001) is None


def test_deep_nesting_is_a_named_problem():
    data = (
        b'<iati-activities version="2.03">' + b"<a>" * 300 + b"</a>" * 300 + b"</iati-activities>"
    )
    assert refused(data) == "iati_xml_too_deep"


def test_deep_but_allowed_nesting_is_kept_as_xml_text():
    """An unmapped element nested too deep for an extension value is kept as its XML text."""
    deep = "<x:a xmlns:x='urn:x'>" + "<x:a>" * 40 + "</x:a>" * 41
    data = MINIMAL.format(title="t").replace("</iati-activity>", deep + "</iati-activity>")
    [outcome] = read_iati(data.encode())
    assert outcome.valid
    [item] = outcome.programme.extensions["iati"]["not_mapped"]
    assert item["element"]["xml"].startswith("<x:a")


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"   \n",
        b'{"id": "p", "title": {"en": "x"}}',
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff",
        b"<iati-activities><title></iati-activities>",
        b"<iati-activities>&nbsp;</iati-activities>",
        b"<a/><b/>",
        b"<a><!-- unclosed",
        b"<?xml version='1.0'",
    ],
    ids=["empty", "blank", "json", "png", "mismatched", "undefined-entity", "two-roots",
         "unclosed-comment", "unclosed-declaration"],
)  # fmt: skip
def test_not_xml_is_a_named_problem_with_a_line(data):
    [outcome] = read_iati(data, name="bad.xml")
    assert outcome.unreadable
    # Binary junk is usually not UTF-8 either, and is refused as such first.
    assert {p.code for p in outcome.problems} <= {"iati_xml_invalid", "iati_xml_not_utf8"}
    assert outcome.problems and "line" in outcome.problems[0].values
    assert outcome.where.startswith("bad.xml:")


@pytest.mark.parametrize(
    ("data", "hint"),
    [
        (b"<html><body/></html>", "<html>"),
        (b'<iati-organisations version="2.03"/>', "organisation file"),
        (b"<iati-activity/>", "inside"),
        (b'<x:iati-activities xmlns:x="urn:x" version="2.03"/>', "not an IATI"),
    ],
    ids=["html", "organisation-file", "bare-activity", "namespaced"],
)
def test_a_wrong_root_is_a_named_problem(data, hint):
    [outcome] = read_iati(data)
    assert [p.code for p in outcome.problems] == ["iati_root_unexpected"]
    assert hint in outcome.problems[0].message


LATIN1 = MINIMAL.format(title="Socialinė parama ė").encode("utf-8")


@pytest.mark.parametrize(
    "data",
    [
        b'<?xml version="1.0" encoding="ISO-8859-1"?>'
        + MINIMAL.format(title="caf\xe9").encode("latin-1"),
        b'<?xml version="1.0" encoding="windows-1257"?>' + MINIMAL.format(title="t").encode(),
        MINIMAL.format(title="caf\xe9").encode("latin-1"),
        '<?xml version="1.0" encoding="UTF-16"?>'.encode("utf-16") + MINIMAL.encode("utf-16"),
        MINIMAL.format(title="t").encode("utf-16-le"),
        MINIMAL.format(title="t").encode("utf-32"),
        '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY a "b">]><x/>'.encode(
            "utf-16"
        ),
    ],
    ids=["iso-8859-1", "windows-1257-declared", "latin1-undeclared", "utf-16-bom",
         "utf-16-no-bom", "utf-32", "utf-16-doctype"],
)  # fmt: skip
def test_other_encodings_are_named_problems(data):
    assert refused(data) == "iati_xml_not_utf8"


@pytest.mark.parametrize("declared", ["UTF-8", "utf-8", "utf8", "US-ASCII"])
def test_utf8_and_ascii_declarations_are_read(declared):
    data = f'<?xml version="1.0" encoding="{declared}"?>' + MINIMAL.format(title="Parama")
    [outcome] = read_iati(b"\xef\xbb\xbf" + data.encode())
    assert outcome.valid, outcome.problems


def test_a_bad_byte_is_named_with_its_line_and_column():
    data = MINIMAL.format(title="t").encode().replace(b"<title>", b"\n\n<title>\xff")
    [outcome] = read_iati(data)
    [problem] = outcome.problems
    assert problem.code == "iati_xml_not_utf8"
    assert problem.values["line"] == 3
    assert "\\xff" in problem.message


def test_a_missing_file_or_a_folder_is_unreadable(tmp_path):
    [missing] = read_iati(tmp_path / "none.xml")
    [folder] = read_iati(tmp_path)
    assert missing.unreadable and missing.problems[0].code == "input_unreadable"
    assert folder.unreadable and "folder" in folder.problems[0].message


def test_outcomes_of_refused_files_pickle():
    for data in (BILLION_LAUGHS, b"<a>", MINIMAL.format(title="t").encode()):
        outcomes = read_iati(data)
        copies = pickle.loads(pickle.dumps(outcomes))  # noqa: S301 - our own bytes
        assert [o.as_dict() for o in copies] == [o.as_dict() for o in outcomes]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=400))
def test_any_bytes_give_outcomes_with_named_problems(data):
    for outcome in read_iati(data):
        assert outcome.valid or outcome.problems
        assert {p.code for p in outcome.problems} <= KNOWN_CODES | {"string_too_long"}


_PIECES = st.sampled_from(
    ["<", ">", "</", "&", "&amp;", "]]>", "<!--", "-->", "<![CDATA[", "<!DOCTYPE x>", "\x00",
     "\ufffe", "é", '"', "'", "xml:lang", "=", " ", "\n", "<narrative>", "</narrative>",
     "<title>", "</title>", "<budget>", "<value currency='XXX'>-1</value>", "</iati-activity>"]
)  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(position=st.integers(0, len(MINIMAL)), pieces=st.lists(_PIECES, max_size=6))
def test_a_mangled_activity_gives_outcomes_never_a_traceback(position, pieces):
    text = MINIMAL.format(title="t")
    data = (text[:position] + "".join(pieces) + text[position:]).encode("utf-8", "surrogatepass")
    for outcome in read_iati(data):
        assert outcome.valid or outcome.problems
        assert {p.code for p in outcome.problems} <= KNOWN_CODES
