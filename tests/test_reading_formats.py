"""Documents read as a reader sees them: Markdown, HTML and PDF become plain text (issue 12)."""

from conftest import pdf_of_lines
from pipeline.process import extract_rows
from pipeline.reading import read_document
from pipeline.reading.html import html_text
from pipeline.reading.markdown import markdown_text
from pipeline.reading.pdf import join_lines, pdf_text


RELEASE = {
    "release.txt": (
        "News\n\nThe Japan Science and Technology Agency (JST) and the German Research Foundation (DFG) signed a "
        "Memorandum of Understanding on 8 May 2019 in Tokyo.\n\nMore than 40 joint projects have been funded since then.\n"
    ),
    "release.md": (
        "## News\n\nThe **Japan Science and Technology Agency** (JST) and the [German Research Foundation](https://www.dfg.de/) (DFG) "
        "signed a *Memorandum of Understanding* on 8 May 2019 in Tokyo.\n\n- More than 40 joint projects have been funded since then.\n"
    ),
    "release.html": (
        "<html><body><nav>Home | Press</nav><h2>News</h2><p>The\n<a href='/jst'>Japan Science and Technology Agency</a>\n (<b>JST</b>) and the "
        "<span class=org>German Research Foundation</span> (<abbr>DFG</abbr>) signed a <em>Memorandum of Understanding</em> on "
        "8 May 2019 in <strong>Tokyo</strong>.</p><ul><li>More than 40 joint projects have been funded since then.</li></ul></body></html>"
    ),
}
RELEASE_PDF_LINES = [
    "News",
    "The Japan Science and Technology Agency (JST) and the German Re-",
    "search Foundation (DFG) signed a Memorandum of Understanding on 8",
    "May 2019 in Tokyo.",
    "More than 40 joint projects have been funded since then.",
]


def test_markdown_leaves_no_marks():
    text = markdown_text("# Title\n\n- **9 August 2023**: NUS and [A*STAR](https://a-star.sg) signed an MoU in Singapore\n- the 2<sup>nd</sup> call\n")
    assert text == "Title\n\n9 August 2023: NUS and A*STAR signed an MoU in Singapore\n\nthe 2nd call"


def test_inline_html_never_breaks_a_sentence_and_blocks_do():
    text = html_text("<div>the\n<a>Japan Science and Technology Agency</a>\n (<i>JST</i>) and KAIST</div><p>Second.</p><table><tr><th>MoU</th><td>JST</td></tr><tr><td>LoI</td><td>DFG</td></tr></table>")
    assert text == "the Japan Science and Technology Agency (JST) and KAIST\n\nSecond.\n\nMoU | JST\nLoI | DFG"


def test_pdf_lines_are_joined_into_paragraphs_and_hyphenation_repaired():
    assert pdf_text(pdf_of_lines(RELEASE_PDF_LINES)).strip() == RELEASE["release.txt"].strip()
    lines = ["Heading", "The Brazilian National Council for Scientific", "and Technological Development and the Indo-", "German Centre agreed.", "- a bullet"]
    assert join_lines(lines) == "Heading\n\nThe Brazilian National Council for Scientific and Technological Development and the Indo-German Centre agreed.\n\n- a bullet"


def facts(rows: dict) -> dict:
    return {
        "parties": sorted((r["name"], r["acronym"]) for r in rows["parties"]),
        "dates": sorted((r["text"], r["value"]) for r in rows["dates"]),
        "counts": sorted((r["value"], r["unit"]) for r in rows["counts"]),
        "agreements": sorted((r["type"], r["action"], tuple(sorted(r["parties"])), r["date_value"], r["place"]) for r in rows["agreements"]),
    }


def test_one_release_as_txt_md_html_and_pdf_gives_the_same_facts(tmp_path, nlp):
    for name, text in RELEASE.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "release.pdf").write_bytes(pdf_of_lines(RELEASE_PDF_LINES))
    sources = [read_document(tmp_path / name, name) for name in [*RELEASE, "release.pdf"]]
    assert {source.text for source in sources} == {RELEASE["release.txt"].strip()}
    extracted = [facts(rows) for rows in extract_rows(nlp, sources)]
    assert extracted[0]["agreements"] and extracted[0]["counts"]
    assert all(other == extracted[0] for other in extracted[1:])


def test_a_plain_text_file_loses_the_stray_tags_it_carries(tmp_path):

    path = tmp_path / "copied.txt"
    path.write_text("Under the 3<sup>rd</sup> Basic Plan, the <b>ATLAS</b><sup>1</sup> team grew.\n", encoding="utf-8")
    assert read_document(path, "copied").text == "Under the 3rd Basic Plan, the ATLAS team grew."
