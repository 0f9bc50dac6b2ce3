"""Article metadata of the reference articles in ../shared scores 1.0 (skipped where absent)."""

import subprocess
import sys

import pytest

from conflictbook.cli import main


@pytest.mark.shared
def test_reference_metadata_scores_one(shared, tmp_path):
    out = tmp_path / "out"
    main(["extract", str(shared / "seeds"), str(shared / "articles"), "--out", str(out), "--quiet"])
    result = subprocess.run([sys.executable, str(shared / "tools" / "score.py"), "--pred", str(out),
                             "--gold", str(shared / "gold"), "--min", "meta=1.0"],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "meta        accuracy 1.000" in result.stdout
