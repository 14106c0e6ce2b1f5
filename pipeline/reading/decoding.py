"""Bytes to text, and what the bytes really are whatever the file is called.

A file's content decides how it is read: a PDF named `.txt` is read as a PDF,
a gzip or zip archive or a file of NUL bytes is refused, whatever its name.
"""

from __future__ import annotations

import codecs
import re

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# PDF readers accept the header anywhere in the first kilobyte; so do we.
_PDF_MAGIC_WINDOW = 1024
_HTML_START = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]", re.IGNORECASE | re.DOTALL)
# Multi-byte UTF-8 sequences are rare by chance in Windows-1252 text: a file
# with some of them is UTF-8 with stray bytes, unless the strays swamp them.
STRAYS_PER_UTF8_SEQUENCE = 4
_VALID_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")


class Unreadable(ValueError):
    """Content that is not text of a kind this pipeline reads; the message says why."""


def sniff(raw: bytes) -> str | None:
    """The kind the content itself declares (pdf, html, gzip, zip, binary), or None for text."""
    if raw.startswith(b"\x1f\x8b"):
        return "gzip"
    if b"%PDF-" in raw[:_PDF_MAGIC_WINDOW]:
        return "pdf"
    if raw.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "zip"
    if any(raw.startswith(bom) for bom, _ in _BOMS):
        return None  # UTF-16 text is full of NUL bytes
    if b"\x00" in raw[:4096]:
        return "binary"
    if _HTML_START.match(raw[:4096]):
        return "html"
    return None


def decode(raw: bytes) -> tuple[str, str | None]:
    """The text of `raw` and a warning, or None when every byte was read as it stands.

    BOMs are honoured. A file that is UTF-8 but for a few stray bytes (a
    Windows-1252 quote pasted in) stays UTF-8: only those bytes are read as
    Windows-1252, and the warning says how many. A file with no UTF-8
    sequence at all is Windows-1252 throughout, as legacy files are.
    """
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(codec), None
            except UnicodeDecodeError:
                return raw.decode(codec, errors="replace"), f"warning: bytes not valid {codec.upper()} replaced by U+FFFD"
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    # surrogateescape keeps each bad byte as one lone surrogate, to count and replace.
    escaped = raw.decode("utf-8", errors="surrogateescape")
    stray = len(_ESCAPED_BYTE.findall(escaped))
    if stray > STRAYS_PER_UTF8_SEQUENCE * len(_VALID_UTF8_MULTIBYTE.findall(raw)):
        return raw.decode("cp1252", errors="replace"), None
    text = _ESCAPED_BYTE.sub(lambda m: bytes([ord(m.group()) - 0xDC00]).decode("cp1252", errors="replace"), escaped)
    return text, f"warning: {stray} byte{'s' if stray > 1 else ''} not valid UTF-8, read as Windows-1252"
