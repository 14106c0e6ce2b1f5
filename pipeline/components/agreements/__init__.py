"""st_agreements: agreement events (SPEC 3.4), an instrument signed, renewed, extended, adopted or referred to.

Instrument mentions come from PhraseMatchers built from agreement_triggers.yaml
(mentions.py). Each mention is read in its evidence unit, its sentence cut at
blank lines so that a heading stays apart from the paragraph under it, or its
table row (index.py, table_rows.py), through the dependency parse (syntax.py):

- the verbs that govern it give the actions, one event each ("was signed in
  2007 and was extended till 2010" gives two);
- phrases attached to it or to its verbs give the sides (sides.py): "between X
  and Y", the active subject ("X and Y signed"), "with Y", the passive agent
  ("by X") and modifiers before it ("the India-Japan MoU"); a side is a party of
  st_parties, or a state itself, under its canonical name from the country
  list st_parties uses ("the U.S." gives "United States");
- dates of st_dates and places ("at"/"in" + GPE, "the visit of X to GPE")
  attached to an action's verb give when and where (slots.py);
- a mention with no action is an event only as the basis of something
  ("under this LoI": referenced), or when it names a specific instrument (by
  its sides or a quoted title) that no other event records (events.py).
A mention without sides of its own that points back ("The MoU was extended", or
a pronoun: "It was extended again in 2022") continues the nearest earlier
instrument of its type and takes its parties (instruments.py). States joined in a
compound ("the German-Brazilian Agreement") are sides when nothing else names them;
a statement adopted by a joint committee has the committee's states as sides, and
one adopted with no date or place takes those of the meeting told in its sentence
or before. A document that does not read as prose (word salad) gives no events
(prose.py).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.components.agreements.cues import AgreementCues
from pipeline.components.agreements.events import EventReader
from pipeline.components.agreements.index import DocIndex
from pipeline.components.agreements.mentions import MentionFinder
from pipeline.components.agreements.model import Agreement, Mention
from pipeline.components.agreements.prose import reads_as_prose
from pipeline.components.org_lexicon import COUNTRY_FILE, Countries, CountryList
from pipeline.components.rule_component import RuleComponent

__all__ = ["Agreement", "AgreementExtractor"]


@Language.factory(
    "st_agreements",
    default_config={"triggers": "agreement_triggers.yaml", "cues": "agreement_cues.yaml", "countries": COUNTRY_FILE},
)
def make_agreements(nlp: Language, name: str, triggers: str, cues: str, countries: str) -> RuleComponent:
    def build(data: dict) -> AgreementExtractor:
        country_list = CountryList.from_data(data["countries"][0])
        return AgreementExtractor(nlp, data["triggers"][0], data["cues"][0], Countries(nlp, country_list))

    return RuleComponent(name, {"triggers": [triggers], "cues": [cues], "countries": [countries]}, build)


class AgreementExtractor:
    def __init__(self, nlp: Language, triggers: dict, cues: dict, countries: Countries):
        self.cues = AgreementCues.from_data(cues)
        self.find_mentions = MentionFinder(nlp, triggers, self.cues)
        self.countries = countries
        self.tokenizer = nlp.tokenizer

    def __call__(self, doc: Doc) -> Doc:
        mentions = self.find_mentions(doc)
        doc.spans["agreement_triggers"] = [m.span for m in mentions]
        doc._.agreements = self._events(doc, mentions) if mentions and reads_as_prose(doc) else []
        return doc

    def _events(self, doc: Doc, mentions: list[Mention]) -> list[Agreement]:
        mentions = self.find_mentions.with_anaphors(doc, mentions)
        index = DocIndex(doc, self.cues, self.countries.scan(doc), mentions)
        return EventReader(index, self.cues, self.tokenizer, self.countries).read(mentions)
