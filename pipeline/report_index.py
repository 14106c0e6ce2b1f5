"""The data behind the report index's interactive parts, drawn in the browser by explore.js.

    timeline(agreements) -> bars per year and action, each with the anchors of its events
    graph_data(graph, agreements) -> nodes (positions, kind, country, their agreements) and edges

Nodes come from pipeline.graph.party_graph, whatever its node key is (an
org_id, or a state's name): the browser never needs to know what a key means.
Positions are the packed layout of pipeline.graph, computed here once so the
same outputs always draw the same picture.
"""

from __future__ import annotations

import re
from collections import defaultdict

import networkx as nx

from pipeline.colours import ACTION_COLOURS, KIND_COLOURS, action_colour, kind_colour
from pipeline.graph import packed_layout
from pipeline.vocabulary import AGREEMENT_ACTIONS

Row = dict
_YEAR = re.compile(r"\d{4}")
# Layout units to SVG user units: a label of about twenty characters fits in one unit.
SCALE = 120


def timeline(agreements: list[Row]) -> dict:
    """Stacked bars of agreement events per year of their date, by action; each bar knows its events."""
    events: dict[tuple[int, str], list[str]] = defaultdict(list)
    for row in agreements:
        year = _YEAR.search(row["date_value"] or "")
        if year:
            events[int(year.group()), row["action"]].append(row["anchor_id"])
    if not events:
        return {"years": [], "bars": [], "n_dated": 0, "n_undated": len(agreements), "actions": []}
    years = list(range(min(year for year, _ in events), max(year for year, _ in events) + 1))
    present = {action for _, action in events}
    actions = [a for a in AGREEMENT_ACTIONS if a in present] + sorted(present - set(AGREEMENT_ACTIONS))
    highest = max(sum(len(events.get((year, action), [])) for action in actions) for year in years)
    bars = []
    for index, year in enumerate(years):
        below = 0
        for action in actions:
            ids = events.get((year, action), [])
            if ids:
                bars.append({"year": year, "action": action, "n": len(ids), "events": ids, "column": index, "below": below, "colour": action_colour(action)})
                below += len(ids)
    n_dated = sum(len(ids) for ids in events.values())
    return {
        "years": years, "bars": bars, "highest": highest, "n_dated": n_dated, "n_undated": len(agreements) - n_dated,
        "actions": [(action, ACTION_COLOURS.get(action, action_colour(action))) for action in actions],
    }


def graph_data(graph: nx.Graph, agreements: list[Row]) -> dict:
    """What explore.js draws: nodes with their position and agreements, edges with their weight."""
    by_id = {row["agreement_id"]: row for row in agreements}
    layout, width, height = packed_layout(graph) if len(graph) else ({}, 0.0, 0.0)
    nodes = []
    for key, data in sorted(graph.nodes(data=True), key=lambda item: -item[1]["agreements"]):
        x, y = layout[key]
        nodes.append({
            "id": key, "label": data["label"], "name": data["name"], "kind": data["kind"] or "other",
            "country": data["country"] or "", "colour": kind_colour(data["kind"]),
            "x": round(x * SCALE, 1), "y": round(-y * SCALE, 1), "n": data["agreements"],
            "agreements": [_agreement_line(by_id[i]) for i in data["agreement_ids"] if i in by_id],
        })
    edges = [{"source": first, "target": second, "weight": weight} for first, second, weight in graph.edges(data="weight")]
    kinds = sorted({node["kind"] for node in nodes}, key=lambda kind: list(KIND_COLOURS).index(kind) if kind in KIND_COLOURS else len(KIND_COLOURS))
    return {
        "nodes": nodes, "edges": edges, "width": round(width * SCALE, 1), "height": round(height * SCALE, 1),
        "kinds": [(kind, kind_colour(kind)) for kind in kinds],
        "countries": sorted({node["country"] for node in nodes if node["country"]}),
    }


def _agreement_line(row: Row) -> dict:
    text = f"{row['type']} {row['action']} {row['date_value'] or 'undated'}: {'; '.join(row['parties'])}"
    return {"text": text, "href": row["href"]}
