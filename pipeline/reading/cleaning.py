"""The analysed text: normalised, without invisible characters, and its language."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

# Lone surrogates too (an HTML entity can make one): Parquet cannot store them.
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
# Invisible format characters (soft hyphen, zero-width space/joiners, word
# joiner, BOMs inside the text, bidi marks): a reader never sees them, but
# inside a name or a date they split it for the model.
_INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
# Spaces of every width read as one plain space.
_ODD_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_TRAILING_SPACE = re.compile(r"[ \t]+\n")
_MANY_BLANK_LINES = re.compile(r"\n{3,}")
# Below this many words a text's function words say nothing of its language.
SHORTEST_TELLING_TEXT = 60
_ENGLISH_FUNCTION_WORDS = frozenset("the of and to in a is that for on with as by was are be this from at an".split())


def clean_text(text: str) -> str:
    """The text that is analysed: NFC, Unix newlines, no control or invisible characters."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n"))
    text = _INVISIBLE.sub("", _CONTROL_CHARS.sub("", _ODD_SPACES.sub(" ", text)))
    return _MANY_BLANK_LINES.sub("\n\n", _TRAILING_SPACE.sub("\n", text)).strip()


def guess_language(text: str) -> str:
    """'en' for English text; otherwise the dominant non-Latin script, or 'und'.

    Enough to keep non-English documents away from an English model; the
    corpus is English with stray headers in other scripts.
    """
    sample = text[:20000]
    letters = [c for c in sample if c.isalpha()]
    if not letters:
        return "und"
    latin = sum(c < "\u0250" for c in letters)
    if latin / len(letters) >= 0.5:
        words = re.findall(r"[a-z]+", sample.lower())
        # Too short to tell (a fact sheet, a table): Latin script is taken as English.
        if len(words) < SHORTEST_TELLING_TEXT or sum(w in _ENGLISH_FUNCTION_WORDS for w in words) / len(words) >= 0.05:
            return "en"
        return "und"
    scripts = Counter(_script(c) for c in letters if c >= "\u0250")
    # Japanese mixes kana with CJK ideographs; any real share of kana decides it.
    if scripts["ja"] >= 0.1 * sum(scripts.values()):
        return "ja"
    return scripts.most_common(1)[0][0]


def _script(char: str) -> str:
    name = unicodedata.name(char, "")
    for marker, code in (("HIRAGANA", "ja"), ("KATAKANA", "ja"), ("CJK", "zh"), ("HANGUL", "ko"), ("CYRILLIC", "ru"), ("ARABIC", "ar"), ("DEVANAGARI", "hi"), ("THAI", "th"), ("GREEK", "el"), ("HEBREW", "he")):
        if marker in name:
            return code
    return "und"
