"""Each public name means one thing, whatever was imported before it."""

import itertools
import subprocess
import sys

import pytest

MODULES = (
    "capacitylib.cli",
    "capacitylib.io.conversion",
    "capacitylib.io.tables",
    "capacitylib.calculators",
    "capacitylib.quality",
)

CHECK = """
import importlib, sys
for name in sys.argv[1:]:
    importlib.import_module(name)
import capacitylib, capacitylib.io
assert callable(capacitylib.convert) and capacitylib.convert.__name__ == "convert", capacitylib.convert
assert capacitylib.io.convert is capacitylib.convert
assert callable(capacitylib.io.validate_paths)
assert capacitylib.io.write_tables.__name__ == "write_tables"
print("ok")
"""


@pytest.mark.slow
def test_public_names_do_not_change_with_import_order():
    orders = [(), *((m,) for m in MODULES), *itertools.permutations(MODULES[:2])]
    script = "; ".join(
        f"subprocess.run([sys.executable, '-c', CHECK, *{list(order)!r}], check=True)"
        for order in orders
    )
    code = f"import subprocess, sys\nCHECK = {CHECK!r}\n{script}\n"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["ok"] * len(orders)
