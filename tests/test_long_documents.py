"""Cost linear in document length, bounded memory, no events from word salad (issue 13).

The full bounds (5 MB on one line within 2x the per-character time of
100 kB, a 3 MB document in at most 1.5 GB) take minutes: `make bench`
measures them. These tests keep the same properties on smaller inputs.
"""

import cProfile
import pstats
import random

from pipeline.nlp import BATCH_CHARS, analyse, analyse_text

from conftest import GOOD_TEXT

SENTENCES = [
    "The Japan Science and Technology Agency (JST) and the German Research Foundation (DFG) signed a Memorandum of Understanding on 8 May 2019 in Tokyo.",
    "More than 40 joint projects have been funded since then, with 12 workshops held in Berlin, Seoul and Paris.",
    "The agreement between KAIST and the Max Planck Society was renewed in 2021 in Munich for another five years.",
    "Researchers from Brazil, India and Canada visited the laboratories of the National Research Foundation in Singapore.",
    # two days in order: st_dates asks whether each such pair of neighbours is one range
    "The first call closed on 3 June 2020 and the second on 15 September 2021.",
]


def one_line(n_chars: int) -> str:
    rng = random.Random(13)
    parts, total = [], 0
    while total < n_chars:
        parts.append(rng.choice(SENTENCES))
        total += len(parts[-1]) + 1
    return " ".join(parts)


def calls_by_function(nlp, text: str) -> dict[tuple, int]:
    """Python and Cython function calls while analysing `text`, by function: a cost measure
    that, unlike a timing, does not depend on the machine or its load (the guide keeps timings
    in `make bench`)."""
    profile = cProfile.Profile()
    profile.enable()
    [(doc, _)] = list(analyse(nlp, [(text, None)]))
    profile.disable()
    assert not isinstance(doc, Exception) and doc._.agreements
    return {function: calls for function, (_, calls, *_) in pstats.Stats(profile).stats.items()}


def test_a_single_line_text_costs_the_same_per_character_at_four_times_the_length(nlp):
    calls_by_function(nlp, one_line(2_000))  # warm-up: lazy loading is not the text's cost
    # both longer than one piece for the model (chunk_chars), so that joining pieces is in both
    short_text, long_text = one_line(20_000), one_line(80_000)
    short, long = calls_by_function(nlp, short_text), calls_by_function(nlp, long_text)
    growth = len(long_text) / len(short_text)
    assert sum(long.values()) / len(long_text) <= 1.5 * sum(short.values()) / len(short_text)
    # Each function on its own too: a lookup that scans every instrument told so far (a list's
    # `in` calling each one's __eq__) is quadratic, yet too small a share of all calls at 80 kB
    # to move the total, while it decides the cost at 5 MB (quadratic: 16x the calls here).
    # Functions called often enough that the sample's mix of sentences does not decide their count.
    faster = {
        f"{path}:{line}({name})": (calls, long.get((path, line, name), 0))
        for (path, line, name), calls in short.items()
        if calls >= 50 and long.get((path, line, name), 0) > 2 * growth * calls
    }
    assert not faster, f"calls growing faster than the text ({growth:.0f}x): {faster}"


def test_the_model_never_sees_more_than_a_bounded_batch_of_text(nlp, monkeypatch):
    batches = []
    original = type(nlp).pipe

    def recording(self, texts, **kwargs):
        if kwargs.get("as_tuples"):  # spaCy calls itself again on the bare texts
            texts = list(texts)
            batches.append(sum(len(text) for text, _ in texts))
        return original(self, texts, **kwargs)

    monkeypatch.setattr(type(nlp), "pipe", recording)
    chunk_chars = nlp.meta["st_chunk_chars"]
    texts = [(GOOD_TEXT, i) for i in range(12)] + [(one_line(3 * chunk_chars), "long")] + [(GOOD_TEXT, "last")]
    assert [context for _, context in analyse(nlp, texts)] == [context for _, context in texts]
    assert batches and max(batches) <= BATCH_CHARS
    # short texts go through together, not one by one
    assert len(batches) < len(texts) and sum(batches) == sum(len(text) for text, _ in texts)


def test_word_salad_yields_no_agreements(nlp):
    words = " ".join(SENTENCES * 5).split()
    rng = random.Random(7)
    salad = " ".join(rng.choice(words) for _ in range(3000))
    [(doc, _)] = list(analyse(nlp, [(salad, None)]))
    assert doc._.agreements == []
    [(prose, _)] = list(analyse(nlp, [(" ".join(SENTENCES * 10), None)]))
    assert prose._.agreements  # the same words in their order do give events


def test_lookups_by_bisection_give_what_a_scan_of_the_document_gives(nlp):
    """The per-mention lookups that made one long line quadratic (a scan of every head word,
    every key, every country of the document per mention) now bisect; same answers."""
    from pipeline.components.party_groups import starting_with

    doc = analyse_text(nlp, " ".join(SENTENCES) + " The Ministry of Education and the University of Tokyo met the Korea Institute of Science and Technology.")
    extractor = nlp.get_pipe("st_parties").extractor
    names = extractor.grammar.analyse(doc, extractor.countries.find(doc), set())
    assert len(names.heads) >= 5
    for start in range(len(doc)):
        for end in range(start, min(len(doc), start + 30) + 1):
            scanned = [h for h in names.heads if start <= h.start and h.end <= end]
            assert names.heads_within(start, end) == scanned
    keys = sorted(["ben-gurion university", "ben-gurion university of the negev", "ben-gurion", "benin", "kyoto university", "ben-gurion university of"])
    for prefix in ["ben-gurion university of ", "ben-gurion ", "kyoto", "zzz", "", "ben"]:
        assert starting_with(keys, prefix) == [k for k in keys if k.startswith(prefix)]


def test_the_units_of_mentions_on_one_long_line_copy_no_line_per_mention(nlp, monkeypatch):
    """Whether a mention stands in a table row was asked of its whole line, copied and its
    bars counted for each mention: on one long line, a copy of the document per mention."""
    from pipeline.components.agreements import index

    copied = []
    original = index.line_at
    monkeypatch.setattr(index, "line_at", lambda text, char: copied.append(len(original(text, char))) or original(text, char))
    text = one_line(20_000)
    [(doc, _)] = list(analyse(nlp, [(text, None)]))
    assert len(doc._.agreements) > 20
    assert sum(copied) <= len(text)
