"""Whole-pipeline baseline: `storyline digest` on generated corpora, time per stage and peak memory.

Usage: python bench/bench_digest.py [--sizes 10000,100000] [--seed 7] [--update 100]
                                    [--jobs 1,2]

Each size runs in a fresh subprocess (so peak RSS is that run's alone): the generated articles
are written to a JSONL file, then ingested into a new SQLite database and analysed, exactly
as `storyline digest corpus.jsonl --db run.db --format json` does. There is no reference tool
that does the whole job, so this table is the baseline the later issues improve on. A second
table gives the memory at the end of each stage: resident set then, and the peak so far (so
a stage whose peak is above the RSS at its end had a transient of that much).

``--update K`` measures a stream: the corpus is n + K articles in publication order; the
first n are digested, then the K newest are added and the database digested again, twice
from the same starting file: once as `storyline digest` does it (each story's stored
timeline and summary, and each compared pair's classification, reused when its inputs are
unchanged) and once with those stored results deleted (everything recomputed, as before
they were kept). Both must give the same
digest JSON, byte for byte. A second table splits what each update spent outside the stage
columns: encoding and saving the digest, the topic summaries, the believed story spans, and
the bench's own rendering of the digest (counted in the total, as it always was).

``--jobs 1,2`` digests each size once per number of jobs (``RunOptions.jobs``), each in a
fresh subprocess, and adds a table side by side: wall and CPU seconds per stage, CPU summed
over the run's process and every process it started (the fork server and the workers:
their /proc times, read when each stage starts and ends), the peak memory of all of them
together (sampled every 0.2 s from /proc: the sum of RSS, which counts pages the workers
share with the fork server once per process, and the sum of PSS, which splits them), and
whether the digests are the same bytes. Linux only for the CPU and memory columns.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
STAGES = ("ingest", "clean", "dedup", "stories", "timeline", "summary")


def _write_corpus(articles: list[Any], path: Path) -> None:
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


def _progress(timings: dict[str, float], prefix: str = "") -> Callable[[Any], None]:
    def progress(event: Any) -> None:
        if event.finished:
            key = prefix + event.stage
            timings[key] = timings.get(key, 0.0) + event.seconds
            rss, hwm = _memory_mb()
            timings[f"{key}_rss_mb"] = rss
            timings[f"{key}_hwm_mb"] = hwm

    return progress


def _run_one(n: int, seed: int, jobs: int = 1) -> dict[str, float]:
    """Child process: generate, then digest; print one JSON line of measurements."""
    from storyline import pipeline
    from storyline.render import to_json
    from storyline.store import Store

    timings: dict[str, float] = {}
    progress = _cpu_progress(timings, _progress(timings))
    sampler = _TreeMemory()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        _write_corpus(generate_articles(n, seed), corpus)
        started = time.perf_counter()
        sampler.start()
        with Store(Path(tmp) / "run.db") as store:
            pipeline.ingest([corpus], store, progress=progress)
            options = pipeline.RunOptions(jobs=jobs)
            analysis = pipeline.analyse(store, options, progress=progress)
            rendered = to_json(analysis.digest)
        timings["total"] = time.perf_counter() - started
        sampler.stop()
        timings["stories_found"] = len(analysis.digest.stories)
        timings["relations_found"] = len(analysis.digest.relations)
        timings["json_mb"] = len(rendered.encode()) / 1e6
        # the articles' paths name this run's temporary folder: the same text for every run
        text = analysis.json.replace(json.dumps(tmp)[1:-1], "TMP").encode()
        timings["digest_sha"] = int(hashlib.sha256(text).hexdigest()[:12], 16)
    timings["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    timings["tree_rss_mb"], timings["tree_pss_mb"] = sampler.peak_rss, sampler.peak_pss
    return timings


def _tree() -> list[int]:
    """This process and every process it started, directly or not (from /proc)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    tree, pending = [], [os.getpid()]
    while pending:
        pid = pending.pop()
        tree.append(pid)
        pending += [child for child, parent in parents.items() if parent == pid]
    return tree


def _tree_cpu() -> float:
    """CPU seconds of this process tree so far: each live process's own and its ended
    children's (a worker that ended is counted in its parent's)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for pid in _tree():
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += sum(int(value) for value in fields[11:15]) / ticks  # utime stime cutime cstime
    return total


def _cpu_progress(timings: dict[str, float], inner: Callable[[Any], None]) -> Callable[[Any], None]:
    """``inner``, and each stage's CPU seconds (process tree) as ``cpu_<stage>``."""
    begun: dict[str, float] = {}

    def progress(event: Any) -> None:
        if event.finished and event.stage in begun:
            key = f"cpu_{event.stage}"
            timings[key] = timings.get(key, 0.0) + _tree_cpu() - begun.pop(event.stage)
        elif not event.finished and event.stage not in begun:
            begun[event.stage] = _tree_cpu()
        inner(event)

    return progress


