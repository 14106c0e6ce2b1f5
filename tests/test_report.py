"""The analysts' views: the HTML report (checked in headless Chromium), the graph, `pipeline show`."""

import re
import subprocess
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.graph import edge_rows, party_graph
from pipeline.colours import ENTITY_COLOURS as COLOURS
from pipeline.schemas import TABLES
from pipeline.writing import table_path

CHROMIUM = Path("/usr/bin/chromium")
# No network, no profile, no background services: the report must work from disk alone.
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]

DOCUMENTS = {
    "jst_dfg.txt": (
        "Tokyo, 8 May 2019 - The Japan Science and Technology Agency (JST) and the German Research Foundation (DFG) "
        "signed a Memorandum of Understanding on joint research in Tokyo.\n\n"
        "Under the memorandum, JST and DFG will fund more than 40 joint projects over five years. "
        "Since 2015 the two agencies have held 12 workshops. The agencies recently opened a joint office in Bonn.\n"
    ),
    "csiro_nrf.txt": (
        "CSIRO and the National Research Foundation of Korea (NRF) signed a Letter of Intent on marine science "
        "in March 2016 in Canberra.\n\nAbout 25 Australian and Korean researchers took part in exchange visits "
        "in 2017, with a budget of AUD 2 million.\n"
    ),
    "tum_utokyo.txt": (
        "The Technical University of Munich (TUM) and the University of Tokyo renewed their cooperation agreement "
        "on 14 October 2021 for a further five years. The two universities have exchanged 120 students since 2010.\n"
    ),
}

# Deliberately partial, so the page has something to mark: it leaves out the
# date 2015 and the count 12 (the extracted ones are false alarms) and lists
# "recently", which SPEC 3.2 says is no date, so no sound extraction finds it
# (a miss).
GOLD = """\
doc_id: jst_dfg
parties:
  - name: Japan Science and Technology Agency
    aliases: [JST]
    kind: agency
    country: Japan
  - name: German Research Foundation
    aliases: [DFG]
    kind: agency
    country: Germany
dates:
  - text: 8 May 2019
    value: 2019-05-08
  - text: recently
    value: "2019"
counts:
  - text: more than 40
    value: 40
    unit: joint project
    kind: count
    qualifier: more_than
agreements:
  - evidence: signed a Memorandum of Understanding on joint research
    type: mou
    action: signed
    parties: [JST, DFG]
    date: 2019-05-08
    place: Tokyo
"""


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    """The pipeline run over the small corpus, then the report with the gold file."""
    root = tmp_path_factory.mktemp("report")
    corpus, out, gold = root / "corpus", root / "outputs", root / "annotations"
    corpus.mkdir()
    gold.mkdir()
    for name, text in DOCUMENTS.items():
        (corpus / name).write_text(text, encoding="utf-8")
    (gold / "jst_dfg.yaml").write_text(GOLD, encoding="utf-8")
    result = CliRunner().invoke(app, ["run", str(corpus), "--out", str(out)])
    assert result.exit_code == 0, result.output
    result = CliRunner().invoke(app, ["report", "--outputs", str(out), "--gold", str(gold)])
    assert result.exit_code == 0, result.output
    return out


