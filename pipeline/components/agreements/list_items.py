"""An instrument that opens a list item under a lead telling what was done with the
listed documents: "Other documents signed on the occasion of the Meeting included:
- Protocol on ... between X and Y; - Memorandum of Understanding between ...". Each item
is an event of the lead's action, between the parties its own line names."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from pipeline.components.agreements.cues import AgreementCues
from pipeline.components.agreements.index import DocIndex
from pipeline.components.agreements.model import Mention
from pipeline.components.agreements.sides import Sides
from pipeline.components.layout import line_at, line_start

# Bullets and lettered items ("a)", "(ii)"); not "8." that numbers a paragraph, which may
# itself be the lead ("8. Other documents signed ... included:").
BULLET = re.compile(r"[ \t]*(?:[-•*–·▪●]|\(?[a-z]{1,4}\))[ \t]+")
# Words that may stand between the bullet and the instrument's name ("- the Protocol ...").
ITEM_OPENING_MAX_CHARS = 8
# How many item lines a lead may stand above.
MAX_ITEMS_ABOVE = 30


@dataclass
class ItemReading:
    line: Span          # the item's line: its unit
    lead: Span          # the lead's line
    verb: Token         # the lead's action word
    action: str
    sides: list[str]


def read_item(index: DocIndex, cues: AgreementCues, sides: Sides, mention: Mention) -> ItemReading | None:
    """The reading of a mention that opens a list item under a lead with an action; None
    otherwise."""
    text, doc = index.text, index.doc
    start = line_start(text, mention.span.start_char)
    line = line_at(text, start)
    bullet = BULLET.match(line)
    if bullet is None or mention.span.start_char - start - bullet.end() > ITEM_OPENING_MAX_CHARS:
        return None
    lead_start, lead = _lead(text, start)
    if lead is None or not lead.rstrip().endswith(":"):
        return None
    lead_span = doc.char_span(lead_start, lead_start + len(lead.rstrip()), alignment_mode="contract")
    item = doc.char_span(start, start + len(line.rstrip()), alignment_mode="contract")
    if lead_span is None or item is None:
        return None
    for token in lead_span:
        action = cues.action(token, None, mention.type) if token.pos_ in ("VERB", "AUX") else None
        action = action or cues.table_actions.get(token.lower_)
        if action:
            names = sides.names_in(mention.span.end, item.end, False)
            return ItemReading(item, lead_span, token, action, list(dict.fromkeys(n for _, n in names)))
    return None


def _lead(text: str, start: int) -> tuple[int, str | None]:
    """The line above a list's items (skipping the items above this one)."""
    for _ in range(MAX_ITEMS_ABOVE):
        if start == 0:
            return 0, None
        above = line_start(text, start - 1)
        line = line_at(text, above)
        if not line.strip():
            return above, None
        if BULLET.match(line) is None:
            return above, line
        start = above
    return start, None
