"""Bytes → text for fetched pages: forced charset, HTTP header, <meta>, detection, in that order.

Chinese portals lie about their charset in two common ways, and both are handled here:
- pages declaring gb2312 hold GBK-only characters (镕, 喆, 堃): every GB-family label is decoded as
  gb18030, the superset, so nothing turns into U+FFFD;
- servers send ``Content-Type: text/html; charset=utf-8`` for GBK bytes: a declared charset is only
  trusted when the bytes decode under it (almost) cleanly, otherwise the next source is tried.
"""

from __future__ import annotations

import codecs
import re
from itertools import islice

from w3lib.encoding import html_body_declared_encoding, http_content_type_encoding, read_bom

# GBK/GB2312 pages routinely contain characters outside GB2312; gb18030 decodes all of them.
_ALIASES = {
    "gb2312": "gb18030",
    "gb_2312_80": "gb18030",
    "gb_2312": "gb18030",
    "gbk": "gb18030",
    "cp936": "gb18030",
    "x_gbk": "gb18030",
    "zh_cn": "gb18030",
    "euc_cn": "gb18030",
    "big5": "big5hkscs",
    "ascii": "cp1252",
    "latin_1": "cp1252",
    "iso8859_1": "cp1252",
    "us_ascii": "cp1252",
}

# A real page in its true charset can still hold a stray broken byte sequence (a truncated
# multi-byte character at a CMS field boundary); a wrong charset produces errors all over the page.
_MAX_ERROR_SHARE = 0.0002
_META_SCAN_BYTES = 4096
_UTF8_3BYTE_RE = re.compile(rb"[\xe0-\xef][\x80-\xbf]{2}")
_MIN_MULTIBYTE = 8


def normalize_encoding(name: str | None) -> str | None:
    """Python codec name for a charset label, GB family mapped to gb18030; None when unknown."""
    if not name:
        return None
    label = name.strip().strip("\"'").lower()
    try:
        canonical = codecs.lookup(label).name.replace("-", "_")
    except (LookupError, TypeError, ValueError):
        canonical = label.replace("-", "_")
        if canonical not in _ALIASES:
            return None
    return _ALIASES.get(canonical, canonical)


def _decode_if_clean(body: bytes, encoding: str) -> str | None:
    """Text when ``body`` decodes under ``encoding`` with (almost) no errors, else None."""
    try:
        return body.decode(encoding)
    except UnicodeDecodeError:
        pass
    except LookupError:
        return None
    text = body.decode(encoding, errors="replace")
    errors = text.count("\ufffd") - body.count("\xef\xbf\xbd".encode("latin-1"))
    if errors <= max(3, int(len(text) * _MAX_ERROR_SHARE)):
        return text
    return None


def _multibyte_utf8_text(body: bytes) -> str | None:
    """The text when ``body`` is valid UTF-8 holding multi-byte (CJK-range) characters, else None."""
    try:
        text = body.decode("utf_8")
    except UnicodeDecodeError:
        return None
    # Eight three-byte sequences in the first 64 KiB are enough; the search stops at the eighth
    # (counting every one walked the whole 64 KiB, costing more than decoding the page).
    found = _UTF8_3BYTE_RE.finditer(body, 0, 65536)
    return text if next(islice(found, _MIN_MULTIBYTE - 1, None), None) is not None else None


def same_utf8_bytes(body: bytes, text: str, encoding: str) -> bytes | None:
    """``body`` when ``text`` is exactly ``body`` decoded as strict UTF-8, else None.

    A parser handed those bytes builds the same tree as from ``text`` without re-encoding it (lexbor
    parses UTF-8; a str is encoded first). A BOM, a replacement character (a lenient decode may have
    made it) or a NUL (callers strip those from text) sends the caller back to ``text``.
    """
    if encoding != "utf_8" or not isinstance(body, bytes) or body[:3] == codecs.BOM_UTF8 or "\ufffd" in text:
        return None
    # Without a replacement character the decode was exact, so the bytes hold a NUL exactly when the
    # text does; searching bytes is fast, a NUL in a str of CJK text matches half its code units first.
    return None if b"\x00" in body else body


def _detect(body: bytes) -> str | None:
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(body[:65536]).best()
    except Exception:  # noqa: BLE001 — detection is advisory, never fatal
        return None
    return normalize_encoding(best.encoding) if best is not None else None


def decode_html(
    body: bytes, content_type: str | None = None, forced_encoding: str | None = None
) -> tuple[str, str]:
    """Decode page bytes; returns (text, codec name used). Never raises."""
    if isinstance(body, str):
        return body, "utf_8"
    body = bytes(body or b"")
    try:
        forced = normalize_encoding(forced_encoding)
        if forced:
            return body.decode(forced, errors="replace"), forced

        bom_encoding, bom = read_bom(body)
        if bom_encoding:
            enc = normalize_encoding(bom_encoding) or "utf_8"
            return body[len(bom) :].decode(enc, errors="replace"), enc

        candidates: list[str] = []
        header = normalize_encoding(http_content_type_encoding(content_type)) if content_type else None
        meta = normalize_encoding(html_body_declared_encoding(body[:_META_SCAN_BYTES]))
        for enc in (header, meta):
            if enc and enc not in candidates:
                candidates.append(enc)
        if candidates and candidates[0] != "utf_8" and (text := _multibyte_utf8_text(body)) is not None:
            # Pages saved by a browser keep their original <meta charset=gb2312> but are UTF-8 on
            # disk; Chinese text in a legacy charset practically never forms valid UTF-8.
            return text, "utf_8"
        for enc in candidates:
            text = _decode_if_clean(body, enc)
            if text is not None:
                return text, enc

        # Undeclared (or wrongly declared) pages: UTF-8 is by far the most common when it fits.
        if "utf_8" not in candidates:
            text = _decode_if_clean(body, "utf_8")
            if text is not None:
                return text, "utf_8"
        detected = _detect(body)
        if detected:
            text = _decode_if_clean(body, detected)
            if text is not None:
                return text, detected
        fallback = candidates[0] if candidates else (detected or "utf_8")
        return body.decode(fallback, errors="replace"), fallback
    except Exception:  # noqa: BLE001 — the contract is "never raise"
        return body.decode("utf-8", errors="replace"), "utf_8"
