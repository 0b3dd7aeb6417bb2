"""The example notebook runs from top to bottom with the installed capacitylib."""

from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

NOTEBOOK = Path(__file__).parents[1] / "examples" / "notebooks" / "portfolio.ipynb"
#: Seconds one cell may take; the whole notebook runs in about 3 s.
CELL_TIMEOUT = 120


def test_notebook_is_stored_without_outputs():
    """The notebook is kept without outputs, so diffs show code changes only."""
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None


@pytest.mark.slow
def test_portfolio_notebook_executes(monkeypatch):
    """Every cell runs without error; the tables hold the seed figures and the charts are drawn."""
    # The kernel draws inline, as in Jupyter (the test session itself draws off-screen with Agg).
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        notebook,
        timeout=CELL_TIMEOUT,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    )
    client.execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    html = "\n".join(o.get("data", {}).get("text/html", "") for o in outputs)
    assert "duration_differs_from_stated" in html
    assert "43940212.00" in html  # the LT ESF+ budget, exact
    assert "10829708.81" in html  # its 2024 share, split by days
    assert '<div class="capacitylib">' in html  # the programme's own HTML view
    images = [o for o in outputs if "image/png" in o.get("data", {})]
    assert len(images) == 3
