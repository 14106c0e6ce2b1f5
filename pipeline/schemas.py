"""The output tables of SPEC section 1, each defined once as a pyarrow schema.

Every writer, reader and test takes its columns from here. Columns beyond the
SPEC's are additions (allowed by the contract) and are marked as such.
"""

import pyarrow as pa

from pipeline import vocabulary

_OFFSETS = [
    pa.field("start_char", pa.int64(), nullable=False),
    pa.field("end_char", pa.int64(), nullable=False),
    pa.field("text", pa.string(), nullable=False),
]

DOCUMENTS = pa.schema(
    [
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("source_path", pa.string(), nullable=False),
        pa.field("sha256", pa.string(), nullable=False),
        pa.field("status", pa.string(), nullable=False),  # CLOSED_COLUMNS
        pa.field("error", pa.string()),
        pa.field("n_chars", pa.int64(), nullable=False),
        pa.field("language", pa.string(), nullable=False),
        pa.field("text", pa.string(), nullable=False),
        pa.field("pipeline_version", pa.string(), nullable=False),
        pa.field("model", pa.string(), nullable=False),
        # additions
        pa.field("format", pa.string(), nullable=False),  # txt, md, html, pdf, ...
    ]
)

ENTITIES = pa.schema(
    [pa.field("doc_id", pa.string(), nullable=False)]
    + _OFFSETS
    + [
        pa.field("label", pa.string(), nullable=False),
        pa.field("source", pa.string(), nullable=False),  # CLOSED_COLUMNS
        pa.field("canonical", pa.string()),
    ]
)

PARTIES = pa.schema(
    [
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("party_id", pa.string(), nullable=False),
        pa.field("name", pa.string(), nullable=False),
        pa.field("acronym", pa.string()),
        pa.field("kind", pa.string(), nullable=False),
        pa.field("country", pa.string()),
        pa.field("n_mentions", pa.int64(), nullable=False),
        # additions
        pa.field("aliases", pa.list_(pa.string()), nullable=False),
        pa.field("org_id", pa.string()),  # the body across the corpus: organisations.org_id
    ]
)

DATES = pa.schema(
    [pa.field("doc_id", pa.string(), nullable=False)]
    + _OFFSETS
    + [
        pa.field("value", pa.string(), nullable=False),
        pa.field("granularity", pa.string(), nullable=False),
        pa.field("start_date", pa.date32()),
        pa.field("end_date", pa.date32()),
        pa.field("from_context", pa.bool_(), nullable=False),
    ]
)

COUNTS = pa.schema(
    [pa.field("doc_id", pa.string(), nullable=False)]
    + _OFFSETS
    + [
        pa.field("value", pa.float64(), nullable=False),
        pa.field("qualifier", pa.string(), nullable=False),
        pa.field("unit", pa.string(), nullable=False),
        pa.field("kind", pa.string(), nullable=False),
    ]
)

AGREEMENTS = pa.schema(
    [
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("agreement_id", pa.string(), nullable=False),
        pa.field("type", pa.string(), nullable=False),
        pa.field("action", pa.string(), nullable=False),
        pa.field("title", pa.string()),
        pa.field("parties", pa.list_(pa.string()), nullable=False),
        pa.field("date_value", pa.string()),
        pa.field("date_text", pa.string()),
        pa.field("place", pa.string()),
        pa.field("valid_until", pa.string()),
        pa.field("evidence", pa.string(), nullable=False),
        pa.field("start_char", pa.int64(), nullable=False),
        pa.field("end_char", pa.int64(), nullable=False),
        # additions
        pa.field("instrument_id", pa.string()),  # the instrument across the corpus: instruments.instrument_id
        # the mention refers to an instrument older than another of the same sides ("under the earlier text")
        pa.field("points_to_earlier", pa.bool_()),
    ]
)

# Written in this order; `documents` last so that a reader never sees a
# document marked done whose rows are missing.
TABLES: dict[str, pa.Schema] = {
    "entities": ENTITIES,
    "parties": PARTIES,
    "dates": DATES,
    "counts": COUNTS,
    "agreements": AGREEMENTS,
    "documents": DOCUMENTS,
}
# The tables whose rows come from an analysed Doc (every table but `documents`).
EXTRACTED_TABLES = tuple(name for name in TABLES if name != "documents")
# The tables the gold annotations judge (SPEC 4).
SCORED_TABLES = ("parties", "dates", "counts", "agreements")

# Corpus tables: one row per distinct body and per distinct instrument,
# derived from the parties and agreements of the whole run (pipeline/corpus/)
# and published together with the tables above. They carry no doc_id.

