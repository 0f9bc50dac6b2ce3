"""Word lists as data: YAML files beside this module, loaded once and cached.

Every list an extractor matches against (abbreviations, reporting verbs, casualty terms,
number words, vague-quantity conventions, date words, outlet and desk names) lives in a
YAML file here, never as literals inside functions. Set ``CONFLICTBOOK_LEXICON_DIR`` to
a folder holding files of the same names to override any of them without editing the
package.
"""

from __future__ import annotations

import os
import re
from functools import cache
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent


class LexiconError(RuntimeError):
    """A lexicon file is missing or malformed."""


def lexicon_path(name: str) -> Path:
    """The file that defines lexicon NAME: the override folder first, then the package."""
    override = os.environ.get("CONFLICTBOOK_LEXICON_DIR")
    if override:
        candidate = Path(override) / f"{name}.yml"
        if candidate.is_file():
            return candidate
    return HERE / f"{name}.yml"


@cache
def load(name: str) -> Any:
    """The parsed content of lexicon NAME."""
    path = lexicon_path(name)
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise LexiconError(f"lexicon {name!r} not found at {path}") from None
    except yaml.YAMLError as exc:
        raise LexiconError(f"lexicon {name!r} ({path}) is not valid YAML: {exc}") from None


def load_list(name: str, key: str | None = None) -> list[str]:
    """A list of strings from lexicon NAME (or its KEY), lower-cased where it is a word list."""
    data = load(name)
    if key is not None:
        data = data[key]
    if not isinstance(data, list):
        raise LexiconError(f"lexicon {name!r}{'/' + key if key else ''} must be a list")
    return [str(item) for item in data]


def alternation(words, lower: bool = True) -> str:
    """Regex alternation of WORDS (lower-cased unless LOWER is False, for case-sensitive
    patterns), longest first so the longest phrase wins, ties in alphabetical order so every
    process builds the same pattern; spaces match any whitespace."""
    unique = {str(w).lower() if lower else str(w) for w in words}
    ordered = sorted(unique, key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)
