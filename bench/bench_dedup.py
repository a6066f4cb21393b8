"""Near-duplicate detection speed and recall: storyline against datasketch and rensa.

The job, the same for every tool: shingle each article into word 5-grams, compute a 128-value
MinHash signature, index it with LSH, query every article, and keep the candidate pairs
whose Jaccard similarity is at least ``--threshold`` (datasketch and rensa: their estimated
Jaccard; storyline: the exact Jaccard of the shingle sets). All tools read the same tokens
(``storyline.text.words`` of the lower-cased text); the references shingle in Python as
their READMEs do. Articles and planted pairs come from ``bench/corpus_gen.py``.

Each tool runs in a forked child so that its peak memory is its own: ``peak MB`` is the
child's peak resident set minus its resident set at the start. ``docs/s`` is wall clock;
``cpu docs/s`` uses the child's CPU time, which is steadier on a shared machine; with
``--repeat N`` each tool runs N times and the fastest run counts (as timeit does). Recall is
over the planted duplicate and near-duplicate pairs; precision counts a found pair as right
when it is any planted pair (an excerpt can pass the threshold). ``index B/doc`` is the
pickled LSH index (storyline: its serialised rows, ids included, and in brackets the hash
arrays alone).

The second table runs the whole of ``storyline.dedup.find_relations`` (every relation kind,
passages not aligned, then aligned) and scores each kind on the planted pairs.

    python bench/bench_dedup.py --sizes 10000,100000
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import pickle
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

import needs
from corpus_gen import KINDS, generate
from storyline.dedup import DedupOptions, find_relations, lsh, minhash
from storyline.dedup.shingles import shingle_hashes, shingle_set, text_hashes, tokens
from storyline.model import Article

NUM_PERM, SHINGLE, SEED = 128, 5, 1
Pairs = set[tuple[str, str]]


def _shingle_strings(text: str) -> set[str]:
    words = tokens(text)
    if len(words) < SHINGLE:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def run_datasketch(articles: list[Article], threshold: float) -> tuple[Pairs, int]:
    from datasketch import MinHash, MinHashLSH

    index = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    signatures: dict[str, Any] = {}
    for article in articles:
        m = MinHash(num_perm=NUM_PERM, seed=SEED)
        m.update_batch([s.encode("utf-8") for s in _shingle_strings(article.text)])
        signatures[article.id] = m
        index.insert(article.id, m)
    found: Pairs = set()
    for key, m in signatures.items():
        for other in index.query(m):
            if other != key and m.jaccard(signatures[other]) >= threshold:
                found.add((min(key, other), max(key, other)))
    return found, len(pickle.dumps(index))


def run_rensa(articles: list[Article], threshold: float) -> tuple[Pairs, int]:
    from rensa import RMinHash, RMinHashLSH

    index = RMinHashLSH(threshold=threshold, num_perm=NUM_PERM, num_bands=32)
    signatures = []
    for i, article in enumerate(articles):
        m = RMinHash(num_perm=NUM_PERM, seed=SEED)
        m.update(list(_shingle_strings(article.text)))
        signatures.append(m)
        index.insert(i, m)
    found: Pairs = set()
    for i, m in enumerate(signatures):
        for j in index.query(m):
            if j != i and m.jaccard(signatures[j]) >= threshold:
                a, b = articles[i].id, articles[j].id
                found.add((min(a, b), max(a, b)))
    return found, len(pickle.dumps(index))


def run_storyline(articles: list[Article], threshold: float) -> tuple[Pairs, int]:
    """The same job with storyline's stages: vectorised shingles, OPH MinHash, LSH, exact J."""
    options = DedupOptions(threshold=threshold)
    ordered = sorted(articles, key=lambda a: a.id)
    bands = np.zeros((len(ordered), options.bands), dtype=np.uint32)
    for start in range(0, len(ordered), options.chunk_size):
        chunk = ordered[start : start + options.chunk_size]
        flat, offsets, _ = text_hashes([a.text for a in chunk], SEED)
        shingles, s_offsets = shingle_hashes(flat, offsets, SHINGLE)
        signatures = minhash.signatures(shingles, s_offsets, NUM_PERM)
        bands[start : start + len(chunk)] = lsh.band_hashes(signatures, options.bands, options.rows)
    keys = np.arange(len(ordered), dtype=np.int64)
    pairs = lsh.candidate_pairs(bands, keys, options.max_bucket)
    found = _verify_exact(ordered, pairs, threshold, options.chunk_size)
    width = 8 + 4 * options.bands
    return found, sum(len(a.id) + width for a in ordered)


def _verify_exact(ordered: list[Article], pairs: np.ndarray, threshold: float, chunk: int) -> Pairs:
    needed = np.unique(pairs).tolist()
    sets: dict[int, np.ndarray] = {}
    for start in range(0, len(needed), chunk):
        batch = needed[start : start + chunk]
        flat, offsets, _ = text_hashes([ordered[i].text for i in batch], SEED)
        shingles, s_offsets = shingle_hashes(flat, offsets, SHINGLE)
        for k, i in enumerate(batch):
            sets[i] = shingle_set(shingles[s_offsets[k] : s_offsets[k + 1]])
    found: Pairs = set()
    for i, j in pairs.tolist():
        common = np.intersect1d(sets[i], sets[j], assume_unique=True).size
        union = sets[i].size + sets[j].size - common
        if union and common / union >= threshold:
            found.add((ordered[i].id, ordered[j].id))
    return found


