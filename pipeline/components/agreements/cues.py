"""The words st_agreements reads around an instrument mention (data/agreement_cues.yaml)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Token


def _phrases(items: list[str]) -> list[tuple[str, ...]]:
    return [tuple(item.lower().split()) for item in items]


@dataclass(frozen=True)
class AgreementCues:
    actions: dict[str, str]                     # governing lemma (and preposition) -> action
    actions_by_type: dict[str, dict[str, str]]  # the same, for one instrument type
    basis_cues: list[tuple[str, ...]]           # "under", "in the framework of": the instrument is the basis
    validity_cues: list[tuple[str, ...]]        # "valid until": the date ends the validity
    same_occasion: re.Pattern                   # "on the same occasion": date and place of the event before
    back_references: dict[str, int]             # "two", "both", "they": how many sides a subject stands for
    naming_back_references: frozenset[str]      # "the two governments": parties named as governments
    description_nouns: frozenset[str]           # "with the Dutch university": the university named before
    table_actions: dict[str, str]               # a table cell's or header's word -> action
    frame_nouns: frozenset[str]
    parent_heads: frozenset[str]
    frequency_words: frozenset[str]
    dateline_words: dict[str, int]              # "yesterday" -> days after the dateline
    weekdays: dict[str, int]                    # "tuesday" -> 1 (Monday 0)
    generic_types: dict[str, list[str]]         # type -> the types its anaphors may refer to
    generic_instrument_types: frozenset[str]    # "agreement": a word for instruments of any kind
    attached_types: frozenset[str]              # "protocol": an instrument added to another
    anaphoric_determiners: frozenset[str]
    anaphor_nouns: dict[str, list[str]]         # "text" -> the types it may refer to ([]: any)
    idioms: list[tuple[str, ...]]               # "in agreement with": no instrument
    older_words: frozenset[str]                 # "the first agreement": not the one just told
    newer_words: frozenset[str]                 # "the new programme": the newest of its sides
    earlier_determiners: frozenset[str]         # "under that programme": the older one just told
    place_prepositions: frozenset[str]
    visit_nouns: frozenset[str]
    title_prepositions: frozenset[str]
    side_prepositions: frozenset[str]
    meeting_verbs: frozenset[tuple[str, ...]]
    meeting_nouns: frozenset[str]               # "the Protocol of the 7th session": the meeting's record
    pronoun_subjects: frozenset[str]
    pronoun_actions: frozenset[str]
    intention_verbs: frozenset[str]
    future_modals: frozenset[str]
    committee_types: frozenset[str]
    delegation_nouns: frozenset[str]
    government_heads: frozenset[str]
    force_verbs: frozenset[str]
    again_words: frozenset[str]                 # "renewed in 2015 and again in 2018": a second action
    state_back_references: frozenset[str]       # "the two governments": states named before
    occasion_nouns: frozenset[str]              # "The signing took place in ...": the action told before
    occasion_nouns_of_meetings: frozenset[str]  # "during the workshop": a meeting the action took place at
    margin_nouns: frozenset[str]                # "on the margins of the Meeting"
    inclusion_verbs: frozenset[str]             # "agreements signed ... included a memorandum"
    inclusion_prepositions: frozenset[str]      # "signed documents with ..., including a 2019 agreement"
    part_nouns: frozenset[str]                  # "under Article 5 of the Agreement"
    attribute_nouns: frozenset[str]             # "extended the validity of the MoU": an action on the MoU
    dateline_non_places: frozenset[str]         # "NOTE:", "UPDATE -": capitals opening a paragraph, no place
    relative_subjects: frozenset[str]           # "X, which signed ...": X is the subject
    holding_verbs: frozenset[str]               # "X has an agreement with Y": X is a side
    listing_words: frozenset[str]               # "agreements with ..., including one with Y"
    signatory_titles: frozenset[str]            # "the Rector of X and the President of Y signed"
    state_bodies: frozenset[str]                # "the two Ministries of Health": two states
    state_instrument_words: frozenset[str]      # "the intergovernmental agreement": between states

    @classmethod
    def from_data(cls, cues: dict) -> AgreementCues:
        return cls(
            actions=cues["actions"],
            actions_by_type=cues["actions_by_type"],
            basis_cues=_phrases(cues["basis_cues"]),
            validity_cues=_phrases(cues["validity_cues"]),
            same_occasion=re.compile(r"\b(?:" + "|".join(map(re.escape, cues["same_occasion_cues"])) + r")\b", re.I),
            back_references=cues["back_references"],
            naming_back_references=frozenset(cues["naming_back_references"]),
            description_nouns=frozenset(cues["description_nouns"]),
            table_actions=cues["table_actions"],
            frame_nouns=frozenset(cues["frame_nouns"]),
            parent_heads=frozenset(cues["parent_heads"]),
            frequency_words=frozenset(cues["frequency_words"]),
            dateline_words=cues["dateline_words"],
            weekdays={day.lower(): n for n, days in enumerate(cues["weekdays"]) for day in days},
            generic_types=cues["generic_types"],
            generic_instrument_types=frozenset(cues["generic_instrument_types"]),
            attached_types=frozenset(cues["attached_types"]),
            anaphoric_determiners=frozenset(cues["anaphoric_determiners"]),
            anaphor_nouns=cues["anaphor_nouns"],
            idioms=_phrases(cues["idioms"]),
            older_words=frozenset(cues["older_words"]),
            newer_words=frozenset(cues["newer_words"]),
            earlier_determiners=frozenset(cues["earlier_determiners"]),
            place_prepositions=frozenset(cues["place_prepositions"]),
            visit_nouns=frozenset(cues["visit_nouns"]),
            title_prepositions=frozenset(cues["title_prepositions"]),
            side_prepositions=frozenset(cues["side_prepositions"]),
            meeting_verbs=frozenset(tuple(v.split()) for v in cues["meeting_verbs"]),
            meeting_nouns=frozenset(cues["meeting_nouns"]),
            pronoun_subjects=frozenset(cues["pronoun_subjects"]),
            pronoun_actions=frozenset(cues["pronoun_actions"]),
            intention_verbs=frozenset(cues["intention_verbs"]),
            future_modals=frozenset(cues["future_modals"]),
            committee_types=frozenset(cues["committee_types"]),
            delegation_nouns=frozenset(cues["delegation_nouns"]),
            government_heads=frozenset(cues["government_heads"]),
            force_verbs=frozenset(cues["force_verbs"]),
            again_words=frozenset(cues["again_words"]),
            state_back_references=frozenset(cues["state_back_references"]),
            occasion_nouns=frozenset(cues["occasion_nouns"]),
            attribute_nouns=frozenset(cues["attribute_nouns"]),
            part_nouns=frozenset(cues["part_nouns"]),
            inclusion_verbs=frozenset(cues["inclusion_verbs"]),
            inclusion_prepositions=frozenset(cues["inclusion_prepositions"]),
            occasion_nouns_of_meetings=frozenset(cues["occasion_nouns_of_meetings"]),
            margin_nouns=frozenset(cues["margin_nouns"]),
            dateline_non_places=frozenset(w.lower() for w in cues["dateline_non_places"]),
            relative_subjects=frozenset(cues["relative_subjects"]),
            holding_verbs=frozenset(cues["holding_verbs"]),
            listing_words=frozenset(cues["listing_words"]),
            signatory_titles=frozenset(cues["signatory_titles"]),
            state_bodies=frozenset(cues["state_bodies"]),
            state_instrument_words=frozenset(cues["state_instrument_words"]),
        )

    def action(self, head: Token, preposition: str | None, type_: str) -> str | None:
        """The action a governing word gives ("signed", "the signing of"); None if it gives none."""
        key = f"{head.lemma_.lower()} {preposition}" if preposition else head.lemma_.lower()
        return self.actions_by_type.get(type_, {}).get(key) or self.actions.get(key)

