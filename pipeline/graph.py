"""Who cooperates with whom: the bodies of agreements, linked by the agreements between them.

    party_graph(agreements, parties, organisations) -> nx.Graph
        One node per body (org_id of the organisations table) or state named
        in `agreements.parties` across all documents, one edge per pair of
        them that are sides of a same agreement event, weighted by the number
        of such events. Nodes carry name, acronym, country, kind and `label`
        (short name and country, "DFG (Germany)").
    draw_graph(graph, folder) -> (svg path, png path)
    save_figure(figure, folder, name) -> (svg path, png path)   also for the report's other charts
    edge_rows(graph) -> the edges as table rows, heaviest first

A party string is read as the document's own party it names (its name,
acronym or an alias in the `parties` table), and that party as its body
across the corpus (`parties.org_id`, pipeline.corpus): `DST`, `Department of
Science & Technology` in another document and `Department of Science and
Technology` are one node, India's and Vietnam's "Ministry of Science and
Technology" two. A state that is itself a party (`India`) is a node of its own.
"""

from __future__ import annotations

import itertools
import math
import textwrap
from collections.abc import Iterable
from pathlib import Path

import matplotlib
import networkx as nx
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from pipeline.colours import kind_colour
from pipeline.corpus.names import country_of_name, name_key

Row = dict

# Above this many parties the drawing shows the most active ones; edge_rows lists all.
MAX_DRAWN_NODES = 120
MAX_WIDTH_INCHES = 12.0
LABEL_WIDTH = 2.2  # room for a node's label, in units of the layout (about an inch in the drawing)
COUNTRY_KIND = "country"


def _org_forms(parties: Iterable[Row]) -> dict[str, dict[str, str]]:
    """Per document: every name, acronym and alias (as name_key) -> the org_id of its party."""
    forms: dict[str, dict[str, str]] = {}
    for row in parties:
        by_form = forms.setdefault(row["doc_id"], {})
        for form in (row["name"], row["acronym"], *(row.get("aliases") or [])):
            if form:
                by_form.setdefault(name_key(form), row["org_id"])
    return forms


def _node(named: str, org: Row | None) -> tuple[str, dict]:
    """The node a party string stands for: its body, else the state it names, else the string itself."""
    if org is not None:
        short = org["acronym"] or org["name"]
        label = f"{short} ({org['country']})" if org["country"] else short
        return org["org_id"], {"name": org["name"], "acronym": org["acronym"], "country": org["country"], "kind": org["kind"], "label": label}
    country = country_of_name(named)
    if country is not None:
        return country, {"name": country, "acronym": None, "country": country, "kind": COUNTRY_KIND, "label": country}
    return named, {"name": named, "acronym": None, "country": None, "kind": "other", "label": named}


def party_graph(agreements: Iterable[Row], parties: Iterable[Row], organisations: Iterable[Row]) -> nx.Graph:
    forms = _org_forms(parties)
    orgs = {row["org_id"]: row for row in organisations}
    graph = nx.Graph()
    for agreement in agreements:
        doc_forms = forms.get(agreement["doc_id"], {})
        keys = set()
        for named in agreement["parties"] or []:
            if not name_key(named):
                continue
            key, attributes = _node(named, orgs.get(doc_forms.get(name_key(named))))
            if key not in graph:
                graph.add_node(key, **attributes, agreements=0, documents=set(), agreement_ids=[])
            keys.add(key)
        for key in keys:
            graph.nodes[key]["agreements"] += 1
            graph.nodes[key]["documents"].add(agreement["doc_id"])
            graph.nodes[key]["agreement_ids"].append(agreement["agreement_id"])
        for first, second in itertools.combinations(sorted(keys), 2):
            if not graph.has_edge(first, second):
                graph.add_edge(first, second, weight=0, documents=set())
            graph.edges[first, second]["weight"] += 1
            graph.edges[first, second]["documents"].add(agreement["doc_id"])
    return graph


def edge_rows(graph: nx.Graph) -> list[Row]:
    rows = []
    for first, second, data in graph.edges(data=True):
        source, target = sorted((graph.nodes[first]["label"], graph.nodes[second]["label"]))
        rows.append({"source": source, "target": target, "weight": data["weight"], "documents": sorted(data["documents"])})
    return sorted(rows, key=lambda row: (-row["weight"], row["source"], row["target"]))


def drawn_subgraph(graph: nx.Graph) -> nx.Graph:
    """The graph itself, or its MAX_DRAWN_NODES parties in the most agreements."""
    if len(graph) <= MAX_DRAWN_NODES:
        return graph
    ranked = sorted(graph, key=lambda key: (-graph.nodes[key]["agreements"], key))
    return graph.subgraph(ranked[:MAX_DRAWN_NODES])


