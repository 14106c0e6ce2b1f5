"""Scoring agreements (SPEC 4): detection, then slots as in MUC.

A prediction can pair with a gold event of the same type whose evidence
snippet it overlaps; pairs with the most correct slots are taken first.
Slots are type, action, each party, date and place: TP = correct,
FP = actual - correct, FN = possible - correct.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from pipeline.evaluation.matching import greedy, max_matching, overlaps, span_of, unpaired
from pipeline.gold import Gold, GoldAgreement
from pipeline.text import spec_form

if TYPE_CHECKING:
    from pipeline.evaluation.document import DocumentScoring

Row = dict


@dataclass(frozen=True)
class SlotError:
    slot: str  # type, action, party, date, place
    kind: str  # missed, spurious, wrong
    expected: str | None
    found: str | None


@dataclass
class SlotOutcome:
    """MUC counts of one gold agreement against one prediction of the same type."""

    correct: int = 0
    actual: int = 0
    possible: int = 0
    errors: list[SlotError] = field(default_factory=list)

    @classmethod
    def of(cls, gold: Gold, agreement: GoldAgreement, row: Row) -> SlotOutcome:
        outcome = cls()
        outcome.add("type", agreement.type, row["type"], str.__eq__)
        outcome.add("action", agreement.action, row["action"], str.__eq__)
        outcome.add_parties(gold, agreement, list(row["parties"] or []))
        outcome.add("date", agreement.date, row["date_value"] or None, str.__eq__)
        outcome.add("place", agreement.place, row["place"] or None, lambda a, b: spec_form(a) == spec_form(b))
        return outcome

    def add(self, slot: str, expected: str | None, found: str | None, same: Callable[[str, str], bool]) -> None:
        """A single-valued slot: null on either side is no fill on that side."""
        self.possible += expected is not None
        self.actual += found is not None
        if expected is not None and found is not None and same(expected, found):
            self.correct += 1
        elif expected is not None and found is not None:
            self.errors.append(SlotError(slot, "wrong", expected, found))
        elif expected is not None:
            self.errors.append(SlotError(slot, "missed", expected, None))
        elif found is not None:
            self.errors.append(SlotError(slot, "spurious", None, found))

    def add_parties(self, gold: Gold, agreement: GoldAgreement, found: list[str]) -> None:
        """Each gold party is one possible fill, each predicted party one actual,
        except predicted ones that stand for a `parties_optional` entry."""
        named = list(agreement.parties) + list(agreement.parties_optional)
        forms = [gold.party_forms(party) for party in named]
        edges = {i: [j for j, party in enumerate(found) if spec_form(party) in forms[i]] for i in range(len(named))}
        pairs = max_matching(range(len(named)), edges)
        required = range(len(agreement.parties))
        excused = {j for i, j in pairs.items() if i not in required}
        self.possible += len(agreement.parties)
        self.actual += len(found) - len(excused)
        self.correct += sum(i in pairs for i in required)
        self.errors += [SlotError("party", "missed", named[i], None) for i in required if i not in pairs]
        matched = set(pairs.values())
        self.errors += [SlotError("party", "spurious", None, party) for j, party in enumerate(found) if j not in matched]


def fills(parties, date, place) -> int:
    """Slot fills of an event: type, action, each party, date and place when given."""
    return 2 + len(parties) + (date is not None) + (place is not None)


def describe(type_: str, action: str, parties, date) -> str:
    """An event for reading: `mou signed [DST; JSPS] 2017-01-30` (programs use the error's fields)."""
    return f"{type_} {action} [{'; '.join(parties)}] {date or '-'}"


def score(scoring: DocumentScoring) -> None:
    gold = scoring.gold
    golds, predicted = gold.agreements, scoring.predictions["agreements"]
    spans = [scoring.doc.first(agreement.evidence) for agreement in golds]
    outcomes = {
        (i, j): SlotOutcome.of(gold, agreement, row)
        for i, agreement in enumerate(golds)
        for j, row in enumerate(predicted)
        if agreement.type == row["type"] and overlaps(spans[i], span_of(row))
    }
    pairs = greedy([((-outcome.correct, golds[i].optional), i, j) for (i, j), outcome in outcomes.items()])
    scoring.paired["agreements"] = {index: predicted[j] for index, j in pairs.items()}
    for index, agreement in enumerate(golds):
        if agreement.optional:
            continue
        event = {"event_type": agreement.type, "event_action": agreement.action}
        if index not in pairs:
            scoring.count("agreements_detection", fn=1)
            scoring.count("agreement_slots", fn=fills(agreement.parties, agreement.date, agreement.place))
            expected = describe(agreement.type, agreement.action, agreement.parties, agreement.date)
            scoring.error("agreements", "event", "missed", agreement.evidence, spans[index], expected=expected, **event)
            continue
        outcome = outcomes[index, pairs[index]]
        row = predicted[pairs[index]]
        scoring.count("agreements_detection", tp=1)
        scoring.count(
            "agreement_slots",
            tp=outcome.correct,
            fp=outcome.actual - outcome.correct,
            fn=outcome.possible - outcome.correct,
        )
        for slot in outcome.errors:
            scoring.error(
                "agreements", slot.slot, slot.kind, agreement.evidence, span_of(row),
                expected=slot.expected, found=slot.found, row_id=row["agreement_id"],
                event_type=row["type"], event_action=row["action"],
            )
    for j in unpaired(len(predicted), pairs):
        row = predicted[j]
        parties = list(row["parties"] or [])
        scoring.count("agreements_detection", fp=1)
        scoring.count("agreement_slots", fp=fills(parties, row["date_value"], row["place"]))
        scoring.error(
            "agreements", "event", "spurious", row["evidence"], span_of(row),
            found=describe(row["type"], row["action"], parties, row["date_value"]), row_id=row["agreement_id"],
            event_type=row["type"], event_action=row["action"],
        )
