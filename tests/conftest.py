"""Shared fixtures: the spaCy pipeline (built once per session), input files and gold files."""

import shutil
from pathlib import Path
from textwrap import dedent

import pytest

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"
SEEDS = sorted(CORPUS.glob("0*.txt"))  # the five documents the product started from


@pytest.fixture(scope="session")
def nlp():
    """The full pipeline, loaded once for the whole test run: the one the CLI's local
    engine uses in this process too (`cached_nlp`), so in-process runs do not load it again."""
    from pipeline.process import cached_nlp

    return cached_nlp(None)


@pytest.fixture
def seed_corpus(tmp_path: Path) -> Path:
    """A folder of the seed documents: a real corpus small enough to run often."""
    folder = tmp_path / "seeds"
    folder.mkdir()
    for seed in SEEDS:
        shutil.copy(seed, folder)
    return folder


def minimal_pdf(text: str) -> bytes:
    """A one-page PDF whose text layer holds `text` (Helvetica, no compression)."""
    return _one_page_pdf(f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode())


def pdf_of_lines(lines: list[str]) -> bytes:
    """A one-page PDF printing `lines` one under the other (Helvetica, no compression)."""
    shown = b" T* ".join(b"(" + line.encode("latin-1").replace(b"(", b"\\(").replace(b")", b"\\)") + b") Tj" for line in lines)
    return _one_page_pdf(b"BT /F1 11 Tf 14 TL 72 720 Td " + shown + b" ET")


def _one_page_pdf(content: bytes) -> bytes:
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    return out + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)


# The parties of the hand-written gold files of test_gold and test_evaluate (SPEC 2 format).
GOLD_PARTIES = """\
parties:
  - name: Department of Science and Technology
    aliases: [DST, Department of Science & Technology]
    kind: government
    country: India
  - name: Japan Society for the Promotion of Science
    aliases: [JSPS]
    kind: agency
    country: Japan
    note: a free comment for annotators
"""


def write_gold(gold_dir: Path, doc_id: str, yaml_text: str) -> Path:
    """`yaml_text` as the gold file of `doc_id` below `gold_dir`."""
    path = gold_dir / f"{doc_id}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dedent(yaml_text), encoding="utf-8")
    return path


GOOD_TEXT = "The Japan Science and Technology Agency (JST) and the German Research Foundation (DFG) signed a Memorandum of Understanding on 8 May 2019 in Tokyo. More than 40 joint projects have been funded since then.\n"


@pytest.fixture
def messy_folder(tmp_path: Path) -> Path:
    """A folder of the inputs analysts point the pipeline at without cleaning them."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (folder / "copy_of_good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.md").write_text(" \n\t\n  ", encoding="utf-8")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "latin1.txt").write_bytes("The Universit\xe9 de Paris-Saclay and RIKEN signed a Letter of Intent in March 2018.".encode("latin-1"))
    (folder / "utf16.txt").write_bytes("The CNRS and the University of Tokyo renewed their agreement in 2020.".encode("utf-16"))
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog")
    (folder / "report.pdf").write_bytes(minimal_pdf("NEDO and Innovate UK signed a Memorandum of Cooperation in June 2020."))
    (folder / "page.html").write_text(
        "<html><head><style>body{color:red}</style><script>var agreement = 'signed 1999';</script></head>"
        "<body><nav>Home | About | Contact</nav><h1>News</h1><p>KAIST and the Max Planck Society signed an agreement on 3 April 2017.</p>"
        "<footer>Copyright 2024</footer></body></html>",
        encoding="utf-8",
    )
    (folder / "japanese.txt").write_text("日本学術振興会とインド科学技術省は二〇一五年に覚書を締結した。", encoding="utf-8")
    (folder / "slides.pptx").write_bytes(b"PK\x03\x04 not really a presentation")
    return folder


def agreement_events(nlp, text: str):
    """The agreement events st_agreements reads from `text`."""
    from pipeline.nlp import analyse_text

    return analyse_text(nlp, text)._.agreements


def only_agreement(nlp, text: str):
    """The one agreement event of `text` (fails, listing them, when there are more or none)."""
    found = agreement_events(nlp, text)
    assert len(found) == 1, [(e.type, e.action, e.trigger.text) for e in found]
    return found[0]
