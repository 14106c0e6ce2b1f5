"""Reading input files into cleaned text, one `SourceDocument` per input.

Nothing here raises for a bad file: every problem becomes a document with
status `empty` or `error` and a message, so that each input gets its row.
A document read with a repair (stray bytes that were not UTF-8) is `ok`
with a warning in `error`, starting "warning:".
"""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from pipeline.reading.cleaning import clean_text, guess_language
from pipeline.reading.decoding import decode, sniff
from pipeline.reading.discovery import ANNOTATION_SUFFIXES, Inputs, discover, displayable, find_inputs
from pipeline.reading.html import html_text, without_stray_tags
from pipeline.reading.markdown import markdown_text
from pipeline.reading.pdf import pdf_text

__all__ = ["ANNOTATION_SUFFIXES", "DEFAULT_MAX_FILE_BYTES", "Inputs", "SourceDocument", "clean_text", "decode", "discover", "find_inputs", "guess_language", "read_document"]

SUPPORTED_FORMATS = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".pdf": "pdf"}
DEFAULT_MAX_FILE_BYTES = 50 * 1024 * 1024
_REFUSED_CONTENT = {
    "gzip": "gzip-compressed content: not analysed (decompress it first)",
    "zip": "zip archive content (e.g. .docx, .xlsx): not analysed",
    "binary": "binary content (NUL bytes) in a text file: not analysed",
}
_SPECIAL_FILES = ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder"))


@dataclass
class SourceDocument:
    doc_id: str
    source_path: str
    sha256: str
    format: str
    status: str  # ok, empty, error
    error: str | None  # why it failed; for `ok`, a warning or None
    text: str
    language: str


class _NotRead(Exception):
    """An input that is not read at all; the message says why."""


def read_document(path: Path, doc_id: str, max_bytes: int = DEFAULT_MAX_FILE_BYTES) -> SourceDocument:
    shown_suffix = displayable(path.suffix)  # a suffix need not be UTF-8, and Parquet stores only UTF-8
    suffix = shown_suffix.lower()
    doc = SourceDocument(doc_id, displayable(str(path)), "", SUPPORTED_FORMATS.get(suffix, suffix.lstrip(".") or "none"), "ok", None, "", "und")
    try:
        raw = _read_regular_file(path, max_bytes)
    except _NotRead as reason:
        return _failed(doc, str(reason))
    doc.sha256 = hashlib.sha256(raw).hexdigest()
    kind = sniff(raw)
    if kind == "pdf":
        doc.format = "pdf"
    elif kind == "gzip" or suffix not in SUPPORTED_FORMATS:
        message = _REFUSED_CONTENT["gzip"] if kind == "gzip" else f"unsupported file type '{shown_suffix or '(none)'}': skipped (supported: {', '.join(sorted(SUPPORTED_FORMATS))})"
        return _failed(doc, message)
    elif kind in _REFUSED_CONTENT:
        return _failed(doc, _REFUSED_CONTENT[kind])
    elif kind == "html" or doc.format == "pdf":  # a ".pdf" without a PDF header is text
        doc.format = kind or "txt"
    try:
        text = _text_of(raw, doc)
    except ValueError as exc:
        return _failed(doc, str(exc))
    doc.text = clean_text(text)
    if not doc.text.strip():
        doc.status, doc.error = "empty", "no text" if raw.strip() else "file is empty or whitespace only"
        doc.text = ""
        return doc
    doc.language = guess_language(doc.text)
    if doc.language != "en":
        return _failed(doc, f"no English text (script looks like '{doc.language}'): not analysed", keep_text=True)
    return doc


def _text_of(raw: bytes, doc: SourceDocument) -> str:
    """The plain text of the content; decoding warnings go to `doc.error`."""
    if doc.format == "pdf":
        return pdf_text(raw)
    text, doc.error = decode(raw)
    if doc.format == "html":
        return html_text(text)
    if doc.format == "md":
        return markdown_text(text)
    return without_stray_tags(text)


def _read_regular_file(path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file of at most `max_bytes`; `_NotRead` for anything else.

    Opened without blocking and checked on the open descriptor, so a FIFO
    never hangs the run and a link to /dev/zero is never read.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        is_folder = os.path.isdir(path)
        raise _NotRead(f"cannot {'list folder' if is_folder else 'read file'}: {exc.strerror or exc}") from None
    try:
        info = os.fstat(fd)
        for is_kind, kind in _SPECIAL_FILES:
            if is_kind(info.st_mode):
                raise _NotRead(_folder_problem(path) if kind == "a folder" else f"not a regular file ({kind}): not read")
        if info.st_size > max_bytes:
            raise _NotRead(f"file too large ({info.st_size:,} bytes; the limit is {max_bytes:,}): not read")
        chunks, size = [], 0
        while block := os.read(fd, 1 << 20):
            chunks.append(block)
            size += len(block)
            if size > max_bytes:  # grew while being read
                raise _NotRead(f"file too large (over the limit of {max_bytes:,} bytes): not read")
        return b"".join(chunks)
    except OSError as exc:
        raise _NotRead(f"cannot read file: {exc.strerror or exc}") from None
    finally:
        os.close(fd)


def _folder_problem(path: Path) -> str:
    """Why a folder listed as an input could not be walked."""
    try:
        os.listdir(path)
    except OSError as exc:
        return f"cannot list folder: {exc.strerror or exc}"
    return "a folder, not a file: not read"


def _failed(doc: SourceDocument, message: str, keep_text: bool = False) -> SourceDocument:
    doc.status, doc.error = "error", message
    if not keep_text:
        doc.text = ""
    return doc