def packed_layout(graph: nx.Graph) -> tuple[dict[str, tuple[float, float]], float, float]:
    """Positions, width and height: each connected group laid out on its own, packed in rows.

    A single spring layout flings small groups to the edges and crowds the
    large one in the middle. A group of n parties spans about sqrt(n) units
    (a label is about two units wide); rows are filled largest group first,
    to a width that makes the whole about half again as wide as high.
    """
    boxes = []
    for nodes in sorted(nx.connected_components(graph), key=lambda nodes: (-len(nodes), min(nodes))):
        # Fixed seed: the same outputs draw the same picture.
        layout = nx.spring_layout(graph.subgraph(nodes), seed=7, iterations=300, scale=None)
        xs, ys = zip(*layout.values())
        extent = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
        scale = 1.4 * math.sqrt(len(nodes) - 1) / extent
        points = {node: ((x - min(xs)) * scale, (max(ys) - y) * scale) for node, (x, y) in layout.items()}
        width = max(x for x, _ in points.values()) + LABEL_WIDTH
        height = max(y for _, y in points.values()) + 1.0
        boxes.append((points, width, height))
    row_width = max([width for _, width, _ in boxes] + [math.sqrt(1.5 * sum(w * h for _, w, h in boxes))])
    positions: dict[str, tuple[float, float]] = {}
    x = top = row_height = total_width = 0.0
    for points, width, height in boxes:
        if x > 0 and x + width > row_width:
            x, top, row_height = 0.0, top + row_height, 0.0
        for node, (px, py) in points.items():
            positions[node] = (x + LABEL_WIDTH / 2 + px, -(top + 0.5 + py))
        x += width
        total_width = max(total_width, x)
        row_height = max(row_height, height)
    return positions, total_width, top + row_height


def draw_graph(graph: nx.Graph, folder: Path) -> tuple[Path, Path]:
    shown = drawn_subgraph(graph)
    layout, width, height = packed_layout(shown)
    # About an inch per unit of the layout, less when that would be wider than a page.
    inches = min(0.9, MAX_WIDTH_INCHES / width) if width else 0.9
    figure = Figure(figsize=(max(6.0, width * inches + 2.0), max(3.0, height * inches + 0.6)), layout="constrained")
    axes = figure.add_subplot()
    axes.set_axis_off()
    if len(shown) == 0:
        axes.text(0.5, 0.5, "No agreement names its parties", ha="center", va="center", fontsize=14, color="#666")
    else:
        _draw_network(shown, layout, axes)
        title = "Parties linked by the agreements between them"
        if len(shown) < len(graph):
            title += f" (the {len(shown)} most active of {len(graph)} parties)"
        axes.set_title(title)
    return save_figure(figure, folder, "graph")


def _draw_network(graph: nx.Graph, layout: dict, axes) -> None:
    kinds = sorted({kind for _, kind in graph.nodes(data="kind")})
    colour = {kind: kind_colour(kind) for kind in kinds}
    nx.draw_networkx_edges(
        graph, layout, ax=axes, edge_color="#999999", alpha=0.7,
        width=[1.0 + 1.5 * math.log2(weight) for _, _, weight in graph.edges(data="weight")],
    )
    heavy = {(first, second): weight for first, second, weight in graph.edges(data="weight") if weight > 1}
    nx.draw_networkx_edge_labels(graph, layout, edge_labels=heavy, ax=axes, font_size=7, font_color="#555555")
    nx.draw_networkx_nodes(
        graph, layout, ax=axes, alpha=0.9, edgecolors="white",
        node_size=[120 + 80 * count for _, count in graph.nodes(data="agreements")],
        node_color=[colour[kind] for _, kind in graph.nodes(data="kind")],
    )
    labels = {key: textwrap.fill(data["label"], 24) for key, data in graph.nodes(data=True)}
    above = {key: (x, y + 0.22) for key, (x, y) in layout.items()}
    nx.draw_networkx_labels(graph, above, labels=labels, ax=axes, font_size=7, verticalalignment="bottom")
    handles = [Line2D([], [], marker="o", linestyle="", markersize=8, color=colour[kind], label=kind) for kind in kinds]
    axes.legend(handles=handles, title="kind", loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8, frameon=False)
    axes.margins(0.08)


def save_figure(figure: Figure, folder: Path, name: str) -> tuple[Path, Path]:
    """`name`.svg and `name`.png in folder; the SVG carries no date, so re-runs give the same file."""
    svg, png = folder / f"{name}.svg", folder / f"{name}.png"
    with matplotlib.rc_context({"svg.hashsalt": name}):
        figure.savefig(svg, metadata={"Date": None})
    figure.savefig(png, dpi=120)
    return svg, png