ORGANISATIONS = pa.schema(
    [
        pa.field("org_id", pa.string(), nullable=False),  # from the canonical name and country, never row order
        pa.field("name", pa.string(), nullable=False),
        pa.field("acronym", pa.string()),
        pa.field("aliases", pa.list_(pa.string()), nullable=False),  # every other form the corpus uses
        pa.field("kind", pa.string(), nullable=False),
        pa.field("country", pa.string()),
        pa.field("n_documents", pa.int64(), nullable=False),
        pa.field("n_mentions", pa.int64(), nullable=False),
    ]
)

INSTRUMENTS = pa.schema(
    [
        pa.field("instrument_id", pa.string(), nullable=False),  # from type family, sides and first date, never row order
        pa.field("type", pa.string(), nullable=False),  # SPEC 3.4 type
        pa.field("title", pa.string()),
        pa.field("sides", pa.list_(pa.string()), nullable=False),  # org_ids, or country names for states
        pa.field("side_names", pa.list_(pa.string()), nullable=False),  # the same sides as names, for reading
        pa.field("first_signed", pa.string()),  # SPEC 3.2 value of the earliest signing or adoption
        pa.field("latest_action", pa.string()),  # signed, adopted, renewed or extended
        pa.field("latest_action_date", pa.string()),
        pa.field("valid_until", pa.string()),
        pa.field("n_events", pa.int64(), nullable=False),
        pa.field("n_documents", pa.int64(), nullable=False),
    ]
)

CORPUS_TABLES: dict[str, pa.Schema] = {
    "organisations": ORGANISATIONS,
    "instruments": INSTRUMENTS,
}

# Every table a run publishes, as one set: what readers (pipeline.outputs) open.
PUBLISHED_TABLES: dict[str, pa.Schema] = {**TABLES, **CORPUS_TABLES}

# Columns that take one of the SPEC's closed value lists: table -> column -> values.
CLOSED_COLUMNS: dict[str, dict[str, tuple[str, ...]]] = {
    "documents": {"status": vocabulary.DOCUMENT_STATUSES},
    "entities": {"source": vocabulary.ENTITY_SOURCES},
    "parties": {"kind": vocabulary.PARTY_KINDS},
    "dates": {"granularity": vocabulary.DATE_GRANULARITIES},
    "counts": {"qualifier": vocabulary.COUNT_QUALIFIERS, "kind": vocabulary.COUNT_KINDS},
    "agreements": {"type": vocabulary.AGREEMENT_TYPES, "action": vocabulary.AGREEMENT_ACTIONS},
    "organisations": {"kind": vocabulary.PARTY_KINDS},
    "instruments": {"type": vocabulary.AGREEMENT_TYPES, "latest_action": vocabulary.AGREEMENT_ACTIONS},
}

# Evaluation results (`pipeline eval`, SPEC section 4), written to
# outputs/eval/; not part of a run's TABLES.

# One row per metric and scope: the micro-averaged total, each subset of
# documents (the doc_id's first folder, `seeds` for top-level ones), each
# document.
EVAL_SCORES = pa.schema(
    [
        pa.field("level", pa.string(), nullable=False),  # total, subset, document
        pa.field("subset", pa.string()),  # null on the total
        pa.field("doc_id", pa.string()),  # set on document rows only
        pa.field("metric", pa.string(), nullable=False),
        pa.field("tp", pa.int64(), nullable=False),
        pa.field("fp", pa.int64(), nullable=False),
        pa.field("fn", pa.int64(), nullable=False),
        pa.field("precision", pa.float64(), nullable=False),
        pa.field("recall", pa.float64(), nullable=False),
        pa.field("f1", pa.float64(), nullable=False),
    ]
)

# One row per scoring error (pipeline.evaluation.records.EvalError): a gold
# item missed, a prediction spurious, or a matched pair with a wrong value,
# unit or agreement slot.
EVAL_ERRORS = pa.schema(
    [
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("subset", pa.string(), nullable=False),
        pa.field("table", pa.string(), nullable=False),  # parties, dates, counts, agreements; organisations, instruments (identity)
        pa.field("field", pa.string(), nullable=False),  # what was compared: party, text, value, unit, event, type, action, date, place
        pa.field("kind", pa.string(), nullable=False),  # missed, spurious, wrong; split, merged (identity)
        pa.field("text", pa.string(), nullable=False),  # the gold or predicted surface text (evidence for agreements)
        pa.field("expected", pa.string()),  # the gold fill, null when spurious
        pa.field("found", pa.string()),  # the predicted fill, null when missed
        pa.field("start_char", pa.int64()),  # of the prediction, else of the located gold text
        pa.field("end_char", pa.int64()),
        pa.field("row_id", pa.string()),  # party_id or agreement_id of the predicted row concerned
        pa.field("event_type", pa.string()),  # agreements: type and action of the event concerned
        pa.field("event_action", pa.string()),
    ]
)
