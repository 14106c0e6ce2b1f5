"""st_paragraphs: a blank line ends a sentence, before the parser runs.

Real pages put headlines, datelines, bylines and breadcrumbs on lines of their own,
with no final full stop. Left to itself the parser runs such a line into the
paragraph under it ("Denmark and Vietnam extend ... to 2026 <blank> 03.10.22 <blank>
Denmark and Vietnam today extended ..."), so the body's subject hangs from the
headline's verb. The parser keeps sentence starts set before it.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("st_paragraphs")
def mark_paragraph_starts(doc: Doc) -> Doc:
    for token in doc[:-1]:
        if token.is_space and token.text.count("\n") >= 2:
            start = token.i + 1
            doc[start].is_sent_start = True
            # left free, the parser may end a sentence after its first word ("Norway | and
            # Peru signed ...") where the paragraph opens with the headline's words again
            if start + 1 < len(doc) and doc[start].is_alpha and not doc[start + 1].is_space:
                doc[start + 1].is_sent_start = False
    return doc
