"""The model's ORG spans as party mentions, beside the grammar, acronym definitions and gazetteer.

The model finds names the head-word grammar cannot see (non-English names,
names without a head word: "Taighde Éireann", "IOCB Prague"), but its spans
are often wrong at the edges and often name no body at all. So each span is

  repaired: cut at line breaks, brackets and breadcrumb marks; leading
    articles and possessors ("the Ministry's ...") and trailing punctuation
    and function words dropped; cut before a following person ("... of
    Japan, and Mr. X") and before a place run on after a complement
    ("University of Nairobi Kenya");
  judged by evidence: kept when it holds an organisation head word and no
    programme/event/document head closes it; without a head word only when
    it holds an acronym ("UCD Global") or the model tags the same text ORG
    again; never when it is a person with a title ("President of X"), a
    place, a heading in capitals, a number, page furniture or a list of
    research fields ("Science, Research and Innovation").

One-word spans are left to the acronym logic (st_parties `_lone_acronyms`)
or, for a word like "Wageningen", kept as a weak mention that only joins a
party whose name starts with it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from pipeline.components.org_lexicon import CountryMention, OrgLexicon
from pipeline.components.org_names import DocNames

# Marks that never sit inside a body's name: brackets, breadcrumbs ("Home > News"), separators, quotes.
_BREAKS = frozenset({"(", ")", "[", "]", ">", "|", "›", "»", "/", ":", "•", '"', "“", "”", "·", ";"})
_POSSESSIVES = frozenset({"'s", "’s", "'", "’"})


@dataclass(frozen=True)
class ModelName:
    span: Span
    has_head: bool      # holds an organisation head word
    strong: bool        # names a body on its own (else it only joins a party named otherwise)


class ModelOrgs:
    def __init__(self, lexicon: OrgLexicon, is_acronym, is_place):
        self.lexicon = lexicon
        self.is_acronym = is_acronym
        self.is_place = is_place
        self.function_words = lexicon.prepositions | lexicon.articles | lexicon.conjunctions

    def find(self, doc: Doc, names: DocNames, countries: dict[int, CountryMention]) -> tuple[list[ModelName], list[Span]]:
        """The names judged to be bodies, and every repaired span (an acronym definition is evidence enough)."""
        country_tokens = {i for c in countries.values() for i in range(c.start, c.end)}
        spans = [
            repaired
            for ent in doc.ents
            if ent.label_ == "ORG"
            for piece in self._pieces(ent)
            if (repaired := self._repair(piece, country_tokens)) is not None
        ]
        uses = Counter(" ".join(span.text.split()) for span in spans)
        # What the model tags a place elsewhere in the text is a place ("Minas Gerais"); what the text calls a
        # vessel, satellite or programme somewhere is a thing ("the research vessel Celtic Explorer").
        places = {" ".join(ent.text.split()) for ent in doc.ents if ent.label_ in ("GPE", "LOC")}
        things = {" ".join(span.text.split()) for span in spans if self.called_a_thing(span)}
        found = []
        for span in spans:
            text = " ".join(span.text.split())
            if text in places or (text in things and not self._holds_head(span, names)):
                continue
            judged = self._judge(span, names, country_tokens, uses)
            if judged is not None:
                found.append(judged)
        return found, spans

    # --- repairing ------------------------------------------------------------

    def _pieces(self, ent: Span) -> list[Span]:
        """`ent` cut at line breaks and marks no name holds ("Contact\\n\\nOficina ...", "(Sernageomin")."""
        doc, pieces, start = ent.doc, [], ent.start
        for token in ent:
            if token.text in _BREAKS or (token.is_space and "\n" in token.text) or "\n" in token.whitespace_:
                end = token.i + (token.text not in _BREAKS and not token.is_space)
                if end > start:
                    pieces.append(doc[start:end])
                start = token.i + 1
        if ent.end > start:
            pieces.append(doc[start : ent.end])
        return pieces

    def _repair(self, span: Span, country_tokens: set[int]) -> Span | None:
        doc, lexicon = span.doc, self.lexicon
        start, end = span.start, span.end
        # A possessor is not part of the name: "the Ministry's Cultural Affairs ..." names something of the ministry.
        possessive = next((t.i for t in span if t.text in _POSSESSIVES), None)
        if possessive is not None:
            start = possessive + 1
        while start < end and (doc[start].is_punct or doc[start].is_space or doc[start].lower_ in lexicon.articles):
            start += 1
        # A title opens a person's name or office, not a body's: "President of X", "The Consul General of ...".
        if start < end and doc[start].lower_ in lexicon.stop_words:
            return None
        end = self._before_person(doc, start, end)
        end = self._before_place(doc, start, end, country_tokens)
        while end > start and (
            doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].lower_ in self.function_words
            or doc[end - 1].text in _POSSESSIVES
        ):
            end -= 1
        return doc[start:end] if end > start else None

    def _before_person(self, doc: Doc, start: int, end: int) -> int:
        """Where a person glued to the name begins: "..., and Mr. X", "... Dr. Y"."""
        lexicon = self.lexicon
        for i in range(start + 1, end):
            word = doc[i].lower_.rstrip(".")
            after_list = doc[i - 1].is_punct or doc[i - 1].lower_ in lexicon.conjunctions
            # "Office of the Chief Scientist" holds a title; "..., and Minister X" is a person after the name.
            if word in lexicon.honorifics or (word in lexicon.stop_words and after_list):
                while i > start and (doc[i - 1].is_punct or doc[i - 1].lower_ in lexicon.conjunctions):
                    i -= 1
                return i
        return end

    def _before_place(self, doc: Doc, start: int, end: int, country_tokens: set[int]) -> int:
        """"University of Nairobi Kenya": a place run on after a complement is where the body sits, not its name."""
        has_complement = any(doc[i].lower_ in self.lexicon.prepositions for i in range(start + 1, end))
        if not has_complement:
            return end
        i = end
        while i > start and (i - 1 in country_tokens or doc[i - 1].ent_type_ in ("GPE", "LOC")) and doc[i - 1].is_alpha:
            i -= 1
        if i == end or i == start or doc[i - 1].lower_ in self.function_words or doc[i - 1].is_punct:
            return end
        return i

    # --- judging ----------------------------------------------------------------

    def called_a_thing(self, span: Span) -> bool:
        """The text calls `span` a thing: a programme, event or facility word right before it ("the vessel X"), or in
        an apposition right after it ("X, the first satellite built ...")."""
        doc, things = span.doc, self.lexicon.non_party_heads
        if span.start > 0 and doc[span.start - 1].lower_ in things:
            return True
        i = span.end
        if i + 1 < len(doc) and doc[i].text == "," and doc[i + 1].lower_ in ("the", "a", "an"):
            return any(t.lower_ in things for t in doc[i + 2 : min(len(doc), i + 6)])
        return False

    @staticmethod
    def _holds_head(span: Span, names: DocNames) -> bool:
        return any(h.is_party for h in names.heads_within(span.start, span.end))

    def _judge(self, span: Span, names: DocNames, country_tokens: set[int], uses: Counter) -> ModelName | None:
        lexicon = self.lexicon
        words = [t for t in span if t.is_alpha or any(c.isalpha() for c in t.text)]
        if not words or any(any(c.isdigit() for c in t.text) for t in span):
            return None
        if all(i in country_tokens for i in range(span.start, span.end)) or self.is_place(span.text):
            return None
        if len(words) > 1 and all(t.is_upper for t in words):       # a heading in capitals
            return None
        if len(span) == 1:
            return self._one_word(span[0], uses)
        if not span[0].text[:1].isupper() and not self.is_acronym(span[0].text):
            return None
        inside = names.heads_within(span.start, span.end)
        last_head = inside[-1] if inside else None
        if last_head is not None:
            return ModelName(span, True, True) if last_head.is_party else None
        fillers = lexicon.field_words | lexicon.generic | self.function_words | lexicon.not_org_words
        if all(t.lower_ in fillers for t in words) or any(t.lower_ in lexicon.not_org_words for t in words):
            return None
        # A state's short name is no evidence ("the Indo-US forum"), nor are the combining forms of states' names.
        if all(t.i in country_tokens or self.is_place(t.text) or t.lower_ in lexicon.state_prefixes for t in words):
            return None
        evidence = any(self.is_acronym(t.text) and t.text not in lexicon.junk and not self.is_place(t.text) for t in words)
        evidence = evidence or uses[" ".join(span.text.split())] >= 2
        return ModelName(span, False, True) if evidence else None

    def _one_word(self, token, uses: Counter) -> ModelName | None:
        """One word: an acronym is left to the acronym logic; "AgResearch" used twice names a body;
        another word ("Wageningen") only joins a party whose name starts with it."""
        if self.is_acronym(token.text) or token.lower_ in self.lexicon.not_org_words or not token.text[:1].isupper():
            return None
        if token.lower_ in self.lexicon.head_kinds or token.lower_ in self.lexicon.non_party_heads:
            return None
        camel = any(c.isupper() for c in token.text[1:]) and any(c.islower() for c in token.text)
        return ModelName(token.doc[token.i : token.i + 1], False, camel and uses[token.text] >= 2)
