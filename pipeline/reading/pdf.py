"""The text layer of a PDF, with its paragraphs rejoined.

A PDF's text comes out one printed line at a time, so names and sentences
are cut where the page was full ("Brazilian National Council for
Scientific" / "and Technological Development"). Lines are joined back into
paragraphs, and a word hyphenated at a line end is mended.
"""

from __future__ import annotations

import io
import logging
import re

_BULLET = re.compile(r"^(?:[•▪◦●■□➢►‣∙·*–—-]\s|\(?\d{1,3}[.)]\s|\(?[a-z][.)]\s)")
_HYPHENATED = re.compile(r"[^\W\d_]-$")
# A line ending like this is never a paragraph's last line.
_OPEN_ENDING = re.compile(r"(?:[,;(/&]|\b(?:and|or|of|the|for|to|in|on|with|between|by|a|an|at|from))$", re.IGNORECASE)
# A line at least this share of the page's usual line length ran to the margin: the paragraph goes on.
FULL_LINE_SHARE = 0.75


def pdf_text(raw: bytes) -> str:
    from pypdf import PdfReader

    # pypdf logs what it finds wrong straight to stderr; the documents row already says it.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(raw))
        lines = [line.rstrip() for page in reader.pages for line in (page.extract_text() or "").splitlines() + [""]]
    # A malformed PDF can make pypdf raise almost anything; it is the file's fault, not the run's.
    except Exception as exc:  # noqa: BLE001
        raise ValueError(f"unreadable PDF: {type(exc).__name__}: {exc}") from exc
    return join_lines(lines)


def join_lines(lines: list[str]) -> str:
    """Printed lines to paragraphs ("\\n\\n" between them), hyphenation at line ends repaired."""
    lengths = sorted(len(line) for line in lines if line.strip())
    usual_length = lengths[int(0.9 * (len(lengths) - 1))] if lengths else 0
    out: list[str] = []
    previous = ""
    for line in lines:
        line = line.strip()
        if not line:
            previous = ""
            out.append("\n\n")
            continue
        if previous:
            out.append(_joint(previous, line, usual_length))
            if out[-1] == "" and _HYPHENATED.search(previous) and line[0].islower():
                out[-2] = out[-2][:-1]  # "collabo-" + "ration": the hyphen was the printer's
        out.append(line)
        previous = line
    return "".join(out)


def _joint(previous: str, line: str, usual_length: int) -> str:
    """What goes between two printed lines: nothing, a space, or a paragraph break."""
    if _BULLET.match(line):
        return "\n\n"
    if _HYPHENATED.search(previous):
        return ""
    if line[0].islower() or _OPEN_ENDING.search(previous) or len(previous) >= FULL_LINE_SHARE * usual_length:
        return " "
    return "\n\n"
