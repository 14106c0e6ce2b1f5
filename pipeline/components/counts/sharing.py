"""Numbers that count no noun of their own and take the noun of another count in their
sentence: a part of a whole ("five out of seven fields"), an elided noun ("Of the 102 proposals
submitted, twenty-one were funded", "one from Chile and one from Peru") and a noun left out
after a name in a list of pairs ("Ghana has sent 210 trainees, Senegal 95 and Mali 40")."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

# What parts one pair of a gapped list from the next.
_GAP_BEFORE = frozenset({",", ";", "and"})
_GAP_AFTER = frozenset({",", ";", ".", "and", "respectively", ")"})


class NounSharing:
    def __init__(self, nlp: Language, data: dict):
        def phrases(key: str) -> list[tuple[str, ...]]:
            return [tuple(t.lower_ for t in nlp.make_doc(cue)) for cue in data[key]]

        self.elision_cues = phrases("elision_cues")     # "of which", "instead of"
        self.part_joiners = phrases("part_joiners")     # "out of", "in": "five out of seven fields"

    def share_whole(self, doc: Doc, expressions: list) -> None:
        """"five out of seven priority fields", "one in four fellows": a number joined to the
        count of a whole counts the whole's noun."""
        for part, whole in zip(expressions, expressions[1:]):
            if (part.kind is not None and part.unit) or whole.kind != "count" or not whole.unit:
                continue
            if _ends_with(doc, whole.start, self.part_joiners) == part.end:
                part.unit, part.kind = whole.unit, whole.kind

    def share_elided(self, doc: Doc, expressions: list) -> None:
        """"Of the 102 proposals submitted, twenty-one were funded": a number that counts no noun of
        its own, standing as a subject, after "of which", after a coordinator ("one from Singapore
        and one from New Zealand"), in a comparison ("up to 36 months instead of 24") or after a
        name in a list of pairs ("Ghana has sent 210 trainees, Senegal 95 and Mali 40"), counts
        the noun of the count before it in its sentence."""
        for index, (before, e) in enumerate(zip(expressions, expressions[1:])):
            if e.kind is not None or e.number.year_like or before.kind not in ("count", "duration") or not before.unit:
                continue
            token = doc[e.number.end - 1]
            whole = _partitive_whole(doc, expressions[: index + 1], token)
            before = whole if whole is not None else before
            if token.sent != doc[before.start].sent:
                continue
            cued = _ends_with(doc, e.start, self.elision_cues) is not None
            subject = before.kind == "count" and token.dep_ in ("nsubj", "nsubjpass")
            gapped = before.kind == "count" and gapped_after_name(doc, e.number.start, e.number.end) and not any(
                "\n" in t.text for t in doc[before.end : e.start]
            )  # a list of pairs stands on one line
            # "120 places, 60 in each country", "120 (60 per side)", "86 proposals: 31 in health":
            # after a comma, bracket or colon, then a preposition
            after_comma = (
                before.kind == "count" and e.start > 0 and doc[e.start - 1].text in (",", "(", ":")
                and e.end < len(doc) and doc[e.end].pos_ == "ADP" and doc[e.end].lower_ != "of"
            )
            if cued or subject or gapped or after_comma:
                e.unit, e.kind = before.unit, before.kind


    def share_context(self, doc: Doc, expressions: list) -> None:
        """What a count leaves to the counts before it: the currency of a bare amount in its
        sentence, the noun of "ones" in its sentence or the one before. The search back stops
        there, so that a page on one long line is not walked once per count."""
        for index, e in enumerate(expressions):
            bare = e.kind == "count" and not e.unit and e.number.scale >= 1000
            ones = e.kind == "count" and e.unit and e.unit.split()[-1] == "one"
            if not (bare or ones):
                continue
            sent = doc[e.start].sent
            reach = doc[sent.start - 1].sent.start if ones and sent.start > 0 else sent.start
            for b in reversed(expressions[:index]):
                if b.start < reach:
                    break
                if bare and b.kind == "money":
                    # "€4 million to Ghana, 2.5 million to Kenya": the currency of the amount before
                    e.unit, e.kind, e.bare_dollar = b.unit, "money", b.bare_dollar
                    break
                if ones and b.kind == "count" and b.unit and b.unit.split()[-1] != "one":
                    # "7 new projects and 11 ongoing ones": the noun of the count before
                    e.unit = " ".join([*e.unit.split()[:-1], b.unit.split()[-1]])
                    break


def gapped_after_name(doc: Doc, start: int, end: int) -> bool:
    """The number at tokens start:end follows a name that follows a comma or "and", and ends its
    pair: "..., Senegal 95 and Mali 40 since ...", "Burundi 131, ...". Whole numbers only
    ("Society 5.0" names)."""
    if start < 2 or "." in doc[start].text or not doc[start].text[:1].isdigit():
        return False
    if end < len(doc):
        after = doc[end]
        if not (after.lower_ in _GAP_AFTER or after.pos_ in ("ADP", "SCONJ")):
            return False  # not "Barton ACT 2600\n", an address
    k = start - 1
    if not (doc[k].pos_ == "PROPN" and doc[k].text[:1].isupper()):
        return False
    while k >= 0 and doc[k].pos_ == "PROPN" and doc[k].text[:1].isupper():
        k -= 1  # to the token before the name
    if k >= 0 and doc[k].lower_ == "the":
        k -= 1
    return k >= 0 and doc[k].lower_ in _GAP_BEFORE


def _ends_with(doc: Doc, k: int, cues: list[tuple[str, ...]]) -> int | None:
    """The start of the cue that ends right before token k, if any."""
    for cue in cues:
        if k >= len(cue) and tuple(t.lower_ for t in doc[k - len(cue) : k]) == cue:
            return k - len(cue)
    return None


def _partitive_whole(doc: Doc, earlier: list, token: Token):
    """"Out of 74 eligible proposals in the two calls, nine were funded": the count a sentence
    takes its part from, named after "of" or "out of"."""
    sent = token.sent
    for e in reversed(earlier):   # in the text's order: the first one before the sentence ends the search
        if e.start < sent.start:
            break
        if e.start >= sent.end or e.kind != "count" or not e.unit:
            continue
        k = e.start - 1
        if k >= 0 and doc[k].lower_ == "the":
            k -= 1
        if k >= 0 and doc[k].lower_ == "of":
            return e
    return None
