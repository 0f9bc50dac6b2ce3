"""Shared fixtures: paths to the bundled sample data and to the reference articles in ../shared."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLE = ROOT / "data" / "sample"
BAD = ROOT / "data" / "bad"


@pytest.fixture(scope="session")
def shared() -> Path:
    """The ../shared folder with the reference articles; skips the test when it is absent."""
    if not (SHARED / "tools" / "score.py").is_file():
        pytest.skip(f"reference articles not found: {SHARED} is absent (only present beside a checkout)")
    return SHARED


@pytest.fixture(scope="session")
def sample() -> Path:
    return SAMPLE


@pytest.fixture(scope="session")
def bad() -> Path:
    return BAD
