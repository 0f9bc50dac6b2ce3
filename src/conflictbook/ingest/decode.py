"""Decode input bytes: UTF-8 (with or without BOM), then cp1252, refusing binary data.

The encoding used is reported in the articles table so an analyst can see which inputs
were not UTF-8. Binary files (NUL or many control bytes) are refused with a clear error
rather than decoded into garbage, since cp1252 would accept almost any byte.
"""

from __future__ import annotations

import codecs


class DecodeError(ValueError):
    """The bytes are not text in a supported encoding."""


_CONTROL = set(range(0, 32)) - {9, 10, 12, 13}
MAX_CONTROL_SHARE = 0.01


def binary_reason(raw: bytes) -> str | None:
    """Why RAW is binary data rather than text (a NUL, or too many control bytes), or None."""
    controls = sum(1 for b in raw if b in _CONTROL)
    if b"\x00" in raw or controls > MAX_CONTROL_SHARE * len(raw):
        return (f"undecodable bytes: binary data ({controls} control bytes in {len(raw)}), "
                "not text in UTF-8 or cp1252")
    return None


def decode_bytes(raw: bytes) -> tuple[str, str]:
    """(text, encoding name) for RAW."""
    if raw.startswith(codecs.BOM_UTF8):
        try:
            return raw[len(codecs.BOM_UTF8):].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise DecodeError(f"UTF-8 BOM but invalid UTF-8 at byte {exc.start}") from None
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise DecodeError(f"UTF-16 BOM but invalid UTF-16 at byte {exc.start}") from None
    reason = binary_reason(raw)
    if reason:
        raise DecodeError(reason)
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as first:
        try:
            return raw.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            raise DecodeError(f"undecodable bytes: invalid UTF-8 at byte {first.start} and not cp1252") from None
