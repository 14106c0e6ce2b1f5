"""Loading gold files: structural faults raise GoldFormatError naming the file.

Scalars load as strings except true/false/null, so quotes stay verbatim
(`text: 2.50`) and ISO dates stay text (`value: 2017-01-30`); an item may
carry a free `note:` for the annotator; a count without `qualifier` is `exact`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import yaml

from pipeline.gold.records import Gold, GoldAgreement, GoldCount, GoldDate, GoldParty


class GoldFormatError(ValueError):
    """A gold file that cannot be read as SPEC section 2 describes."""


class _GoldLoader(yaml.SafeLoader):
    """Every scalar is a string except true/false and null."""


_GoldLoader.yaml_implicit_resolvers = {}
_GoldLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
_GoldLoader.add_implicit_resolver("tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])


class _Item:
    """One YAML mapping read field by field, for precise error messages."""

    def __init__(self, data: object, where: str, allowed: set[str]):
        if not isinstance(data, dict):
            raise GoldFormatError(f"{where}: expected a mapping, got {type(data).__name__}")
        unknown = set(data) - allowed - {"note"}
        if unknown:
            raise GoldFormatError(f"{where}: unknown key(s) {sorted(map(str, unknown))}")
        self.data, self.where = data, where

    def text(self, key: str, required: bool = True) -> str | None:
        value = self.data.get(key)
        if value is not None and not isinstance(value, str):
            raise GoldFormatError(f"{self.where}: `{key}` must be a single value, got {value!r}")
        if value is None or not value.strip():
            if required:
                raise GoldFormatError(f"{self.where}: `{key}` is required")
            return None
        return value.strip()

    def texts(self, key: str) -> tuple[str, ...]:
        values = self.data.get(key) or []
        if not isinstance(values, list) or not all(isinstance(value, str) for value in values):
            raise GoldFormatError(f"{self.where}: `{key}` must be a list of strings")
        return tuple(value.strip() for value in values)

    def flag(self, key: str) -> bool | None:
        value = self.data.get(key)
        if value is not None and not isinstance(value, bool):
            raise GoldFormatError(f"{self.where}: `{key}` must be true or false")
        return value

    def items(self, key: str) -> list:
        values = self.data.get(key) or []
        if not isinstance(values, list):
            raise GoldFormatError(f"{self.where}: `{key}` must be a list")
        return values


def _number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def load_gold(path: str | Path) -> Gold:
    path = Path(path)
    try:
        with path.open(encoding="utf-8") as stream:
            data = yaml.load(stream, Loader=_GoldLoader)  # noqa: S506  (a safe loader)
    except yaml.YAMLError as problem:
        mark = getattr(problem, "problem_mark", None)
        where = f"{path}, line {mark.line + 1}" if mark is not None else str(path)
        raise GoldFormatError(f"{where}: not valid YAML ({getattr(problem, 'problem', None) or problem})") from None
    except UnicodeDecodeError as problem:
        raise GoldFormatError(f"{path}: not UTF-8 (byte {problem.start})") from None
    top = _Item(data, str(path), {"doc_id", "parties", "dates", "counts", "agreements"})

    def each(key: str, allowed: set[str]) -> Iterator[_Item]:
        for index, item in enumerate(top.items(key)):
            yield _Item(item, f"{path}: {key}[{index}]", allowed | {"optional"})

    parties = tuple(
        GoldParty(
            name=item.text("name"),
            aliases=item.texts("aliases"),
            kind=item.text("kind"),
            country=item.text("country", required=False),
            optional=bool(item.flag("optional")),
        )
        for item in each("parties", {"name", "aliases", "kind", "country"})
    )
    dates = tuple(
        GoldDate(
            text=item.text("text"),
            value=item.text("value"),
            granularity=item.text("granularity", required=False),
            from_context=item.flag("from_context"),
            optional=bool(item.flag("optional")),
        )
        for item in each("dates", {"text", "value", "granularity", "from_context"})
    )
    counts = tuple(
        GoldCount(
            text=item.text("text"),
            value=_number(item.text("value")),
            raw_value=item.text("value"),
            unit=item.text("unit"),
            kind=item.text("kind"),
            qualifier=item.text("qualifier", required=False) or "exact",
            optional=bool(item.flag("optional")),
        )
        for item in each("counts", {"text", "value", "unit", "kind", "qualifier"})
    )
    agreements = tuple(
        GoldAgreement(
            evidence=item.text("evidence"),
            type=item.text("type"),
            action=item.text("action"),
            parties=item.texts("parties"),
            parties_optional=item.texts("parties_optional"),
            date=item.text("date", required=False),
            place=item.text("place", required=False),
            valid_until=item.text("valid_until", required=False),
            title=item.text("title", required=False),
            optional=bool(item.flag("optional")),
        )
        for item in each(
            "agreements",
            {"evidence", "type", "action", "parties", "parties_optional", "date", "place", "valid_until", "title"},
        )
    )
    return Gold(top.text("doc_id"), parties, dates, counts, agreements, path)


# annotations/identity.yaml says which gold items of different documents are one body or instrument (pipeline.gold.identity).
NOT_DOCUMENT_GOLD = ("identity.yaml",)


def gold_files(gold_dir: str | Path) -> list[Path]:
    return sorted(path for path in Path(gold_dir).rglob("*.yaml") if path.name not in NOT_DOCUMENT_GOLD)


def doc_id_of(path: Path, gold_dir: str | Path) -> str:
    """`annotations/dev/x.yaml` -> `dev/x`: the doc_id the file's place implies."""
    return path.relative_to(gold_dir).with_suffix("").as_posix()


def load_gold_dir(gold_dir: str | Path) -> dict[str, Gold]:
    """Every gold file below `gold_dir`, by doc_id; its `doc_id` must match its path.

    A missing folder, or one without gold files, is an error: scoring against
    no gold would report perfect scores."""
    if not Path(gold_dir).is_dir():
        raise GoldFormatError(f"{gold_dir}: no such gold annotations folder")
    paths = gold_files(gold_dir)
    if not paths:
        raise GoldFormatError(f"{gold_dir}: no gold files (<doc_id>.yaml) in this folder")
    golds = {}
    for path in paths:
        gold = load_gold(path)
        if gold.doc_id != doc_id_of(path, gold_dir):
            raise GoldFormatError(f"{path}: doc_id {gold.doc_id!r} does not match the file's place")
        golds[gold.doc_id] = gold
    return golds
