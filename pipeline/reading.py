"""Reading input files into cleaned text, one `SourceDocument` per file.

Nothing here raises for a bad file: every problem becomes a document with
status `empty` or `error` and a message, so that each input gets its row.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

# Gold annotations kept beside the documents they annotate: not documents themselves.
ANNOTATION_SUFFIXES = (".yaml", ".yml")

SUPPORTED_FORMATS = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".pdf": "pdf"}

# Markup that carries no document text.
_HTML_NOISE_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "svg", "template", "iframe")

_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\u200b]")
_TRAILING_SPACE = re.compile(r"[ \t]+\n")
_MANY_BLANK_LINES = re.compile(r"\n{3,}")
# Below this many words a text's function words say nothing of its language.
SHORTEST_TELLING_TEXT = 60
_ENGLISH_FUNCTION_WORDS = frozenset("the of and to in a is that for on with as by was are be this from at an".split())


@dataclass
class SourceDocument:
    doc_id: str
    source_path: str
    sha256: str
    format: str
    status: str  # ok, empty, error
    error: str | None
    text: str
    language: str


def discover(paths: Iterable[Path]) -> list[tuple[Path, str]]:
    """Every file under the given files and folders with its doc_id, sorted by doc_id.

    A doc_id is the path relative to the folder given, without extension;
    where two files would share one, both keep their extension, and where
    they still clash (same names under two folders given), the folder's name
    goes in front. A file reached twice is listed once. Gold annotation files
    (YAML) in a folder are left out, so gold can sit beside its documents.
    """
    found: list[tuple[Path, Path]] = []
    seen: set[Path] = set()
    for path in paths:
        path = Path(path)
        if path.is_dir():
            files = [(f, path) for f in sorted(path.rglob("*")) if not f.is_dir() and not _hidden(f, path) and f.suffix.lower() not in ANNOTATION_SUFFIXES]
        else:
            files = [(path, path.parent)]
        for file, root in files:
            if file.absolute() not in seen:
                seen.add(file.absolute())
                found.append((file, root))
    ids = _unique_ids(found, lambda f, root: _relative(f, root).with_suffix("").as_posix())
    ids = _unique_ids(found, lambda f, root: ids[f] if ids[f] else _relative(f, root).as_posix())
    ids = _unique_ids(found, lambda f, root: ids[f] or f"{root.absolute().name}/{_relative(f, root).as_posix()}")
    return sorted(((f, ids[f] or str(f)) for f, _ in found), key=lambda pair: pair[1])


def _unique_ids(found: list[tuple[Path, Path]], naming) -> dict[Path, str | None]:
    """`naming` for each file, or None where two files would share the name."""
    names = {f: naming(f, root) for f, root in found}
    shared = Counter(names.values())
    return {f: name if shared[name] == 1 else None for f, name in names.items()}


def _relative(file: Path, root: Path) -> Path:
    return file.relative_to(root) if file.is_relative_to(root) else Path(file.name)


def _hidden(file: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in _relative(file, root).parts)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_document(path: Path, doc_id: str) -> SourceDocument:
    fmt = SUPPORTED_FORMATS.get(path.suffix.lower(), path.suffix.lower().lstrip(".") or "none")
    doc = SourceDocument(doc_id, str(path), "", fmt, "ok", None, "", "und")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return _failed(doc, f"cannot read file: {exc.strerror or exc}")
    doc.sha256 = hashlib.sha256(raw).hexdigest()
    if path.suffix.lower() not in SUPPORTED_FORMATS:
        return _failed(doc, f"unsupported file type '{path.suffix or '(none)'}': skipped (supported: {', '.join(sorted(SUPPORTED_FORMATS))})")
    try:
        if fmt == "pdf":
            text = pdf_text(raw)
        else:
            text = decode(raw)
            if fmt == "html":
                text = html_text(text)
    except ValueError as exc:
        return _failed(doc, str(exc))
    doc.text = clean_text(text)
    if not doc.text.strip():
        doc.status, doc.error = "empty", "no text" if raw.strip() else "file is empty or whitespace only"
        doc.text = ""
        return doc
    doc.language = guess_language(doc.text)
    if doc.language != "en":
        return _failed(doc, f"no English text (script looks like '{doc.language}'): not analysed", keep_text=True)
    return doc


def _failed(doc: SourceDocument, message: str, keep_text: bool = False) -> SourceDocument:
    doc.status, doc.error = "error", message
    if not keep_text:
        doc.text = ""
    return doc


def decode(raw: bytes) -> str:
    """Bytes to str: BOMs honoured, UTF-8 tried, then Windows-1252; binary refused."""
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if raw.startswith(bom):
            return raw.decode(codec, errors="replace")
    if b"\x00" in raw[:4096]:
        raise ValueError("binary content (NUL bytes) in a text file: not analysed")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def html_text(markup: str) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup, "html.parser")
    for tag in soup(_HTML_NOISE_TAGS):
        tag.decompose()
    return soup.get_text("\n")


def pdf_text(raw: bytes) -> str:
    import io

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(raw))
        return "\n\n".join(page.extract_text() or "" for page in reader.pages)
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise ValueError(f"unreadable PDF: {exc}") from exc


def clean_text(text: str) -> str:
    """The text that is analysed: NFC, Unix newlines, no control characters."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _CONTROL_CHARS.sub("", text.replace("\xa0", " "))
    return _MANY_BLANK_LINES.sub("\n\n", _TRAILING_SPACE.sub("\n", text)).strip()


def guess_language(text: str) -> str:
    """'en' for English text; otherwise the dominant non-Latin script, or 'und'.

    Enough to keep non-English documents away from an English model; the
    corpus is English with stray headers in other scripts.
    """
    sample = text[:20000]
    letters = [c for c in sample if c.isalpha()]
    if not letters:
        return "und"
    latin = sum(c < "\u0250" for c in letters)
    if latin / len(letters) >= 0.5:
        words = re.findall(r"[a-z]+", sample.lower())
        # Too short to tell (a fact sheet, a table): Latin script is taken as English.
        if len(words) < SHORTEST_TELLING_TEXT or sum(w in _ENGLISH_FUNCTION_WORDS for w in words) / len(words) >= 0.05:
            return "en"
        return "und"
    scripts = Counter(_script(c) for c in letters if c >= "\u0250")
    # Japanese mixes kana with CJK ideographs; any real share of kana decides it.
    if scripts["ja"] >= 0.1 * sum(scripts.values()):
        return "ja"
    return scripts.most_common(1)[0][0]


def _script(char: str) -> str:
    name = unicodedata.name(char, "")
    for marker, code in (("HIRAGANA", "ja"), ("KATAKANA", "ja"), ("CJK", "zh"), ("HANGUL", "ko"), ("CYRILLIC", "ru"), ("ARABIC", "ar"), ("DEVANAGARI", "hi"), ("THAI", "th"), ("GREEK", "el"), ("HEBREW", "he")):
        if marker in name:
            return code
    return "und"
