"""The string comparison form of SPEC section 4, shared by extraction, scoring and gold checks."""

from __future__ import annotations

import re

_NON_WORD = re.compile(r"[\W_]+")


def fold(text: str) -> str:
    """Lower case, `&` as `and`, punctuation and white space runs as one space."""
    return _NON_WORD.sub(" ", text.lower().replace("&", " and ")).strip()


def spec_form(text: str | None) -> str:
    """SPEC 4 comparison form: `fold` with a leading `the` dropped ("" for None)."""
    folded = fold(text or "")
    return folded[4:] if folded.startswith("the ") else folded
