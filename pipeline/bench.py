"""`make bench`: the pipeline's cost measured against bare spaCy, in one run.

Builds benchmark corpora of sentences shuffled into new documents with a
fixed seed, so runs compare: one from every document of corpus/, one from the
five seeds' sentences alone (corpus/0*.txt), whose dense agreement prose
costs our components the most. Then prints:
- for each, documents/s and words/s of the full pipeline (read, analyse,
  extract, write Parquet) and of bare `nlp.pipe` with the same spaCy model
  over the same texts, and their ratio, with 1 and with 2 processes
  (`--workers 2` against `n_process=2`);
- peak memory of a full run over 1x and 10x the corpus, and their ratio;
- the time of one long document against one four times as long;
- a 5 MB single-line text against a 100 kB one (CPU time per character), and
  the peak memory of one 3 MB document, each against issue 13's bound
  (`--long-only` prints just these, `--five-mb-only` just the first).
Every figure is a ratio against a baseline measured in the same run.
"""

from __future__ import annotations

import json
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import spacy
import typer

from pipeline.nlp import UNUSED_COMPONENTS, build_nlp, resolve_model
from pipeline.reading import discover, read_document

SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n{2,}")


def sentences_of(corpus: Path) -> list[str]:
    return sentences_of_files([path for path, _ in discover([corpus])])


def sentences_of_files(paths: list[Path]) -> list[str]:
    found = []
    for path in paths:
        doc = read_document(path, path.stem)
        found += [s.strip() for s in SENTENCE_END.split(doc.text) if len(s.split()) >= 4]
    return found


def build_corpus(
    sentences: list[str], n_chars: int | None, folder: Path, seed: int = 13, sentences_per_doc: int = 40, n_docs: int | None = None
) -> list[str]:
    """Documents of shuffled sentences totalling about `n_chars` (or `n_docs` of them), written to `folder`."""
    rng = random.Random(seed)
    shutil.rmtree(folder, ignore_errors=True)  # a corpus of an earlier, larger run must not linger
    folder.mkdir(parents=True)
    texts, total = [], 0
    while (total < n_chars) if n_docs is None else (len(texts) < n_docs):
        picked = rng.sample(sentences, min(sentences_per_doc, len(sentences)))
        text = "\n\n".join(" ".join(picked[i : i + 4]) for i in range(0, len(picked), 4))
        (folder / f"bench_{len(texts):05}.txt").write_text(text, encoding="utf-8")
        texts.append(text)
        total += len(text)
    return texts


def cpu_seconds() -> float:
    """CPU time of this process and its finished children: unlike wall time, it barely
    moves when other work shares the machine, so 1-process ratios stay comparable."""
    return sum(
        usage.ru_utime + usage.ru_stime
        for usage in (resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN))
    )


def time_bare(texts: list[str], n_process: int) -> tuple[float, float]:
    """Wall and CPU seconds of bare `nlp.pipe`: the model as spaCy loads it, without our
    components, tokenizer settings or cached lemmatizer (pipeline/lemmas.py)."""
    nlp = spacy.load(resolve_model(), exclude=list(UNUSED_COMPONENTS))
    start, cpu = time.perf_counter(), cpu_seconds()
    for _ in nlp.pipe(texts, n_process=n_process, batch_size=32):
        pass
    return time.perf_counter() - start, cpu_seconds() - cpu


def time_full(folder: Path, workers: int) -> tuple[float, float, int]:
    """Wall and CPU seconds and peak RSS (KiB) of a full run, in a process of its own."""
    with tempfile.TemporaryDirectory() as out:
        code = (
            "import json, resource, time; from pipeline.bench import cpu_seconds; from pipeline.runner import run;"
            "from pipeline.process import cached_nlp; cached_nlp(None); t, cpu = time.perf_counter(), cpu_seconds();"
            f"run([{str(folder)!r}], {out!r}, workers={workers}, incremental=False);"
            "print(json.dumps([time.perf_counter() - t, cpu_seconds() - cpu, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss]))"
        )
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        seconds, cpu, peak = json.loads(result.stdout.strip().splitlines()[-1])
        return seconds, cpu, peak


@dataclass
class Throughput:
    """Wall seconds of bare `nlp.pipe` and of the full pipeline over one corpus, by number
    of processes, and CPU seconds of both on one process."""

    name: str
    n_docs: int
    n_words: int
    bare: dict[int, float]
    full: dict[int, float]
    bare_cpu: float = 0.0
    full_cpu: float = 0.0

    def line(self, processes: int) -> str:
        bare, full = self.bare[processes], self.full[processes]
        cpu = f" (by CPU time {self.bare_cpu / self.full_cpu:.2f})" if processes == 1 else ""
        return (
            f"  processes={processes}: bare nlp.pipe {self.n_docs / bare:6.1f} docs/s {self.n_words / bare:7.0f} words/s | "
            f"full pipeline {self.n_docs / full:6.1f} docs/s {self.n_words / full:7.0f} words/s | full/bare = {bare / full:.2f}{cpu}"
        )


def measure(name: str, texts: list[str], folder: Path) -> Throughput:
    result = Throughput(name, len(texts), sum(len(t.split()) for t in texts), {}, {})
    print(f"{name}: {result.n_docs} documents, {result.n_words} words")
    for processes in (1, 2):
        result.bare[processes], bare_cpu = time_bare(texts, processes)
        result.full[processes], full_cpu, _ = time_full(folder, processes)
        if processes == 1:
            result.bare_cpu, result.full_cpu = bare_cpu, full_cpu
        print(result.line(processes))
    return result


