"""The data st_parties reads, loaded from pipeline/data/ (paths set in pipeline.cfg).

    OrgLexicon   organisation head words and their kinds, what is not a party
    Countries    country names and adjectives, found in a Doc by PhraseMatchers;
                 the project's one country list (load_countries), which
                 st_agreements and the gold checks read too
    Gazetteer    known organisations (JSONL), found by PhraseMatchers: names on
                 LOWER, acronyms and one-word names on ORTH (case matters: "WHO")
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from pipeline.data_files import load_yaml
from pipeline.text import spec_form

COUNTRY_FILE = "country_cues.yaml"


def _words(values) -> frozenset[str]:
    return frozenset(str(v).lower() for v in values)


@dataclass(frozen=True)
class OrgLexicon:
    head_kinds: dict[str, str]          # head phrase (lower case) -> kind
    needs_complement: frozenset[str]
    located: frozenset[str]
    after_comma: frozenset[str]
    kind_phrases: tuple[tuple[re.Pattern, str], ...]
    joint_markers: frozenset[str]
    joint_heads: frozenset[str]
    spelling: dict[str, str]            # spec_form -> spec_form
    spelling_pattern: re.Pattern
    non_party_heads: frozenset[str]
    complement_final: frozenset[str]
    generic: frozenset[str]
    junk: frozenset[str]                # case-sensitive
    stop_words: frozenset[str]
    ordinals: frozenset[str]
    plural_heads: frozenset[str]
    head_first: frozenset[str]
    prepositions: frozenset[str]        # join a name's complements ("of", "de", "für")
    articles: frozenset[str]            # may follow them ("the", "la")
    conjunctions: frozenset[str]        # join a list inside a name ("and", "y", "e")
    located_prepositions: frozenset[str]
    field_words: frozenset[str]         # a span made only of these names a field, not a body
    not_org_words: frozenset[str]       # page furniture and common words the model tags ORG on their own
    honorifics: frozenset[str]          # open a person's name wherever they stand ("Mr", "Dr")
    seat_in_name: frozenset[str]        # diplomatic heads named with their seat ("Embassy in Tokyo")
    title_complement: frozenset[str]    # heads whose complement may be a title ("Office of the President")
    serves_body: frozenset[str]         # heads whose complement may be another body ("Secretariat of the ...")
    state_words: frozenset[str]         # open a state's formal name ("Republic of ...")
    name_stop_words: frozenset[str]     # the model's stop words that are words of names ("Further Education")
    lower_case_heads: frozenset[str]    # heads that name a body in lower case after proper words ("Austrian embassy")
    sentence_case_prepositions: frozenset[str]  # after these a name may go on in lower case ("Centre de recherches")
    sentence_case_joins: frozenset[str]  # small words inside such a lower-case stretch ("pour le", "de la", "et")
    sentence_case_conjunctions: frozenset[str]  # close a list inside it ("..., znanost in inovacije")
    breadcrumb_separators: frozenset[str]   # part a breadcrumb trail's items ("Home > News")
    patron_titles: frozenset[str]       # open a patron's name inside a body's ("King Saud University")
    patron_particles: frozenset[str]    # join a patron's names ("Prince Mohammad bin Fahd University")
    named_by_field: frozenset[str]      # heads a field word before them names ("Foreign Ministry"), and those words
    compound_heads: tuple[str, ...]     # heads that end compound words ("Forschungszentrum"), longest first
    joint_lower_heads: frozenset[str]   # joint bodies named in lower case after two states ("Armenian-Belarusian working group")
    state_prefixes: frozenset[str]      # combining forms of states' names ("Indo-", "Sino-", "Pak-")
    collective_heads: frozenset[str]    # plural heads naming bodies of several states ("Ministries of ... of X and Y")
    index_labels: frozenset[str]        # label a page's index terms ("Tags: ..."), furniture
    place_particles: frozenset[str]     # small words inside places' names ("Dar es Salaam")
    epithet_titles: frozenset[str]      # lower-case titles before a patron's name ("named after academician X")
    funding_heads: frozenset[str]       # a fund is a body only when a state and a field name it ("Icelandic Research Fund")
    funding_fields: frozenset[str]
    officer_titles: frozenset[str]      # officers of a body ("FAI director"): an acronym with one names a body
    headline_verbs: frozenset[str]      # a title-case headline's verbs, never words of a name ("... Sign Agreement")
    coordinated_heads: dict[str, str]   # plural head -> singular ("universities of X and Y": University of X, ...)
    lower_case_state_heads: dict[str, str]  # "the Tunisian ministry of higher education" -> Ministry of ...
    state_coordinated_heads: dict[str, str]  # "the Embassies of France and Germany" -> Embassy of France, ...
    visiting_heads: frozenset[str]      # name visitors with a state's adjective alone ("Korean Delegation")

    @classmethod
    def from_data(cls, kinds: dict, non: dict) -> OrgLexicon:
        """From data/org_kinds.yaml and data/non_parties.yaml."""
        head_kinds = {str(word).lower(): kind for kind, words in kinds["heads"].items() for word in words}
        spelling = {spec_form(str(k)): spec_form(str(v)) for k, v in kinds["spelling_variants"].items()}
        return cls(
            head_kinds=head_kinds,
            needs_complement=_words(kinds["needs_complement"]),
            located=_words(kinds["located"]),
            after_comma=_words(kinds["after_comma"]),
            kind_phrases=tuple(
                (re.compile(rf"\b{re.escape(spec_form(phrase))}\b"), kind) for phrase, kind in kinds["kind_phrases"]
            ),
            joint_markers=_words(kinds["joint_markers"]),
            joint_heads=_words(kinds["joint_heads"]),
            spelling=spelling,
            spelling_pattern=re.compile(r"\b(?:" + "|".join(map(re.escape, spelling)) + r")\b"),
            non_party_heads=_words(non["heads"]),
            complement_final=_words(non["complement_final"]),
            generic=_words(non["generic_modifiers"]),
            junk=frozenset(str(v) for v in non["junk"]),
            stop_words=_words(non["stop_words"]),
            ordinals=_words(non["ordinals"]),
            plural_heads=_words(kinds["plural_heads"]),
            head_first=_words(kinds["head_first"]),
            prepositions=_words(kinds["name_prepositions"]),
            articles=_words(kinds["name_articles"]),
            conjunctions=_words(kinds["name_conjunctions"]),
            located_prepositions=_words(kinds["located_prepositions"]),
            field_words=_words(non["field_words"]),
            not_org_words=_words(non["not_org_words"]),
            honorifics=_words(non["honorifics"]),
            seat_in_name=_words(kinds["seat_in_name"]),
            title_complement=_words(kinds["title_complement"]),
            serves_body=_words(kinds["serves_body"]),
            state_words=_words(kinds["state_words"]),
            name_stop_words=_words(kinds["name_stop_words"]),
            lower_case_heads=_words(kinds.get("lower_case_heads", [])) | _words(kinds.get("joint_lower_heads", [])),
            sentence_case_prepositions=_words(kinds.get("sentence_case_prepositions", [])),
            sentence_case_joins=_words(kinds.get("sentence_case_joins", [])),
            sentence_case_conjunctions=_words(kinds.get("sentence_case_conjunctions", [])),
            breadcrumb_separators=frozenset(str(v) for v in non.get("breadcrumb_separators", [])),
            patron_titles=_words(kinds.get("patron_titles", [])),
            patron_particles=_words(kinds.get("patron_particles", [])),
            headline_verbs=_words(non.get("headline_verbs", [])),
            officer_titles=_words(kinds.get("officer_titles", [])),
            funding_heads=_words(non.get("funding_heads", [])),
            epithet_titles=_words(kinds.get("epithet_titles", [])),
            place_particles=_words(kinds.get("place_particles", [])),
            index_labels=_words(non.get("index_labels", [])),
            collective_heads=_words(kinds.get("collective_heads", [])),
            state_prefixes=_words(non.get("state_prefixes", [])),
            joint_lower_heads=_words(kinds.get("joint_lower_heads", [])),
            compound_heads=tuple(sorted(_words(kinds.get("compound_heads", [])), key=len, reverse=True)),
            funding_fields=_words(non.get("funding_fields", [])),
            named_by_field=_words(kinds.get("named_by_field", [])),
            coordinated_heads={str(k).lower(): str(v) for k, v in (kinds.get("coordinated_heads") or {}).items()},
            lower_case_state_heads={str(k).lower(): str(v) for k, v in (kinds.get("lower_case_state_heads") or {}).items()},
            visiting_heads=_words(kinds.get("visiting_heads", [])),
            state_coordinated_heads={str(k).lower(): str(v) for k, v in (kinds.get("state_coordinated_heads") or {}).items()},
        )

    def normalise(self, form: str) -> str:
        """`form` (in `spec_form`) with one spelling for each variant ("organisation", "centre")."""
        return self.spelling_pattern.sub(lambda m: self.spelling[m.group(0)], form)

    def kind_from_phrases(self, name: str) -> str | None:
        form = spec_form(name)
        return next((kind for pattern, kind in self.kind_phrases if pattern.search(form)), None)


def _alternation(forms) -> re.Pattern:
    return re.compile(r"\b(?:" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)) + r")\b")


@dataclass(frozen=True)
class CountryEntry:
    country: str                # canonical short name, as the gold writes a state
    names: tuple[str, ...]
    adjectives: tuple[str, ...]


@dataclass(frozen=True)
class CountryList:
    countries: tuple[CountryEntry, ...]
    regions: tuple[str, ...]

    def state_forms(self) -> frozenset[str]:
        """Every canonical name and name of a state, in `spec_form`."""
        return frozenset(spec_form(form) for entry in self.countries for form in (entry.country, *entry.names))


    @classmethod
    def from_data(cls, data: dict) -> CountryList:
        return cls(
            countries=tuple(
                CountryEntry(str(e["country"]), tuple(map(str, e["names"])), tuple(map(str, e.get("adjectives", []))))
                for e in data["countries"]
            ),
            regions=tuple(map(str, data["regions"])),
        )


@functools.cache
def load_countries(path: str | Path = COUNTRY_FILE) -> CountryList:
    """The country list (data/country_cues.yaml) that parties, agreements and gold checks share."""
    return CountryList.from_data(load_yaml(path))


@dataclass(frozen=True)
class CountryMention:
    start: int
    end: int
    country: str | None     # None for a region ("Asia", "EU")
    is_name: bool           # a name of the state, not an adjective


class Countries:
    """Country names and adjectives; regions are found too, as places without a country."""

    def __init__(self, nlp: Language, data: CountryList):
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        # A name of several words is still the state in another case ("the united states");
        # one word is not ("us", "chad", "turkey").
        self._long_names = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._country_of: dict[str, str | None] = {}
        self._is_name: dict[str, bool] = {}
        canonical_form: dict[str, str] = {}
        cue_forms: set[str] = set()
        for entry in data.countries:
            for form in entry.adjectives:
                self._add(nlp, form, entry.country, is_name=False)
                cue_forms.add(spec_form(form))
            for form in entry.names:
                self._add(nlp, form, entry.country, is_name=True)
                canonical_form[spec_form(form)] = spec_form(entry.country)
                words = form.split()
                if len(words) > 1 and all(word.isalpha() for word in words):
                    self._long_names.add(form, [nlp.make_doc(form)])
            cue_forms.add(spec_form(entry.country))
        for form in data.regions:
            self._add(nlp, form, None, is_name=True)
        # Country names inside organisation names are read as one when merging ("Japan-UK" = "Japan - United Kingdom").
        self._canonical_form = canonical_form
        # "Government of the Republic of Indonesia" and "Government of Indonesia" read alike: a leading "the" goes too.
        self._name_pattern = re.compile(rf"\b(?:the )?({_alternation(canonical_form).pattern})")
        cues = _alternation(cue_forms).pattern
        # "Indian Department of ...", "Department of ... of India", "Department of ... India".
        self._leading = re.compile(rf"^{cues} ")
        self._trailing = re.compile(rf"(?: of(?: the)?)? {cues}$")

    def _add(self, nlp: Language, form: str, country: str | None, is_name: bool) -> None:
        # Pages write "People’s Republic" with a typographic apostrophe as often as with a straight one.
        for spelling in dict.fromkeys((form, form.replace("'", "’"))):
            self._country_of[spelling] = country
            self._is_name[spelling] = is_name
            self.matcher.add(spelling, [nlp.make_doc(spelling)])

    def scan(self, doc: Doc) -> CountryScan:
        """The country mentions of `doc`. The matchers run once per document: the matches are
        kept on the Doc (`doc._.country_matches`), so st_parties and st_agreements share them."""
        if doc._.country_matches is None:
            strings = doc.vocab.strings
            doc._.country_matches = [
                *((start, end, strings[key], False) for key, start, end in self.matcher(doc)),
                *((start, end, strings[key], True) for key, start, end in self._long_names(doc)),
            ]
        return CountryScan(self, doc, doc._.country_matches)

    def find(self, doc: Doc) -> dict[int, CountryMention]:
        return self.scan(doc).by_start

    def is_place(self, text: str) -> bool:
        return text in self._country_of

    def country_of(self, form: str) -> str | None:
        """The state a country name or adjective names; None for a region or an unknown form."""
        return self._country_of.get(form)

    def without_country(self, form: str) -> list[str]:
        """`form` (canonical) without a state named at its start or end, when two words remain."""
        variants = (self._leading.sub("", form), self._trailing.sub("", form))
        return [v for v in variants if v != form and " " in v]

    def canonical_names(self, form: str) -> str:
        """`form` (in `spec_form`) with every country name spelled the canonical way."""
        return self._name_pattern.sub(lambda m: self._canonical_form[m.group(1)], form)


Doc.set_extension("country_matches", default=None, force=True)   # [(start, end, form, any_case)]


class CountryScan:
    """The country matches of one Doc: as mentions by start token, and as states within a stretch."""

    def __init__(self, countries: Countries, doc: Doc, matches: list[tuple[int, int, str, bool]]):
        self.countries = countries
        self.doc = doc
        # exact-case matches before any-case ones of the same start, as the matchers gave them
        self.matches = sorted(matches, key=lambda m: (m[0], m[3]))
        self.starts = [m[0] for m in self.matches]

    @functools.cached_property
    def by_start(self) -> dict[int, CountryMention]:
        """Country and region mentions by start token (longest where they overlap)."""
        exact = sorted((m for m in self.matches if not m[3]), key=lambda m: (m[0], m[0] - m[1]))
        found: dict[int, CountryMention] = {}
        covered = -1
        for start, end, form, _ in exact:
            if start < covered:
                continue
            found[start] = CountryMention(start, end, self.countries._country_of[form], self.countries._is_name[form])
            covered = end
        return found

    def states(self, span: Span) -> list[tuple[Span, str]]:
        """Names of states in `span` with their canonical names; adjectives and regions are
        left out, and a name inside a longer one ("Korea" in "Republic of Korea") too."""
        first, last = bisect.bisect_left(self.starts, span.start), bisect.bisect_left(self.starts, span.end)
        inside = [m for m in self.matches[first:last] if m[1] <= span.end]
        ordered = [m for m in inside if not m[3]] + [m for m in inside if m[3]]
        country_of, is_name = self.countries._country_of, self.countries._is_name
        return [
            (match, country_of[match.label_])
            for match in filter_spans([Span(self.doc, start, end, label=form) for start, end, form, _ in ordered])
            if is_name[match.label_] and country_of[match.label_]
        ]


@dataclass(frozen=True)
class GazetteerEntry:
    name: str
    aliases: tuple[str, ...]
    kind: str
    country: str | None

    @classmethod
    def from_record(cls, record: dict) -> GazetteerEntry:
        """One JSONL line of a gazetteer file: {"name", "aliases", "kind", "country"}."""
        return cls(record["name"], tuple(record.get("aliases", [])), record["kind"], record.get("country"))

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


class Gazetteer:
    """Known organisations from one or more JSONL files ({"name", "aliases", "kind", "country"})."""

    def __init__(self, nlp: Language, files: list[list[dict]], is_acronym):
        self.entries: list[GazetteerEntry] = []
        self.names = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        for records in files:
            for record in records:
                self._add(nlp, record, is_acronym)

    def _add(self, nlp: Language, record: dict, is_acronym) -> None:
        entry = GazetteerEntry.from_record(record)
        key = str(len(self.entries))
        self.entries.append(entry)
        for form in entry.forms:
            pattern = nlp.make_doc(form)
            # One-word names and acronyms must match exactly: "WHO" is not "who", "Wellcome" not "welcome".
            matcher = self.exact if len(pattern) == 1 or is_acronym(form) else self.names
            matcher.add(key, [pattern])
            # The press writes long acronyms as words ("Conicet", "Unesco", "Fapesp"); never a common word ("Might").
            if form.isalpha() and form.isupper() and len(form) >= 5 and form.lower() not in nlp.Defaults.stop_words:
                self.exact.add(key, [nlp.make_doc(form.capitalize())])

    def find(self, doc: Doc) -> dict[tuple[int, int], list[GazetteerEntry]]:
        """Every stretch of `doc` that names a known organisation, with the entries it may name."""
        hits: dict[tuple[int, int], list[GazetteerEntry]] = {}
        for matcher in (self.names, self.exact):
            for match_id, start, end in matcher(doc):
                entry = self.entries[int(doc.vocab.strings[match_id])]
                found = hits.setdefault((start, end), [])
                if entry not in found:
                    found.append(entry)
        return hits
