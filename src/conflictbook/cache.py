"""Incremental runs: a content-addressed store of per-article results.

The key of an article is a SHA-256 of everything ``extract_article`` reads (text, every
metadata field, the id it was given) plus a fingerprint of the code and data that
produce the result (package version, every module and YAML lexicon of the package, the
actor gazetteer, a lexicon override folder). Any change to the article or to the
extractors gives a new key, so a cached result is always the result a fresh run would
give. Each result is one pickle file, committed atomically (write a temporary file,
then rename), so an interrupted run leaves only whole entries and resumes where it
stopped without duplicates.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import tempfile
from dataclasses import fields
from datetime import date, datetime
from functools import cache
from pathlib import Path

from conflictbook.article import Article
from conflictbook.records import ArticleResult

CACHE_FORMAT = "1"
PACKAGE_DIR = Path(__file__).resolve().parent
# Article fields a result depends on; ``sentences`` are derived from ``text`` (code in the fingerprint).
_DERIVED = {"sentences"}


def _file_digest(digest, path: Path, root: Path | None = None) -> None:
    name = str(path.relative_to(root)) if root else str(path)
    digest.update(name.encode("utf-8", "surrogatepass") + b"\0")
    try:
        digest.update(path.read_bytes())
    except OSError:
        digest.update(b"<missing>")
    digest.update(b"\0")


@cache
def code_fingerprint() -> str:
    """A hash of the package version, its modules and lexicons, the gazetteer and overrides."""
    from conflictbook import __version__
    from conflictbook.actors import gazetteer_path

    digest = hashlib.sha256(f"conflictbook {__version__} cache {CACHE_FORMAT}\0".encode())
    for path in sorted(PACKAGE_DIR.rglob("*")):
        if path.suffix in (".py", ".yml", ".yaml") and "__pycache__" not in path.parts:
            _file_digest(digest, path, PACKAGE_DIR)
    _file_digest(digest, Path(gazetteer_path()))
    override = os.environ.get("CONFLICTBOOK_LEXICON_DIR")
    if override and Path(override).is_dir():
        for path in sorted(Path(override).glob("*.yml")):
            _file_digest(digest, path, Path(override))
    return digest.hexdigest()


def _plain(value):
    """JSON-able form of a metadata value, keeping the type of dates apart from strings."""
    if isinstance(value, datetime):
        return {"datetime": value.isoformat()}
    if isinstance(value, date):
        return {"date": value.isoformat()}
    return repr(value)


def article_key(article: Article, fingerprint: str | None = None) -> str:
    """The cache key of ARTICLE under the current code (or FINGERPRINT)."""
    meta = {f.name: getattr(article, f.name) for f in fields(article) if f.name not in _DERIVED | {"text"}}
    blob = json.dumps(meta, sort_keys=True, default=_plain, ensure_ascii=True)
    digest = hashlib.sha256((fingerprint or code_fingerprint()).encode())
    digest.update(b"\0meta\0" + blob.encode())
    digest.update(b"\0text\0" + article.text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


class ResultCache:
    """Pickled ``ArticleResult`` files under ROOT, two-level sharded by key."""

    def __init__(self, root: str | Path):
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)
        self.hits = 0
        self.misses = 0

    def path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.pkl"

    def get(self, key: str) -> ArticleResult | None:
        """The stored result, or None (a missing or unreadable entry is a miss)."""
        path = self.path(key)
        try:
            with path.open("rb") as handle:
                result = pickle.load(handle)
        except FileNotFoundError:
            self.misses += 1
            return None
        except Exception:  # noqa: BLE001 - a damaged entry is recomputed, never trusted
            path.unlink(missing_ok=True)
            self.misses += 1
            return None
        if not isinstance(result, ArticleResult):
            self.misses += 1
            return None
        self.hits += 1
        return result

    def put(self, key: str, result: ArticleResult) -> None:
        """Commit RESULT atomically: a reader sees the whole entry or none."""
        path = self.path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, tmp = tempfile.mkstemp(prefix=f".{key[:16]}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(handle, "wb") as out:
                pickle.dump(result, out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def count(self) -> int:
        """Number of committed entries."""
        return sum(1 for _ in self.root.glob("??/*.pkl"))
