"""How values read in the analysts' views (`pipeline report`, `pipeline show`).

Kept apart from the report so that `show` loads no plotting library.
"""

from __future__ import annotations

Row = dict

# Signs for COUNT_QUALIFIERS (pipeline.vocabulary).
QUALIFIER_SIGNS = {"exact": "", "approx": "~", "more_than": ">", "at_least": "≥", "less_than": "<", "up_to": "≤"}


def number_text(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def count_detail(row: Row) -> str:
    """`>250 joint project`: a count's qualifier, value and unit in brief."""
    return f"{QUALIFIER_SIGNS.get(row['qualifier'], row['qualifier'])}{number_text(row['value'])} {row['unit']}"
