"""Whole-pipeline baseline: `storyline digest` on generated corpora, time per stage and peak memory.

Usage: python bench/bench_digest.py [--sizes 10000,100000] [--seed 7]

Each size runs in a fresh subprocess (so peak RSS is that run's alone): the generated articles
are written to a JSONL file, then ingested into a new SQLite database and analysed, exactly
as `storyline digest corpus.jsonl --db run.db --format json` does. There is no reference tool
that does the whole job, so this table is the baseline the later issues improve on. A second
table gives the memory at the end of each stage: resident set then, and the peak so far (so
a stage whose peak is above the RSS at its end had a transient of that much).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
STAGES = ("ingest", "clean", "dedup", "stories", "timeline", "summary")


def _write_corpus(n: int, seed: int, path: Path) -> None:
    sys.path.insert(0, str(HERE))
    from corpus_gen import generate

    articles, _planted = generate(n, seed)
    with path.open("w", encoding="utf-8") as out:
        for article in articles:
            record = asdict(article)
            record.pop("raw_text")
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def _memory_mb() -> tuple[float, float]:
    """(current RSS, peak RSS so far) of this process in MB; current is 0 off Linux."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            fields = dict(line.split(":", 1) for line in status if ":" in line)
        return int(fields["VmRSS"].split()[0]) / 1024, peak
    except (OSError, KeyError, ValueError):
        return 0.0, peak


def _run_one(n: int, seed: int) -> dict[str, float]:
    """Child process: generate, then digest; print one JSON line of measurements."""
    from storyline import pipeline
    from storyline.render import to_json
    from storyline.store import Store

    timings: dict[str, float] = {}

    def progress(event: pipeline.Progress) -> None:
        if event.finished:
            timings[event.stage] = timings.get(event.stage, 0.0) + event.seconds
            rss, hwm = _memory_mb()
            timings[f"{event.stage}_rss_mb"] = rss
            timings[f"{event.stage}_hwm_mb"] = hwm

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        _write_corpus(n, seed, corpus)
        started = time.perf_counter()
        with Store(Path(tmp) / "run.db") as store:
            pipeline.ingest([corpus], store, progress=progress)
            analysis = pipeline.analyse(store, progress=progress)
            rendered = to_json(analysis.digest)
        timings["total"] = time.perf_counter() - started
        timings["stories_found"] = len(analysis.digest.stories)
        timings["relations_found"] = len(analysis.digest.relations)
        timings["json_mb"] = len(rendered.encode()) / 1e6
    timings["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(_run_one(args.child, args.seed)))
        return
    rows = []
    for size in (int(s) for s in args.sizes.split(",")):
        done = subprocess.run(
            [sys.executable, __file__, "--child", str(size), "--seed", str(args.seed)],
            check=True,
            capture_output=True,
            text=True,
        )
        rows.append((size, json.loads(done.stdout.strip().splitlines()[-1])))
    header = ["articles", *STAGES, "total s", "articles/s", "peak RSS MB", "stories", "relations"]
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for size, m in rows:
        cells = [f"{size:,}", *(f"{m.get(stage, 0.0):.1f}" for stage in STAGES)]
        cells += [f"{m['total']:.1f}", f"{size / m['total']:.0f}", f"{m['peak_rss_mb']:.0f}"]
        cells += [f"{int(m['stories_found']):,}", f"{int(m['relations_found']):,}"]
        print("| " + " | ".join(cells) + " |")
    print("\nMemory at the end of each stage, MB: RSS then (peak so far)\n")
    print("| articles | " + " | ".join(STAGES) + " |")
    print("|" + "---|" * (len(STAGES) + 1))
    for size, m in rows:
        cells = [f"{size:,}"]
        cells += [f"{m.get(f'{s}_rss_mb', 0):.0f} ({m.get(f'{s}_hwm_mb', 0):.0f})" for s in STAGES]
        print("| " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