def _rss_kb() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024


def _child(job: Callable[..., Any], args: tuple[Any, ...], queue: Any) -> None:
    try:
        base = _rss_kb()
        wall, cpu = time.perf_counter(), time.process_time()
        result = job(*args)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        queue.put((result, wall, cpu, max(0, peak - base) / 1024))
    except BaseException as error:  # the parent must not wait forever on a dead child
        queue.put(error)
        raise


def measure(job: Callable[..., Any], *args: Any) -> tuple[Any, float, float, float]:
    """Run ``job`` in a forked child: (result, wall s, cpu s, peak extra MB)."""
    ctx = mp.get_context("fork")
    queue = ctx.Queue()
    process = ctx.Process(target=_child, args=(job, args, queue))
    process.start()
    out = queue.get()
    process.join()
    if isinstance(out, BaseException):
        raise RuntimeError(f"{getattr(job, '__name__', job)} failed") from out
    return tuple(out)  # type: ignore[return-value]


def near_dup_table(articles: list[Article], planted: list[tuple[str, str, str]], args: Any) -> None:
    positives = {(a, b) for a, b, k in planted if k in ("duplicate", "near-duplicate")}
    every = {(a, b) for a, b, _ in planted}
    n = len(articles)
    rows = []
    tools = [("storyline", run_storyline), ("rensa", run_rensa), ("datasketch", run_datasketch)]
    for name, job in tools:
        if name == "datasketch" and n > args.datasketch_max:
            continue
        runs = [measure(job, articles, args.threshold) for _ in range(args.repeat)]
        (found, index_bytes), _, _, peak = runs[0]
        wall, cpu = min(r[1] for r in runs), min(r[2] for r in runs)
        recall = len(found & positives) / max(1, len(positives))
        precision = len(found & every) / max(1, len(found))
        rows.append((name, n / wall, n / cpu, peak, recall, precision, index_bytes / n, wall))
    print(f"\n### near-duplicate job, {n} articles, J >= {args.threshold}\n")
    print("| tool | docs/s | cpu docs/s | peak MB | recall | precision | index B/doc | wall s |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, dps, cps, peak, rec, prec, ibytes, wall in rows:
        extra = f" ({8 + 4 * DedupOptions().bands})" if name == "storyline" else ""
        print(
            f"| {name} | {dps:,.0f} | {cps:,.0f} | {peak:,.0f} | {rec:.4f} | {prec:.4f} | "
            f"{ibytes:,.0f}{extra} | {wall:,.1f} |"
        )
    ours = rows[0]
    for other in rows[1:]:
        print(
            f"\nstoryline / {other[0]}: throughput x{ours[1] / other[1]:.1f} "
            f"(cpu x{ours[2] / other[2]:.1f}), peak memory x{ours[3] / max(other[3], 1e-9):.2f}, "
            f"recall {ours[4] - other[4]:+.4f}, index bytes x{ours[6] / other[6]:.2f}"
        )


def _full(articles: list[Article], align: bool) -> list[tuple[str, str, str]]:
    result = find_relations(articles, DedupOptions(align=align))
    return [(r.a, r.b, r.kind) for r in result.relations]


def full_table(articles: list[Article], planted: list[tuple[str, str, str]]) -> None:
    truth = {(a, b): k for a, b, k in planted}
    n = len(articles)
    print(f"\n### storyline find_relations (all kinds), {n} articles\n")
    print(
        "| passages | docs/s | cpu docs/s | peak MB | "
        + " | ".join(f"{k} R / P" for k in KINDS)
        + " | unplanted found |"
    )
    print("|---|---:|---:|---:|" + "---:|" * len(KINDS) + "---:|")
    for align in (False, True):
        found, wall, cpu, peak = measure(_full, articles, align)
        got = {(a, b): k for a, b, k in found}
        cells = []
        for kind in KINDS:
            planted_k = [p for p, k in truth.items() if k == kind]
            hits = sum(1 for p in planted_k if got.get(p) == kind)
            predicted = sum(1 for k in got.values() if k == kind)
            cells.append(f"{hits / max(1, len(planted_k)):.3f} / {hits / max(1, predicted):.3f}")
        stray = sum(1 for p in got if p not in truth)
        print(
            f"| {'aligned' if align else 'not aligned'} | {n / wall:,.0f} | {n / cpu:,.0f} | "
            f"{peak:,.0f} | " + " | ".join(cells) + f" | {stray} |"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--threshold", type=float, default=0.7)
    parser.add_argument("--datasketch-max", type=int, default=100000)
    parser.add_argument("--full-max", type=int, default=100000)
    parser.add_argument("--repeat", type=int, default=1, help="runs per tool; the best is kept")
    args = parser.parse_args()
    wanted = {"rensa": needs.BENCH_EXTRA}
    if args.datasketch_max > 0:
        wanted["datasketch"] = needs.BENCH_EXTRA
    needs.require("bench_dedup.py", wanted)
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cpus, load {os.getloadavg()}")
    for n in (int(s) for s in args.sizes.split(",")):
        started = time.perf_counter()
        articles, planted = generate(n, args.seed)
        print(
            f"\ngenerated {n} articles, {len(planted)} planted pairs "
            f"in {time.perf_counter() - started:.1f} s"
        )
        near_dup_table(articles, planted, args)
        if n <= args.full_max:
            full_table(articles, planted)


if __name__ == "__main__":
    main()
