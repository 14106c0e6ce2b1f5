"""Property tests: arbitrary text never breaks cleaning or any extractor."""

import pyarrow as pa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.nlp import analyse_text
from pipeline.reading import clean_text
from pipeline.schemas import TABLES
from pipeline.tables import doc_rows

# Words that wake every component up, mixed with arbitrary characters.
DOMAIN_WORDS = [
    "MoU", "Memorandum of Understanding", "signed", "renewed", "extended", "between", "and", "with",
    "Ministry of Science and Technology", "(JSPS)", "JST", "Agency", "University", "in", "on", "since",
    "January", "8th", "December", "2006", "FY", "2019", "1960s", "2012-2017", "March 24-25, 2011",
    "more than", "about", "250", "1,500", "836.5 million", "U.S. dollars", "%", "Eighteen", "thrice",
    "projects", "researchers", "Figure", "2-3-22", ",", ".", "\n\n", "(", ")", "-", "$", "¥", "€",
]
texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(st.sampled_from(DOMAIN_WORDS), st.text(max_size=6)), max_size=60).map(" ".join),
)


@given(texts)
def test_cleaning_never_raises_and_is_idempotent(text):
    cleaned = clean_text(text)
    assert clean_text(cleaned) == cleaned


@settings(max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_extractors_never_raise_and_rows_fit_the_schemas(nlp, text):
    text = clean_text(text)
    rows = doc_rows(analyse_text(nlp, text), "doc")
    for table, table_rows in rows.items():
        pa.Table.from_pylist(table_rows, schema=TABLES[table])  # raises on a wrong type or a missing value
        for row in table_rows:
            if "start_char" not in row:  # parties: one row per organisation, not per mention
                continue
            assert 0 <= row["start_char"] <= row["end_char"] <= len(text)
            surface = row["evidence"] if table == "agreements" else row["text"]
            assert text[row["start_char"] : row["end_char"]] == surface