class _TreeMemory:
    """Peak sum of RSS and of PSS over the process tree, sampled every 0.2 s."""

    def __init__(self) -> None:
        self.peak_rss = self.peak_pss = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(0.2):
            rss = pss = 0.0
            for pid in _tree():
                try:
                    rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
                except OSError:
                    continue
                fields = dict(line.split(":", 1) for line in rollup.splitlines() if ":" in line)
                rss += int(fields.get("Rss", "0 kB").split()[0]) / 1024
                pss += int(fields.get("Pss", "0 kB").split()[0]) / 1024
            self.peak_rss, self.peak_pss = max(self.peak_rss, rss), max(self.peak_pss, pss)


def _run_update(n: int, added: int, seed: int) -> dict[str, float]:
    """Child process: digest n articles, add the ``added`` newest, digest again (kept results,
    then recomputed from the same starting file); one JSON line of measurements."""
    from storyline import pipeline
    from storyline.render import to_json
    from storyline.store import Store

    articles = sorted(generate_articles(n + added, seed), key=lambda a: (a.published or "", a.id))
    timings: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        first, later = Path(tmp) / "first.jsonl", Path(tmp) / "later.jsonl"
        _write_corpus(articles[:n], first)
        _write_corpus(articles[n:], later)
        with Store(Path(tmp) / "warm.db") as store:
            pipeline.ingest([first], store)
            pipeline.analyse(store, progress=_progress(timings, "first_"))
        shutil.copy(Path(tmp) / "warm.db", Path(tmp) / "cold.db")
        digests = []
        for name in ("warm", "cold"):
            with Store(Path(tmp) / f"{name}.db") as store:
                if name == "cold":
                    for kind in ("relation", "timeline", "summary", "topic summary"):
                        store.forget_results(kind, set())
                started = time.perf_counter()
                progress = _progress(timings, f"{name}_")
                with _other_phases(timings, f"{name}_"):
                    pipeline.ingest([later], store, progress=progress)
                    analysis = pipeline.analyse(store, progress=progress)
                    began = time.perf_counter()
                    digests.append(to_json(analysis.digest))
                    timings[f"{name}_other_render"] = time.perf_counter() - began
                timings[f"{name}_total"] = time.perf_counter() - started
        timings["identical"] = float(digests[0] == digests[1])
    return timings


# What an update spends outside the stage columns, timed by wrapping these (see
# _other_phases): (label, module, attribute); "render" is this bench's own to_json.
OTHER_PHASES = (
    ("believed spans", "storyline.pipeline", "_believed_spans"),
    ("topic summaries", "storyline.pipeline", "_topic_summaries"),
    ("digest JSON", "storyline.pipeline", "to_json"),
    ("digest saved", "storyline.store.database", "Store.save_digest"),
)


@contextmanager
def _other_phases(timings: dict[str, float], prefix: str) -> Iterator[None]:
    """Time each of OTHER_PHASES into ``timings`` as ``<prefix>other_<label>`` while open."""
    import importlib

    restore = []
    for label, module, attribute in OTHER_PHASES:
        owner: Any = importlib.import_module(module)
        *path, name = attribute.split(".")
        for part in path:
            owner = getattr(owner, part)
        real = getattr(owner, name)
        key = f"{prefix}other_{label}"
        timings[key] = 0.0

        def timed(*args: Any, _real: Any = real, _key: str = key, **kwargs: Any) -> Any:
            began = time.perf_counter()
            try:
                return _real(*args, **kwargs)
            finally:
                timings[_key] += time.perf_counter() - began

        setattr(owner, name, timed)
        restore.append((owner, name, real))
    try:
        yield
    finally:
        for owner, name, real in restore:
            setattr(owner, name, real)


