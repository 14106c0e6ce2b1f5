"""Text forms shared by extraction, scoring and gold checks: SPEC section 4's
comparison form, and a number written out in full."""

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


def plain_number(value: float) -> str:
    """A number as a plain decimal, every digit kept (`836500000`, `0.3`)."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))
