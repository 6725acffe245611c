"""Measure ``ailab tra-cuu`` offline on the decree: retrieval hit@1/hit@3, quote verification, refusals, latency.

Run: ``.venv/bin/python benchmarks/bench_tra_cuu.py`` (``--docx`` reads the official .docx files instead of
the Markdown copies). The questions and the passage each must find are in
``tests/data/tra_cuu/cau_hoi_nd30.json``. Printed side by side with the anchor the refusal threshold was
calibrated to reach.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from ailab.tracuu import Library, load_sources
from ailab.tracuu.verify import fold_space

ROOT = Path(__file__).resolve().parents[1]
OFFICIAL = ROOT / "tests" / "data" / "nd30_official"
QUESTIONS = ROOT / "tests" / "data" / "tra_cuu" / "cau_hoi_nd30.json"
ANCHOR = {"hit@1": 0.80, "hit@3": 0.90, "quotes verified": 1.00, "refusal precision": 0.90,
          "refusal recall": 0.90, "answered right": 0.80}
DOCX_NAMES = {"ND30.md": "30_2020_ND_CP.docx", "Phuluc1.md": "Phuluc1.docx"}


def found(hit_text: str, expect: str) -> bool:
    return fold_space(expect) in fold_space(hit_text)


def evaluate(library: Library, data: dict, rename: dict) -> dict:
    """Every figure of the benchmark for one set of sources."""
    ranks, answered_right, latencies = [], 0, []
    quotes = verified = 0
    refused_answerable = refused_unanswerable = 0
    misses = []
    for item in data["answerable"]:
        start = time.perf_counter()
        result = library.ask(item["question"])
        latencies.append(time.perf_counter() - start)
        source = rename.get(item["source"], item["source"])
        rank = next((i for i, h in enumerate(library.search(item["question"]), 1)
                     if h.passage.source == source and found(h.passage.text, item["expect"])), None)
        ranks.append(rank)
        refused_answerable += result.refused
        right = not result.refused and any(c.source == source and _same_passage(library, c.quote, item["expect"])
                                           for c in result.citations)
        answered_right += right
        if not right:
            misses.append(item["question"])
        quotes += len(result.citations)
        verified += sum(library.verify(c) for c in result.citations)
    for question in data["unanswerable"]:
        start = time.perf_counter()
        result = library.ask(question)
        latencies.append(time.perf_counter() - start)
        refused_unanswerable += result.refused
        if not result.refused:
            misses.append(question)
        quotes += len(result.citations)
        verified += sum(library.verify(c) for c in result.citations)
    n, m = len(data["answerable"]), len(data["unanswerable"])
    refusals = refused_answerable + refused_unanswerable
    return {
        "hit@1": sum(r == 1 for r in ranks) / n,
        "hit@3": sum(r is not None and r <= 3 for r in ranks) / n,
        "answered right": answered_right / n,
        "quotes verified": verified / quotes if quotes else 1.0,
        "refusal precision": refused_unanswerable / refusals if refusals else 1.0,
        "refusal recall": refused_unanswerable / m,
        "latency median ms": 1000 * statistics.median(latencies),
        "latency max ms": 1000 * max(latencies),
        "misses": misses,
    }


def _same_passage(library: Library, quote: str, expect: str) -> bool:
    """The quote comes from the paragraph that holds the expected words."""
    return any(found(p.text, expect) and fold_space(quote) in fold_space(p.text) for p in library.passages)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docx", action="store_true", help="read the official .docx files")
    args = parser.parse_args()
    data = json.loads(QUESTIONS.read_text(encoding="utf-8"))
    rename = DOCX_NAMES if args.docx else {}
    start = time.perf_counter()
    library = Library(load_sources([OFFICIAL / rename.get(n, n) for n in ("ND30.md", "Phuluc1.md")]))
    build = time.perf_counter() - start
    print(f"Sources: {', '.join(library.sources)} — {len(library.passages)} passages, index built in {build:.2f} s")
    parts = (("tuning set", data), ("held-out set 1 (written after tuning; one fix followed it)", data["held_out"]),
             ("held-out set 2 (written after all tuning)", data["held_out_2"]))
    for title, part in parts:
        figures = evaluate(library, part, rename)
        print(f"\n{title}: {len(part['answerable'])} answerable, {len(part['unanswerable'])} not answerable")
        print(f"{'figure':<22}{'measured':>10}{'anchor':>10}")
        for name, value in figures.items():
            if name == "misses":
                continue
            anchor = ANCHOR.get(name)
            shown = f"{value:.1f}" if "ms" in name else f"{value:.2f}"
            print(f"{name:<22}{shown:>10}{(f'{anchor:.2f}' if anchor is not None else '-'):>10}")
        for question in figures["misses"]:
            print("  miss:", question)


if __name__ == "__main__":
    main()