def browser(profile: Path, *arguments: str) -> str:
    """Chromium's stdout; fails (never skips) without the browser: CI installs it."""
    if not CHROMIUM.exists():
        pytest.fail("no /usr/bin/chromium: run tests/install_chromium.sh as root (Debian package chromium)")
    result = subprocess.run(
        [str(CHROMIUM), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *arguments],
        capture_output=True, text=True, timeout=180,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def dump_dom(page: Path, profile: Path) -> str:
    return browser(profile, "--virtual-time-budget=5000", "--dump-dom", page.as_uri())


def marks(dom: str, label: str) -> list[str]:
    """The texts that displaCy marked with `label`."""
    pattern = rf'<mark class="entity[^"]*" data-label="{re.escape(label)}"[^>]*>\s*(.*?)\s*<span'
    return re.findall(pattern, dom, flags=re.S)


def test_the_report_files_are_written(run):
    report = run / "report"
    for name in ("index.html", "graph.svg", "graph.png"):
        assert (report / name).stat().st_size > 1000, name
    pages = sorted(path.name for path in (report / "docs").iterdir())
    assert pages == ["csiro_nrf.html", "jst_dfg.html", "tum_utokyo.html"]


def test_the_report_needs_no_network(run):
    for page in [run / "report" / "index.html", *(run / "report" / "docs").iterdir()]:
        html = page.read_text(encoding="utf-8")
        assert not re.search(r'(src|href)="(https?:)?//', html), page.name


def test_index_in_the_browser_shows_counts_charts_and_agreements(run, tmp_path):
    dom = dump_dom(run / "report" / "index.html", tmp_path / "profile")
    rows = {name: pq.read_metadata(table_path(run, name)).num_rows for name in TABLES}
    for name, n in rows.items():
        assert re.search(rf'<td>{name}</td><td class="num">{n}</td>', dom), name
    assert re.search(r'<svg id="timeline-chart"', dom) and dom.count('class="timeline-bar"') >= 3
    assert re.search(r'<svg id="party-graph"', dom)
    table = dom.split('id="agreements-table"')[1].split("</table>")[0]
    assert table.count("<tr") == 1 + rows["agreements"]  # the header and one row per agreement
    assert "CSIRO; National Research Foundation of Korea" in table
    assert 'href="docs/csiro_nrf.html#agreement-1"' in table


def probe(run: Path, tmp_path: Path, name: str, script: str) -> str:
    """The index's DOM after `script` ran on load (in a copy of the page, beside it)."""
    page = run / "report" / f"probe_{name}.html"
    index = (run / "report" / "index.html").read_text(encoding="utf-8")
    page.write_text(index.replace("</body>", f"<script>addEventListener('load', () => {{ {script} }});</script></body>"), encoding="utf-8")
    try:
        return dump_dom(page, tmp_path / "profile")
    finally:
        page.unlink()


def shown_rows(dom: str) -> list[str]:
    table = dom.split('id="agreements-table"')[1].split("</table>")[0]
    return [row for row in re.findall(r"<tr id=\"event-\d+\"[^>]*>", table) if "hidden" not in row]


def test_the_graph_draws_every_party_and_a_filter_hides_the_others(run, tmp_path):
    dom = probe(run, tmp_path, "graph", "")
    n_nodes = dom.count('<g class="node')
    assert n_nodes >= 4 and re.search(rf'<svg id="party-graph"[^>]*data-shown="{n_nodes}"', dom)
    kinds = re.findall(r'<g class="node[^"]*"[^>]*data-kind="([a-z]+)"', dom)
    kind = "agency" if "agency" in kinds else kinds[0]
    dom = probe(run, tmp_path, "graph_filter", f"const s = document.getElementById('graph-kind'); s.value = '{kind}'; s.dispatchEvent(new Event('change'));")
    visible = re.findall(r'<g class="node(?![^"]*hidden)[^"]*"[^>]*data-kind="([a-z]+)"', dom)
    assert set(visible) == {kind} and len(visible) == kinds.count(kind) < n_nodes
    assert re.search(rf'<svg id="party-graph"[^>]*data-shown="{len(visible)}"', dom)
    # Labels that would overlap are hidden, never drawn on top of each other.
    assert "label-hidden" in dom or n_nodes < 6


def test_the_search_narrows_the_agreements_table(run, tmp_path):
    everything = shown_rows(probe(run, tmp_path, "all", ""))
    dom = probe(run, tmp_path, "search", "const s = document.getElementById('agreements-search'); s.value = 'Canberra'; s.dispatchEvent(new Event('input'));")
    found = shown_rows(dom)
    assert 1 <= len(found) < len(everything)
    assert re.search(r'id="agreements-shown"[^>]*>%d of %d shown' % (len(found), len(everything)), dom)


def test_a_timeline_bar_picks_its_events_in_the_table(run, tmp_path):
    dom = probe(run, tmp_path, "bar", "document.querySelector('.timeline-bar').dispatchEvent(new MouseEvent('click', {bubbles: true}));")
    events = re.search(r'<a href="#agreements" class="timeline-bar" data-events="([^"]+)"', dom).group(1).split()
    assert sorted(re.search(r'id="(event-\d+)"', row).group(1) for row in shown_rows(dom)) == sorted(events)


def test_clicking_a_header_sorts_the_agreements(run, tmp_path):
    index = (run / "report" / "index.html").read_text(encoding="utf-8")
    assert "table.sortable th" in index and "localeCompare" in index
    dates = {}
    for clicks in (1, 2):
        probe = run / "report" / f"probe_sort_{clicks}.html"
        script = "<script>for (let i = 0; i < %d; i++) document.querySelector('#agreements-table th:nth-child(4)').click();</script></body>" % clicks
        probe.write_text(index.replace("</body>", script), encoding="utf-8")
        dom = dump_dom(probe, tmp_path / "profile")
        probe.unlink()
        table = dom.split('id="agreements-table"')[1].split("</table>")[0]
        dates[clicks] = re.findall(r"<td>(\d{4}[\d-]*)</td>", table)
    assert len(set(dates[1])) >= 3
    assert dates[1] == sorted(dates[1])
    assert dates[2] == sorted(dates[2], reverse=True)


def test_document_page_highlights_extractions_and_gold_checks(run, tmp_path):
    dom = dump_dom(run / "report" / "docs" / "jst_dfg.html", tmp_path / "profile")
    assert f'data-label="PARTY" title="Japan Science and Technology Agency" style="background: {COLOURS["PARTY"]}' in dom
    assert {"Japan Science and Technology Agency", "JST", "DFG"} <= set(marks(dom, "PARTY"))
    assert "8 May 2019" in marks(dom, "DATE")
    assert f'style="background: {COLOURS["DATE"]}' in dom
    assert "more than 40" in marks(dom, "COUNT")
    assert f'style="background: {COLOURS["COUNT"]}' in dom
    # The date the gold leaves out is a false alarm; the one it adds is marked missed.
    assert marks(dom, "DATE ✗") == ["2015"]
    assert "12" in marks(dom, "COUNT ✗")
    assert marks(dom, "MISSED DATE") == ["recently"]
    # The signing sentence is highlighted with its tag linking to its row.
    evidence = re.search(r'<span class="evidence[^"]*">(.*?)<a class="evidence-tag" href="#agreement-1"[^>]*>mou · signed</a>', dom, re.S)
    assert evidence and "Memorandum of Understanding" in evidence.group(1)
    assert '<tr id="agreement-1">' in dom
    # The gold file has no event in the second sentence.
    assert re.search(r'<a class="evidence-tag false-alarm" href="#agreement-2"[^>]*>mou · referenced ✗</a>', dom)
    assert '<tr id="agreement-2" class="false-alarm">' in dom
    assert re.search(r"<td>dates</td>\s*<td>text</td>\s*<td>missed</td>\s*<td>recently</td>", dom)


def test_screenshots_are_not_blank(run, tmp_path):
    for page in (run / "report" / "index.html", run / "report" / "docs" / "jst_dfg.html"):
        png = tmp_path / f"{page.stem}.png"
        browser(tmp_path / "profile", "--hide-scrollbars", f"--screenshot={png}", "--window-size=1200,900", page.as_uri())
        assert png.stat().st_size > 40_000, page.name


def test_the_report_asks_for_a_run_first(tmp_path):
    result = CliRunner().invoke(app, ["report", "--outputs", str(tmp_path)])
    assert result.exit_code == 2
    assert "make run" in result.output


def test_show_prints_a_documents_extractions(run):
    result = CliRunner().invoke(app, ["show", "csiro_nrf", "--outputs", str(run)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    for expected in ("National Research Foundation of Korea", "March 2016", "2016-03", "AUD", "loi", "Canberra"):
        assert expected in result.output


def test_show_refuses_an_unknown_document(run):
    result = CliRunner().invoke(app, ["show", "csiro_nfr", "--outputs", str(run)], env={"COLUMNS": "200"})
    assert result.exit_code == 2
    assert "No document 'csiro_nfr'" in result.output and "csiro_nrf" in result.output


def test_show_and_the_report_link_an_agreement_to_its_instruments_timeline(run):
    result = CliRunner().invoke(app, ["show", "jst_dfg", "--outputs", str(run)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    [instrument_id] = {row["instrument_id"] for row in pq.read_table(run / "agreements.parquet", filters=[("doc_id", "=", "jst_dfg")]).to_pylist()}
    assert f"{instrument_id}: mou between" in result.output and "jst_dfg (this document)" in result.output
    index = (run / "report" / "index.html").read_text(encoding="utf-8")
    assert f'<a href="#{instrument_id}">' in index and f'<tr id="{instrument_id}">' in index


def test_instruments_in_force_on_a_day(run):
    def listed(day):
        result = CliRunner().invoke(app, ["instruments", "--in-force-on", day, "--outputs", str(run)], env={"COLUMNS": "250"})
        assert result.exit_code == 0, result.output
        return result.output

    assert "2019-05-08" in listed("2020-01-01") and "2016-03" in listed("2020-01-01")
    assert "2019-05-08" not in listed("2019-05-07") and "2016-03" in listed("2019-05-07")
    assert "Invalid value" in CliRunner().invoke(app, ["instruments", "--in-force-on", "May 2019", "--outputs", str(run)]).output


def test_instruments_between_two_states_or_with_a_body(run):
    def listed(*sides):
        arguments = [part for side in sides for part in ("--side", side)]
        result = CliRunner().invoke(app, ["instruments", *arguments, "--outputs", str(run)], env={"COLUMNS": "250"})
        assert result.exit_code == 0, result.output
        return result.output

    assert "2019-05-08" in listed("Japan", "Germany") and "2016-03" not in listed("Japan", "Germany")
    assert "2019-05-08" in listed("DFG") and "2016-03" in listed("South Korea")


def test_the_graph_has_one_node_per_body_across_documents_and_weighs_links():
    parties = [
        {"doc_id": "a", "name": "Japan Science and Technology Agency", "acronym": "JST", "aliases": [], "org_id": "org-jst"},
        {"doc_id": "a", "name": "German Research Foundation", "acronym": "DFG", "aliases": ["Deutsche Forschungsgemeinschaft"], "org_id": "org-dfg"},
        {"doc_id": "b", "name": "JST", "acronym": "JST", "aliases": [], "org_id": "org-jst"},
        {"doc_id": "b", "name": "Ministry of Science and Technology", "acronym": None, "aliases": [], "org_id": "org-most-vn"},
        {"doc_id": "c", "name": "Ministry of Science and Technology", "acronym": None, "aliases": [], "org_id": "org-most-in"},
    ]
    organisations = [
        {"org_id": "org-jst", "name": "Japan Science and Technology Agency", "acronym": "JST", "country": "Japan", "kind": "agency"},
        {"org_id": "org-dfg", "name": "Deutsche Forschungsgemeinschaft", "acronym": "DFG", "country": "Germany", "kind": "agency"},
        {"org_id": "org-most-vn", "name": "Ministry of Science and Technology", "acronym": None, "country": "Vietnam", "kind": "government"},
        {"org_id": "org-most-in", "name": "Ministry of Science and Technology", "acronym": None, "country": "India", "kind": "government"},
    ]
    agreements = [
        {"doc_id": "a", "agreement_id": "g0", "parties": ["JST", "Deutsche Forschungsgemeinschaft"]},
        {"doc_id": "a", "agreement_id": "g1", "parties": ["Japan Science and Technology Agency", "DFG", "Germany"]},
        {"doc_id": "b", "agreement_id": "g2", "parties": ["JST", "France", "Ministry of Science and Technology"]},
        {"doc_id": "c", "agreement_id": "g3", "parties": ["Ministry of Science and Technology", "Japan"]},
    ]
    graph = party_graph(agreements, parties, organisations)
    assert sorted(label for _, label in graph.nodes(data="label")) == [
        "DFG (Germany)", "France", "Germany", "JST (Japan)", "Japan",
        "Ministry of Science and Technology (India)", "Ministry of Science and Technology (Vietnam)",
    ]
    assert graph.nodes["Germany"]["kind"] == "country"
    assert graph.nodes["org-jst"]["agreements"] == 3 and graph.nodes["org-jst"]["documents"] == {"a", "b"}
    rows = edge_rows(graph)
    assert rows[0] == {"source": "DFG (Germany)", "target": "JST (Japan)", "weight": 2, "documents": ["a"]}
    assert len(rows) == 7


def test_a_wholly_missed_event_is_marked_even_inside_an_extracted_sentence():
    """The legend promises a red MISSED tag for every gold event not extracted, also where highlights would overlap."""
    from types import SimpleNamespace

    from pipeline.report_document import DocumentChecks, Evidence, _missed_evidence

    def missed(start, end):
        return SimpleNamespace(table="agreements", kind="missed", start_char=start, end_char=end, event_type="mou", event_action="renewed", expected="mou renewed [A, B] 2020")

    extracted = [Evidence(10, 60)]
    alone = _missed_evidence(DocumentChecks([], [missed(20, 40), missed(100, 120)]), extracted)
    assert [tag.text for tag in extracted[0].tags] == ["MISSED mou · renewed"] and extracted[0].tags[0].classes == "missed"
    assert [(evidence.start, evidence.end, evidence.classes) for evidence in alone] == [(100, 120, "missed")]
