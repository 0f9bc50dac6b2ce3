"""Rendering reports with papermill and nbconvert (placeholder until the workbooks land)."""

from __future__ import annotations

import sys


def render_report(args) -> int:
    """Run the article or corpus workbook into ARGS.out."""
    print("conflictbook: error: `report` is not available yet; use `extract`", file=sys.stderr)
    return 2