def generate_articles(n: int, seed: int) -> list[Any]:
    sys.path.insert(0, str(HERE))
    from corpus_gen import generate

    return generate(n, seed)[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument(
        "--update", type=int, default=0, help="add this many articles, digest again"
    )
    parser.add_argument("--jobs", default="1", help="numbers of jobs to compare, e.g. 1,2")
    args = parser.parse_args()
    if args.child:
        if args.update:
            print(json.dumps(_run_update(args.child, args.update, args.seed)))
        else:
            print(json.dumps(_run_one(args.child, args.seed, int(args.jobs))))
        return
    if args.update:
        _print_updates(args.sizes, args.update, args.seed)
        return
    if args.jobs != "1":
        _print_jobs(args.sizes, [int(j) for j in args.jobs.split(",")], args.seed)
        return
    rows = [(size, _child(size, args.seed)) for size in (int(s) for s in args.sizes.split(","))]
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


def _child(size: int, seed: int, update: int = 0, jobs: int = 1) -> dict[str, float]:
    command = [sys.executable, __file__, "--child", str(size), "--seed", str(seed)]
    command += ["--jobs", str(jobs)]
    if update:
        command += ["--update", str(update)]
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _print_jobs(sizes: str, jobs: list[int], seed: int) -> None:
    """One run per size and number of jobs; wall and CPU per stage side by side."""
    header = ["articles", "jobs", *STAGES, "total s", "peak RSS MB (tree)", "peak PSS MB (tree)"]
    print("Wall seconds per stage (CPU seconds of the process tree)\n")
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for size in (int(s) for s in sizes.split(",")):
        runs = {n: _child(size, seed, jobs=n) for n in jobs}
        for n, m in runs.items():
            cells = [f"{size:,}", str(n)]
            cells += [f"{m.get(s, 0.0):.1f} ({m.get(f'cpu_{s}', 0.0):.1f})" for s in STAGES]
            cells += [f"{m['total']:.1f}", f"{m['tree_rss_mb']:.0f}", f"{m['tree_pss_mb']:.0f}"]
            print("| " + " | ".join(cells) + " |")
        base = runs[jobs[0]]
        for n, m in list(runs.items())[1:]:
            ratios = ", ".join(
                f"{s} {base[s] / m[s]:.2f}" for s in ("timeline", "summary") if m.get(s)
            )
            print(
                f"\n{size:,}: jobs {jobs[0]} / jobs {n} wall: {ratios}, "
                f"total {base['total'] / m['total']:.2f}"
            )
        same = len({m["digest_sha"] for m in runs.values()}) == 1
        print(f"{size:,}: digests {'identical' if same else 'DIFFERENT'}, byte for byte\n")


def _print_updates(sizes: str, added: int, seed: int) -> None:
    stages = ("ingest", *STAGES[1:])
    header = ["articles", "run", *stages, "total s", "time / recomputed"]
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for size in (int(s) for s in sizes.split(",")):
        m = _child(size, seed, added)
        first = sum(m.get(f"first_{stage}", 0.0) for stage in STAGES[1:])
        cells = [f"{size:,}", "first digest (analysis only)"]
        cells += ["", *(f"{m.get(f'first_{s}', 0.0):.1f}" for s in STAGES[1:]), f"{first:.1f}", ""]
        print("| " + " | ".join(cells) + " |")
        for name, label in (("warm", "kept results"), ("cold", "all recomputed")):
            cells = [f"+{added:,}", f"update, {label}"]
            cells += [f"{m.get(f'{name}_{s}', 0.0):.1f}" for s in stages]
            ratio = m[f"{name}_total"] / m["cold_total"]
            cells += [f"{m[f'{name}_total']:.1f}", f"{ratio:.2f}"]
            print("| " + " | ".join(cells) + " |")
        same = "identical" if m["identical"] else "DIFFERENT"
        print(f"\n{size:,} + {added:,}: update digests {same}, byte for byte")
        _print_other(m, stages)


def _print_other(m: dict[str, float], stages: tuple[str, ...]) -> None:
    """The seconds of each update outside the stage columns, phase by phase."""
    labels = [label for label, _, _ in OTHER_PHASES] + ["render"]
    print("\nOutside the stage columns, s (render: this bench's own to_json of the digest)\n")
    print("| run | " + " | ".join(labels) + " | rest |")
    print("|" + "---|" * (len(labels) + 2))
    for name, label in (("warm", "kept results"), ("cold", "all recomputed")):
        parts = [m.get(f"{name}_other_{phase}", 0.0) for phase in labels]
        rest = m[f"{name}_total"] - sum(m.get(f"{name}_{s}", 0.0) for s in stages) - sum(parts)
        cells = [f"update, {label}", *(f"{part:.1f}" for part in parts), f"{rest:.1f}"]
        print("| " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
