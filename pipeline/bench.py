"""`make bench`: the pipeline's cost measured against bare spaCy, in one run.

Builds benchmark corpora from the sentences of corpus/ (shuffled into new
documents with a fixed seed, so runs compare), then prints:
- documents/s and words/s of the full pipeline (read, analyse, extract,
  write Parquet) and of bare `nlp.pipe` with the same spaCy model over the
  same texts, and their ratio, with 1 and with 2 processes;
- peak memory of a full run over 1x and 10x the corpus, and their ratio;
- the time of one long document against one four times as long.
Every figure is a ratio against a baseline measured in the same run.
"""

from __future__ import annotations

import json
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import typer

from pipeline.nlp import build_nlp, project_component_names
from pipeline.reading import discover, read_document

SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n{2,}")


def sentences_of(corpus: Path) -> list[str]:
    found = []
    for path, doc_id in discover([corpus]):
        doc = read_document(path, doc_id)
        found += [s.strip() for s in SENTENCE_END.split(doc.text) if len(s.split()) >= 4]
    return found


def build_corpus(sentences: list[str], n_chars: int, folder: Path, seed: int = 13, sentences_per_doc: int = 40) -> list[str]:
    """Documents of shuffled sentences totalling about `n_chars`, written to `folder`."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    texts, total = [], 0
    while total < n_chars:
        picked = rng.sample(sentences, min(sentences_per_doc, len(sentences)))
        text = "\n\n".join(" ".join(picked[i : i + 4]) for i in range(0, len(picked), 4))
        (folder / f"bench_{len(texts):05}.txt").write_text(text, encoding="utf-8")
        texts.append(text)
        total += len(text)
    return texts


def time_bare(texts: list[str], n_process: int) -> float:
    nlp = build_nlp()
    with nlp.select_pipes(disable=project_component_names(nlp)):
        start = time.perf_counter()
        for _ in nlp.pipe(texts, n_process=n_process, batch_size=32):
            pass
    return time.perf_counter() - start


def time_full(folder: Path, workers: int) -> tuple[float, int]:
    """Seconds and peak RSS (KiB) of a full run, in a process of its own."""
    with tempfile.TemporaryDirectory() as out:
        code = (
            "import json, resource, time; from pipeline.runner import run; from pipeline.process import cached_nlp;"
            "cached_nlp(None); t = time.perf_counter();"
            f"run([{str(folder)!r}], {out!r}, workers={workers}, incremental=False);"
            "print(json.dumps([time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss]))"
        )
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        seconds, peak = json.loads(result.stdout.strip().splitlines()[-1])
        return seconds, peak


def main(
    corpus: Path = typer.Option(Path("corpus"), help="Where the benchmark sentences come from."),
    scale: float = typer.Option(5.0, help="Size of the throughput corpus, in multiples of corpus/."),
    work: Path = typer.Option(Path(".bench"), help="Scratch folder for the benchmark corpora."),
) -> None:
    sentences = sentences_of(corpus)
    base_chars = sum(len(read_document(p, d).text) for p, d in discover([corpus]))
    throughput_dir = work / f"x{scale:g}"
    texts = build_corpus(sentences, int(base_chars * scale), throughput_dir)
    n_docs, n_words = len(texts), sum(len(t.split()) for t in texts)
    print(f"benchmark corpus: {n_docs} documents, {n_words} words ({scale:g}x corpus/, seed 13)")

    rows = []
    for processes in (1, 2):
        bare = time_bare(texts, processes)
        full, _ = time_full(throughput_dir, processes)
        rows.append((processes, bare, full))
        print(
            f"processes={processes}: bare nlp.pipe {n_docs / bare:7.1f} docs/s {n_words / bare:8.0f} words/s | "
            f"full pipeline {n_docs / full:7.1f} docs/s {n_words / full:8.0f} words/s | full/bare = {bare / full:.2f}"
        )
    (_, bare1, full1), (_, bare2, full2) = rows
    print(f"speed-up from 2 processes: bare nlp.pipe(n_process=2) x{bare1 / bare2:.2f}, pipeline --workers 2 x{full1 / full2:.2f}")

    memory = {}
    for factor in (1, 10):
        folder = work / f"mem_x{factor}"
        build_corpus(sentences, base_chars * factor, folder, seed=factor)
        _, memory[factor] = time_full(folder, 1)
    print(f"peak memory: 1x corpus {memory[1] / 1024:.0f} MiB, 10x corpus {memory[10] / 1024:.0f} MiB, ratio {memory[10] / memory[1]:.2f}")

    nlp = build_nlp()
    from pipeline.nlp import analyse

    long_text = "\n\n".join(sentences) * 2
    timings = {}
    for factor in (1, 4):
        start = time.perf_counter()
        list(analyse(nlp, [(long_text * factor, None)]))
        timings[factor] = time.perf_counter() - start
    print(f"one long document: {len(long_text) // 1000}k chars {timings[1]:.1f} s, 4x as long {timings[4]:.1f} s, ratio {timings[4] / timings[1]:.2f} (linear = 4)")
    print(f"(peak RSS of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MiB)")


if __name__ == "__main__":
    typer.run(main)