def single_line_cost(sentences: list[str], n_chars: int) -> tuple[float, int]:
    """CPU seconds and peak RSS (KiB) of analysing one single-line text of `n_chars`, in a
    process of its own. The model is loaded and warmed up on a short text before the clock
    starts: what is loaded on first use (date parsing's tables, say) is no cost of the length.
    CPU time of this process alone: other work on a shared machine barely moves it."""
    code = (
        "import json, random, resource, sys, time; from pipeline.nlp import analyse, build_nlp;"
        "sentences = json.load(sys.stdin); rng = random.Random(13); parts, total = [], 0\n"
        f"while total < {n_chars}: s = rng.choice(sentences); parts.append(s); total += len(s) + 1\n"
        f"text = ' '.join(parts)[:{n_chars}]; nlp = build_nlp(); list(analyse(nlp, [(' '.join(sentences[:40]), None)]));"
        "t = time.process_time(); list(analyse(nlp, [(text, None)]));"
        "print(json.dumps([time.process_time() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss]))"
    )
    result = subprocess.run([sys.executable, "-c", code], input=json.dumps(sentences), capture_output=True, text=True, check=True)
    seconds, peak = json.loads(result.stdout.strip().splitlines()[-1])
    return seconds, peak


# Issue 13's bounds on one long document.
MAX_PER_CHAR_RATIO = 2.0
MAX_PEAK_MIB_3MB = 1536


def _verdict(ok: bool) -> str:
    return "met" if ok else "NOT MET"


def print_long_document_costs(sentences: list[str], memory: bool = True) -> None:
    """Issue 13's bounds: a 5 MB single-line text within 2x the per-character CPU time of a
    100 kB one, and a 3 MB document analysed in at most 1.5 GB of peak memory."""
    small, large = 100_000, 5_000_000
    small_s, _ = single_line_cost(sentences, small)
    large_s, _ = single_line_cost(sentences, large)
    ratio = (large_s / large) / (small_s / small)
    print(f"one single-line text, CPU time: 100 kB {small_s:.1f} s ({small_s / small * 1e6:.0f} µs/char), "
          f"5 MB {large_s:.1f} s ({large_s / large * 1e6:.0f} µs/char)")
    print(f"5 MB vs 100 kB per-character CPU time: ratio {ratio:.2f} (target at most {MAX_PER_CHAR_RATIO:g}): {_verdict(ratio <= MAX_PER_CHAR_RATIO)}")
    if memory:
        _, peak = single_line_cost(sentences, 3_000_000)
        mib = peak / 1024
        print(f"peak memory of one 3 MB document: {mib:.0f} MiB (target at most {MAX_PEAK_MIB_3MB} MiB): {_verdict(mib <= MAX_PEAK_MIB_3MB)}")


def main(
    corpus: Path = typer.Option(Path("corpus"), help="Where the benchmark sentences come from."),
    scale: float = typer.Option(5.0, help="Size of the throughput corpus, in multiples of corpus/."),
    seed_docs: int = typer.Option(200, help="Documents of the corpus made of the seeds' sentences."),
    work: Path = typer.Option(Path(".bench"), help="Scratch folder for the benchmark corpora."),
    throughput_only: bool = typer.Option(False, help="Leave out the memory and document-length measures."),
    long_only: bool = typer.Option(False, "--long-only", help="Only the long-document bounds (5 MB on one line, 3 MB peak memory)."),
    five_mb_only: bool = typer.Option(False, "--five-mb-only", help="Only the 5 MB vs 100 kB per-character time (a few minutes)."),
) -> None:
    sentences = sentences_of(corpus)
    if long_only or five_mb_only:
        print_long_document_costs(sentences, memory=not five_mb_only)
        return
    base_chars = sum(len(read_document(p, d).text) for p, d in discover([corpus]))
    seed_sentences = sentences_of_files(sorted(corpus.glob("0*.txt")))
    results = [
        measure(
            f"corpus/ sentences ({scale:g}x corpus/, seed 13)",
            build_corpus(sentences, int(base_chars * scale), work / f"x{scale:g}"),
            work / f"x{scale:g}",
        ),
        measure(
            "the seeds' sentences alone (corpus/0*.txt, seed 13)",
            build_corpus(seed_sentences, None, work / f"seeds_{seed_docs}", n_docs=seed_docs),
            work / f"seeds_{seed_docs}",
        ),
    ]
    print("full pipeline / bare nlp.pipe, 1 process: " + ", ".join(
        f"{r.bare[1] / r.full[1]:.2f} (CPU time {r.bare_cpu / r.full_cpu:.2f}) on {r.name.split(' (')[0]}" for r in results))
    print("full pipeline / bare nlp.pipe, 2 processes: " + ", ".join(f"{r.bare[2] / r.full[2]:.2f}" for r in results))
    print("speed-up from 2 processes, bare n_process=2 vs --workers 2: " + ", ".join(
        f"x{r.bare[1] / r.bare[2]:.2f} vs x{r.full[1] / r.full[2]:.2f}" for r in results))
    if throughput_only:
        return

    memory = {}
    for factor in (1, 10):
        folder = work / f"mem_x{factor}"
        build_corpus(sentences, base_chars * factor, folder, seed=factor)
        _, _, memory[factor] = time_full(folder, 1)
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
    print_long_document_costs(sentences)


if __name__ == "__main__":
    typer.run(main)
