"""The Hypothesis profile, not the test, decides how many examples a property test tries."""

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[2]

COUNTING = """
from hypothesis import given, settings, strategies as st

SEEN = []


@settings(max_examples=5, database=None)
@given(st.integers())
def test_draws(x):
    SEEN.append(x)


def test_count():
    print("examples", len(SEEN))
"""


def run(tmp_path, profile):
    shutil.copy(ROOT / "conftest.py", tmp_path / "conftest.py")
    (tmp_path / "test_counting.py").write_text(COUNTING, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-s", "-p", "no:cacheprovider", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
        env={"HYPOTHESIS_PROFILE": profile, "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return int(result.stdout.split("examples ")[1].split()[0])


def test_the_thorough_profile_widens_every_test_by_its_factor(tmp_path):
    assert run(tmp_path, "ci") == 5
    assert run(tmp_path, "thorough") == 100
