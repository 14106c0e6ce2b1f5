"""Gold annotations (SPEC section 2): loading, validating, finding them in the text.

    load_gold(path) -> Gold                       one annotations/<doc_id>.yaml file (loading)
    load_gold_dir(gold_dir) -> dict[str, Gold]    every *.yaml below gold_dir, by doc_id
    validate_gold(gold, text) -> [GoldProblem]    empty when the file is sound (validation)

The modules: `records` (the Gold dataclasses), `loading`, `validation`
(with `countries()`, the states a party may name), `locating` (`DocText`,
whitespace-insensitive search mapped back to offsets, and
`locate_occurrences`: the k-th entry with a given text is its k-th
occurrence) and `date_values` (the SPEC 3.2 value formats), which scoring
shares.
"""

from pipeline.gold.date_values import date_granularity
from pipeline.gold.loading import GoldFormatError, doc_id_of, gold_files, load_gold, load_gold_dir
from pipeline.gold.locating import DocText, collapse, locate_occurrences
from pipeline.gold.records import Gold, GoldAgreement, GoldCount, GoldDate, GoldParty
from pipeline.gold.validation import GoldProblem, countries, validate_gold

__all__ = [
    "DocText", "Gold", "GoldAgreement", "GoldCount", "GoldDate", "GoldFormatError", "GoldParty", "GoldProblem",
    "collapse", "countries", "date_granularity", "doc_id_of", "gold_files", "load_gold", "load_gold_dir",
    "locate_occurrences", "validate_gold",
]
