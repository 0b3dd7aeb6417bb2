"""Each table format is an optional extra; without it the error names the pip command."""

import sys

import pytest

import capacitylib
from capacitylib import MissingExtraError
from capacitylib.io.tables import read_tables, to_dataframes, write_tables

EXAMPLES = capacitylib.load_examples()


@pytest.mark.parametrize(
    ("module", "extra", "target"),
    [("openpyxl", "xlsx", "t.xlsx"), ("pyarrow", "parquet", "t.parquet")],
)
def test_missing_extra_names_the_install_command(monkeypatch, tmp_path, module, extra, target):
    monkeypatch.setitem(sys.modules, module, None)
    with pytest.raises(MissingExtraError, match=rf'pip install "capacitylib\[{extra}\]"'):
        write_tables(EXAMPLES, tmp_path / target)
    with pytest.raises(MissingExtraError, match=rf'pip install "capacitylib\[{extra}\]"'):
        read_tables(tmp_path / target)


def test_missing_pandas_names_the_install_command(monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(MissingExtraError, match=r'pip install "capacitylib\[pandas\]"'):
        to_dataframes(EXAMPLES)


def test_csv_needs_no_extra(monkeypatch, tmp_path):
    for module in ("openpyxl", "pyarrow", "pandas"):
        monkeypatch.setitem(sys.modules, module, None)
    write_tables(EXAMPLES, tmp_path / "t")
    assert read_tables(tmp_path / "t") == EXAMPLES


def test_importing_the_tables_package_loads_no_extra():
    """The extras are imported on first use, so `import capacitylib.io.tables` stays cheap."""
    import subprocess

    code = (
        "import sys, capacitylib.io.tables, capacitylib.cli; "
        "print(sorted(m for m in ('openpyxl', 'pyarrow', 'pandas', 'dask') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
