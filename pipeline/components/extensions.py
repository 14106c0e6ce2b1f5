"""Doc and Span extensions stored as plain data and read as typed objects.

What the components leave on a Doc must survive `Doc.to_bytes`, `DocBin` and
`nlp.pipe(n_process=...)`: so each result is stored as plain data (ids, token offsets,
strings, numbers) under `<name>_record`, and `<name>` reads and writes it as the record
type the code works with (`Span._.date` a DateValue, `Doc._.agreements` Agreements with
their Spans). pipeline/tables.py reads the plain records.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.tokens import Doc, Span


def plain_extension(
    owner: type[Doc] | type[Span],
    name: str,
    to_plain: Callable[[Any], Any],
    from_plain: Callable[[Any, Doc | Span], Any],
) -> None:
    stored = f"{name}_record"
    owner.set_extension(stored, default=None, force=True)

    def read(obj):
        record = getattr(obj._, stored)
        return None if record is None else from_plain(record, obj)

    def write(obj, value) -> None:
        setattr(obj._, stored, None if value is None else to_plain(value))

    owner.set_extension(name, getter=read, setter=write, force=True)
