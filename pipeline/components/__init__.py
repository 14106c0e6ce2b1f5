"""Registered spaCy components that add the project's extractions to a Doc.

Importing this package registers the factories; `pipeline.nlp` adds them to
the pipeline with the settings in `pipeline/pipeline.cfg`. They run in this
order, each reading what the earlier ones left on the Doc:

    st_paragraphs  sentence starts at blank lines (runs before the model's parser)
    st_parties     doc._.parties, doc.spans["parties"]  (Span._.party_id)
                   doc._.country_matches (the country pass st_agreements reuses)
    st_dates       doc.spans["dates"]                   (Span._.date)
    st_counts      doc.spans["counts"]                  (Span._.count)
    st_agreements  doc._.agreements, doc.spans["agreement_triggers"]

Each result is stored as plain data (`<name>_record`: ids, token offsets, strings,
numbers) and read through a typed view of the same name (extensions.py), so Docs go
through DocBin and nlp.pipe(n_process=...). Data files are read by `initialize` and
saved with the pipeline (rule_component.py).

Shared rooms: layout.py (lines, rows and column headers of plain-text tables),
org_lexicon.py (organisation words, the country list and its per-document pass).
"""

from pipeline.components import agreements, counts, dates, paragraphs, parties  # noqa: F401
