"""Timeline summarisation on Timeline17 (T17), the news-tls protocol, storyline vs PUBCOUNT.

Protocol (Ghalandari & Ifrim 2020, news-tls ``evaluate.py``): collections are merged per topic
(the name before ``_``); each gold timeline is evaluated on its own, with the input limited
to articles published in the gold date span, and the system asked for as many dates as the
gold has (l) and, per date, its average number of sentences (k, rounded). Metrics from tilse:
AR1/AR2 = ROUGE-1/2 F1 of ``align_date_content_costs_many_to_one``; also ``concat`` and
``agreement``; date F1 from ``tilse.evaluation.dates``. Scores are averaged over timelines.

The PUBCOUNT-style baseline runs in the same pass: the l days with the most articles
published, each with the lead sentences of its first k articles (by id).

    python bench/bench_timeline.py [--data DIR] [--topics a,b] [--rouge reimpl|perl]
    python bench/bench_timeline.py --cv [--rouge perl] [--variants a,b]

``--rouge perl`` runs ROUGE-1.5.5 through pyrouge, as news-tls does; ``reimpl`` is tilse's
faster Python approximation. ``SETTINGS`` below were chosen on these same 12 timelines (the
only T17 ones here; three topics are held back by the data owner), so the plain run gives
development scores, not held-out ones. ``--cv`` gives held-out ones: leave one topic out,
each topic scored with the variant of ``VARIANTS`` that did best on the other topics (tuned
with the Python ROUGE; ``--rouge perl`` re-scores the held-out predictions with Perl).
Articles are read as ``storyline digest`` reads them: cleaned of page furniture and readers'
comments over each topic's pages (``--raw-text``: as the files are, the protocol before
session 11). ``TIMELINE_KNOBS='{"per_date": 1}'`` (JSON) overrides ``SETTINGS`` for experiments. The
``keywords.json`` files here hold only the topic name, so no keyword filter is used.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import json
import os
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import needs
from storyline.clean import clean_articles
from storyline.model import Article
from storyline.text import split_sentences
from storyline.timeline import TimelineOptions, build_timeline

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "tls" / "t17"
TARGETS = {"AR1": 0.136, "AR2": 0.044, "date-F1": 0.58}
PUBLISHED = {  # Ghalandari & Ifrim 2020, T17, AR1 / AR2 / date-F1
    "DATEWISE": (0.120, 0.035, 0.544),
    "CLUST": (0.082, 0.020, 0.407),
    "PUBCOUNT": (0.105, 0.027, 0.481),
}
# The settings used for the table in bench/RESULTS.md (chosen on these same 12 timelines).
SETTINGS: dict[str, Any] = {
    "publication_leads": 6,
    "publication_days": 2,
    "publication_weight": 1.0,
    "position_weight": 0.3,
    "merge_similarity": 0.3,
    "idf_over": "dates",
    "coverage_pool": 10,
    "consensus_weight": 0.3,
}
KNOBS: dict[str, Any] = json.loads(os.environ.get("TIMELINE_KNOBS", "{}"))
METRICS = ("AR1", "AR2", "C1", "C2", "G1", "G2", "date-F1")

Predictor = Callable[[Sequence[Article], int, int, str, str, tuple[str, ...]], dict[str, list[str]]]


# Read the articles as `storyline digest` does: cleaned of page furniture and readers'
# comments by `clean_articles` over the topic's pages (``--raw-text``: as the files are).
RAW_TEXT = False


def load_topic(folders: Sequence[Path]) -> tuple[list[Article], list[Path], tuple[str, ...]]:
    """Articles of every collection of one topic (source-qualified ids), gold files, keywords;
    cleaned as the pipeline cleans them unless ``RAW_TEXT``."""
    articles: list[Article] = []
    golds: list[Path] = []
    keywords: set[str] = set()
    for folder in folders:
        source = folder.name.split("_", 1)[1]
        keyword_file = folder / "keywords.json"
        if keyword_file.exists():
            keywords.update(json.loads(keyword_file.read_text()))
        golds.extend(sorted((folder / "timelines").glob("*.txt")))
        for path in sorted((folder / "InputDocs").glob("*/*")):
            text = path.read_text(encoding="utf-8", errors="replace").strip()
            if not text:
                continue
            day = path.parent.name
            articles.append(
                Article(
                    id=f"{source}/{day}/{path.name}",
                    title="",
                    text=text,
                    raw_text=text,
                    source=source,
                    published=day,
                    language="en",
                )
            )
    cleaned = articles if RAW_TEXT else clean_articles(articles)
    return cleaned, golds, tuple(sorted(keywords))


def read_gold(path: Path) -> dict[str, list[str]]:
    """A tilse-format timeline: a date line, sentences, a line of 32 dashes.

    MJ_bbc's malformed ``2011-04-0`` is read as 2011-04-02, as tilse/news-tls do (data README).
    """
    gold: dict[str, list[str]] = {}
    day: str | None = None
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.strip()
        if line == "-" * 32:
            day = None
        elif re.fullmatch(r"\d{4}-\d{2}-\d{1,2}", line):
            year, month, number = line.split("-")
            day = dt.date(int(year), int(month), int(number) or 2).isoformat()
            gold.setdefault(day, [])
        elif line and day is not None:
            gold[day].append(line)
    return {d: s for d, s in gold.items() if s}


def storyline_predict(
    articles: Sequence[Article],
    n_dates: int,
    k: int,
    start: str,
    end: str,
    keywords: tuple[str, ...],
) -> dict[str, list[str]]:
    settings: dict[str, Any] = {**SETTINGS, **KNOBS}
    options = TimelineOptions(
        max_dates=n_dates, per_date=k, start=start, end=end, granularities=("day",), **settings
    )
    timeline = build_timeline(articles, options=options)
    return {entry.date or "": [entry.text] for entry in timeline.entries}


def pubcount_predict(
    articles: Sequence[Article],
    n_dates: int,
    k: int,
    start: str,
    end: str,
    keywords: tuple[str, ...],
) -> dict[str, list[str]]:
    counts = Counter(a.day for a in articles if a.day)
    days = sorted(counts, key=lambda day: (-counts[day], day))[:n_dates]
    result = {}
    for day in days:
        leads = []
        for article in sorted((a for a in articles if a.day == day), key=lambda a: a.id):
            spans = split_sentences(article.text)
            if spans:
                leads.append(spans[0].text)
            if len(leads) == k:
                break
        result[day] = leads
    return result


def score(
    pred: dict[str, list[str]], gold: dict[str, list[str]], evaluator: object, full: bool = True
) -> dict[str, float]:
    from tilse.data.timelines import GroundTruth
    from tilse.data.timelines import Timeline as TilseTimeline
    from tilse.evaluation.dates import evaluate_dates

    def tilse(timeline: dict[str, list[str]]) -> TilseTimeline:
        return TilseTimeline({dt.date.fromisoformat(d): s for d, s in timeline.items()})

    if not any(sentence.split() for sentences in pred.values() for sentence in sentences):
        return dict.fromkeys(METRICS, 0.0)
    truth = GroundTruth([tilse(gold)])
    predicted = tilse(pred)
    align = evaluator.evaluate_align_date_content_costs_many_to_one(predicted, truth)  # type: ignore[attr-defined]
    if not full:  # the grid needs only AR and date F1
        concat = agree = {"rouge_1": {"f_score": 0.0}, "rouge_2": {"f_score": 0.0}}
    else:
        concat = evaluator.evaluate_concat(predicted, truth)  # type: ignore[attr-defined]
        agree = evaluator.evaluate_agreement(predicted, truth)  # type: ignore[attr-defined]
    return {
        "AR1": align["rouge_1"]["f_score"], "AR2": align["rouge_2"]["f_score"],
        "C1": concat["rouge_1"]["f_score"], "C2": concat["rouge_2"]["f_score"],
        "G1": agree["rouge_1"]["f_score"], "G2": agree["rouge_2"]["f_score"],
        "date-F1": evaluate_dates(predicted, truth)["f_score"],
    }  # fmt: skip


def run_gold(
    articles: Sequence[Article], gold: dict[str, list[str]], keywords: tuple[str, ...],
    evaluator: object, systems: dict[str, Predictor],
) -> dict[str, tuple[dict[str, float], float]]:  # fmt: skip
    dates = sorted(gold)
    start, end = dates[0], dates[-1]
    n_dates = len(dates)
    k = max(1, round(sum(len(s) for s in gold.values()) / n_dates))
    inside = [a for a in articles if a.day and start <= a.day <= end]
    results = {}
    for name, predict in systems.items():
        began = time.perf_counter()
        pred = predict(inside, n_dates, k, start, end, keywords)
        elapsed = time.perf_counter() - began
        results[name] = (score(pred, gold, evaluator), elapsed)
    return results


def table(rows: list[tuple[str, str, dict[str, float]]]) -> str:
    head = "| topic | timeline | system | " + " | ".join(METRICS) + " |"
    lines = [head, "|" + "---|" * (3 + len(METRICS))]
    for topic, gold, values in rows:
        cells = " | ".join(f"{values[m]:.3f}" for m in METRICS)
        lines.append(f"| {topic} | {gold} | {cells} |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--topics", default="", help="comma-separated topic names (default all)")
    parser.add_argument("--rouge", choices=("reimpl", "perl"), default="reimpl")
    parser.add_argument("--cv", action="store_true", help="leave-one-topic-out over VARIANTS")
    parser.add_argument("--variants", default="", help="with --cv: comma-separated subset")
    parser.add_argument(
        "--raw-text", action="store_true", help="read the files as they are (no cleaning pass)"
    )
    args = parser.parse_args(argv)
    global RAW_TEXT
    RAW_TEXT = args.raw_text
    if not args.data.is_dir():
        print(f"no T17 data at {args.data}", file=sys.stderr)
        return 2
    needs.require("bench_timeline.py", {"tilse": needs.TILSE})
    from tilse.evaluation.rouge import TimelineRougeEvaluator

    computation = "original" if args.rouge == "perl" else "reimpl"
    evaluator = TimelineRougeEvaluator(
        measures={"rouge_1", "rouge_2"}, rouge_computation=computation
    )
    if args.cv:
        only = [v for v in args.variants.split(",") if v]
        report = evaluator if computation == "original" else None
        return main_cv(args.data, [t for t in args.topics.split(",") if t], only, report)
    topics: dict[str, list[Path]] = {}
    for folder in sorted(p for p in args.data.iterdir() if p.is_dir()):
        topics.setdefault(folder.name.split("_", 1)[0], []).append(folder)
    wanted = [t for t in args.topics.split(",") if t] or sorted(topics)
    systems: dict[str, Predictor] = {"storyline": storyline_predict, "PUBCOUNT": pubcount_predict}
    rows: list[tuple[str, str, dict[str, float]]] = []
    totals: dict[str, list[dict[str, float]]] = {name: [] for name in systems}
    seconds: dict[str, float] = dict.fromkeys(systems, 0.0)
    for topic in wanted:
        articles, golds, keywords = load_topic(topics[topic])
        for gold_path in golds:
            gold = read_gold(gold_path)
            label = f"{gold_path.parent.parent.name.split('_', 1)[1]}/{gold_path.stem}"
            for name, (values, elapsed) in run_gold(
                articles, gold, keywords, evaluator, systems
            ).items():
                rows.append((topic, f"{label} | {name}", values))
                totals[name].append(values)
                seconds[name] += elapsed
            print(f"{topic} {label} done", file=sys.stderr, flush=True)
    print(table(rows))
    print()
    print(topic_table(rows))
    print()
    print(summary_table(totals, seconds, computation))
    return 0


def topic_table(rows: list[tuple[str, str, dict[str, float]]]) -> str:
    """Per topic, the mean over its gold timelines, storyline next to PUBCOUNT."""
    lines = [
        "| topic | timelines | storyline AR1 | AR2 | date-F1 | PUBCOUNT AR1 | AR2 | date-F1 |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for topic in sorted({row[0] for row in rows}):
        cells = []
        count = 0
        for system in ("storyline", "PUBCOUNT"):
            values = [v for t, label, v in rows if t == topic and label.endswith(f"| {system}")]
            count = len(values)
            cells += [f"{sum(v[m] for v in values) / count:.3f}" for m in ("AR1", "AR2", "date-F1")]
        lines.append(f"| {topic} | {count} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def summary_table(
    totals: dict[str, list[dict[str, float]]], seconds: dict[str, float], computation: str
) -> str:
    lines = [
        f"Mean over {len(totals['storyline'])} gold timelines (ROUGE: tilse {computation}):",
        "",
        "| system | AR1 | AR2 | date-F1 | concat R1 | concat R2 | agreement R1 | agreement R2 "
        "| seconds |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    means = {}
    for name, values in totals.items():
        mean = {m: sum(v[m] for v in values) / max(1, len(values)) for m in METRICS}
        means[name] = mean
        lines.append(
            f"| {name} | {mean['AR1']:.3f} | {mean['AR2']:.3f} | {mean['date-F1']:.3f} | "
            f"{mean['C1']:.3f} | {mean['C2']:.3f} | {mean['G1']:.3f} | {mean['G2']:.3f} | "
            f"{seconds[name]:.1f} |"
        )
    ours, base = means["storyline"], means["PUBCOUNT"]
    ratios = " / ".join(
        f"{m} x{ours[m] / base[m]:.2f}" if base[m] else f"{m} n/a"
        for m in ("AR1", "AR2", "date-F1")
    )
    lines += ["", f"storyline vs PUBCOUNT (same run): {ratios}"]
    hits = ", ".join(f"{m} {ours[m]:.3f} vs target {t:.3f} ({'met' if ours[m] >= t else 'NOT met'})"
                     for m, t in TARGETS.items())  # fmt: skip
    lines.append(f"targets: {hits}")
    return "\n".join(lines)


# --- Cross-validation: every parameter choice is made without the timelines it is scored on.
# Each variant is SETTINGS plus overrides; ``--cv`` scores all of them on every gold timeline,
# then, for each topic, picks the variant that is best on the OTHER topics and reports it on
# this one (leave one topic out). Variants are tried in this order; ties go to the earlier.
VARIANTS: dict[str, dict[str, Any]] = {
    "defaults": {},
    "leads3": {"publication_leads": 3},
    "leads10": {"publication_leads": 10},
    "days1": {"publication_days": 1},
    "days3": {"publication_days": 3},
    "pubweight0.5": {"publication_weight": 0.5},
    "merge0.2": {"merge_similarity": 0.2},
    "merge0.5": {"merge_similarity": 0.5},
    "position0": {"position_weight": 0.0},
    "position0.1": {"position_weight": 0.1},
    "position1": {"position_weight": 1.0},
    "quote0.5": {"quote_penalty": 0.5},
    "chrono3": {"chronology_bonus": 3.0},
    "caption0.5": {"caption_penalty": 0.5},
    "concepts0.3": {"concept_weight": 0.3},
    "concepts1": {"concept_weight": 1.0, "consensus_weight": 0.0},
    "position0.1-quote0.5": {"position_weight": 0.1, "quote_penalty": 0.5},
    "position0-chrono3": {"position_weight": 0.0, "chronology_bonus": 3.0},
    "mentionpos0": {"mention_position_weight": 0.0},
    "mentionpos0.1": {"mention_position_weight": 0.1},
    "lag0.1": {"lag_weight": 0.1},
    "distinct0.5": {"distinct_weight": 0.5},
    "maxlag7": {"max_lag_days": 7},
    "maxlag30": {"max_lag_days": 30},
    "pubweight2": {"publication_weight": 2.0},
    "chrono1": {"chronology_bonus": 1.0},
    "caption0.9": {"caption_penalty": 0.9},
    "chrono1-caption0.5": {"chronology_bonus": 1.0, "caption_penalty": 0.5},
    "quote0.5-chrono3": {"quote_penalty": 0.5, "chronology_bonus": 3.0},
    "concepts0.5": {"concept_weight": 0.5},
    "position0.1-concepts0.3": {"position_weight": 0.1, "concept_weight": 0.3},
    "maxwords40": {"max_words": 40},
    "maxwords80": {"max_words": 80},
    "maxwords120": {"max_words": 120},
    "idfsentences": {"idf_over": "sentences"},
    "cover0": {"coverage_pool": 0},
    "cover5": {"coverage_pool": 5},
    "cover20": {"coverage_pool": 20},
    "coverall": {"coverage_pool": 1000},
    "idfsentences-cover0": {"idf_over": "sentences", "coverage_pool": 0},
    # session 24: how much of a sentence's rank is consensus (0: the settings before it)
    "consensus0": {"consensus_weight": 0.0},
    "consensus0.2": {"consensus_weight": 0.2},
    "consensus0.4": {"consensus_weight": 0.4},
}


@dataclass(frozen=True)
class GoldCase:
    """One gold timeline with its input: the articles published inside its date span."""

    topic: str
    label: str
    articles: tuple[Article, ...]
    gold: dict[str, list[str]]


def objective(cells: Sequence[dict[str, float]]) -> float:
    """What tuning maximises: the mean of AR1, AR2 and date F1, each over its target."""
    if not cells:
        return 0.0
    return sum(sum(c[m] / t for m, t in TARGETS.items()) for c in cells) / len(cells)


def memoise_pure_steps() -> None:
    """The grid re-reads the same sentences many times; splitting and tagging are pure."""
    from storyline.timeline import events

    for name in ("tag_dates", "split_sentences"):  # module attributes, not exported names
        setattr(events, name, functools.lru_cache(maxsize=None)(getattr(events, name)))


Prediction = dict[str, list[str]]


def case_options(case: GoldCase, overrides: dict[str, Any]) -> TimelineOptions:
    """The news-tls protocol for one gold timeline: its span, l dates, k sentences a date."""
    dates = sorted(case.gold)
    k = max(1, round(sum(len(s) for s in case.gold.values()) / len(dates)))
    return TimelineOptions(
        max_dates=len(dates), per_date=k, start=dates[0], end=dates[-1],
        granularities=("day",), **{**SETTINGS, **overrides},
    )  # fmt: skip


def predict_case(case: GoldCase, overrides: dict[str, Any]) -> Prediction:
    timeline = build_timeline(case.articles, options=case_options(case, overrides))
    return {entry.date or "": [entry.text] for entry in timeline.entries}


def run_grid(
    cases: Sequence[GoldCase], variants: dict[str, dict[str, Any]], evaluator: object
) -> tuple[dict[str, list[dict[str, float]]], dict[str, list[Prediction]]]:
    """Scores (AR1, AR2, date F1) and predictions of every variant on every case."""
    grid: dict[str, list[dict[str, float]]] = {}
    predictions: dict[str, list[Prediction]] = {}
    for name, overrides in variants.items():
        began = time.perf_counter()
        cells = []
        predictions[name] = []
        for case in cases:
            pred = predict_case(case, overrides)
            cells.append(score(pred, case.gold, evaluator, full=False))
            predictions[name].append(pred)
        grid[name] = cells
        mean = {m: sum(c[m] for c in cells) / len(cells) for m in TARGETS}
        print(f"{name}: AR1 {mean['AR1']:.4f} AR2 {mean['AR2']:.4f} date-F1 "
              f"{mean['date-F1']:.4f} ({time.perf_counter() - began:.0f} s)",
              file=sys.stderr, flush=True)  # fmt: skip
    return grid, predictions


def cross_validate(
    cases: Sequence[GoldCase], grid: dict[str, list[dict[str, float]]]
) -> list[tuple[str, str, list[dict[str, float]]]]:
    """Per held-out topic: the variant chosen on the other topics, and its held-out scores."""
    folds = []
    for topic in sorted({case.topic for case in cases}):
        inside = [i for i, case in enumerate(cases) if case.topic == topic]
        outside = [i for i, case in enumerate(cases) if case.topic != topic]
        best = max(grid, key=lambda name: objective([grid[name][i] for i in outside]))
        folds.append((topic, best, [grid[best][i] for i in inside]))
    return folds


def grid_table(cases: Sequence[GoldCase], grid: dict[str, list[dict[str, float]]]) -> str:
    """Every variant's mean over all timelines (in-sample) and its AR2 per topic."""
    topics = sorted({case.topic for case in cases})
    lines = [
        "| variant | AR1 | AR2 | date-F1 | objective | " + " | ".join(f"{t} AR2" for t in topics)
        + " |", "|---" * (5 + len(topics)) + "|",
    ]  # fmt: skip
    for name, cells in grid.items():
        mean = {m: sum(c[m] for c in cells) / len(cells) for m in TARGETS}
        per_topic = [
            sum(c["AR2"] for c, case in zip(cells, cases, strict=True) if case.topic == t)
            / sum(case.topic == t for case in cases)
            for t in topics
        ]
        lines.append(
            f"| {name} | {mean['AR1']:.3f} | {mean['AR2']:.3f} | {mean['date-F1']:.3f} | "
            f"{objective(cells):.3f} | " + " | ".join(f"{v:.3f}" for v in per_topic) + " |"
        )
    return "\n".join(lines)


def cv_table(folds: list[tuple[str, str, list[dict[str, float]]]]) -> str:
    """Held-out scores per topic and their mean over all timelines."""
    lines = [
        "| held-out topic | timelines | variant chosen on the other topics | AR1 | AR2 | date-F1 |",
        "|---|---|---|---|---|---|",
    ]
    every = [cell for _, _, cells in folds for cell in cells]
    for topic, name, cells in folds:
        mean = {m: sum(c[m] for c in cells) / len(cells) for m in TARGETS}
        lines.append(f"| {topic} | {len(cells)} | {name} | {mean['AR1']:.3f} | "
                     f"{mean['AR2']:.3f} | {mean['date-F1']:.3f} |")  # fmt: skip
    mean = {m: sum(c[m] for c in every) / len(every) for m in TARGETS}
    lines.append(f"| **mean, held out** | {len(every)} | | {mean['AR1']:.3f} | "
                 f"{mean['AR2']:.3f} | {mean['date-F1']:.3f} |")  # fmt: skip
    hits = ", ".join(f"{m} {mean[m]:.3f} vs {t:.3f} ({'met' if mean[m] >= t else 'NOT met'})"
                     for m, t in TARGETS.items())  # fmt: skip
    return "\n".join([*lines, "", f"held-out targets: {hits}"])


def load_cases(data: Path, wanted: Sequence[str]) -> list[GoldCase]:
    topics: dict[str, list[Path]] = {}
    for folder in sorted(p for p in data.iterdir() if p.is_dir()):
        topics.setdefault(folder.name.split("_", 1)[0], []).append(folder)
    cases = []
    for topic in wanted or sorted(topics):
        articles, golds, _ = load_topic(topics[topic])
        for gold_path in golds:
            gold = read_gold(gold_path)
            start, end = min(gold), max(gold)
            label = f"{gold_path.parent.parent.name.split('_', 1)[1]}/{gold_path.stem}"
            inside = tuple(a for a in articles if a.day and start <= a.day <= end)
            cases.append(GoldCase(topic, label, inside, gold))
    return cases


def main_cv(data: Path, wanted: Sequence[str], only: Sequence[str], report: object | None) -> int:
    """Tune with tilse's Python ROUGE; with ``report`` (Perl), re-score the held-out picks."""
    from tilse.evaluation.rouge import TimelineRougeEvaluator

    memoise_pure_steps()
    cases = load_cases(data, wanted)
    variants = {n: v for n, v in VARIANTS.items() if not only or n in only}
    tuning = TimelineRougeEvaluator(measures={"rouge_1", "rouge_2"}, rouge_computation="reimpl")
    grid, predictions = run_grid(cases, variants, tuning)
    print("In-sample, every variant on every timeline (ROUGE: tilse reimpl):\n")
    print(grid_table(cases, grid))
    folds = cross_validate(cases, grid)
    print("\nLeave one topic out (ROUGE: tilse reimpl):\n")
    print(cv_table(folds))
    if report is not None:
        rescored = []
        for topic, name, _ in folds:
            inside = [i for i, case in enumerate(cases) if case.topic == topic]
            cells = [score(predictions[name][i], cases[i].gold, report, full=False) for i in inside]
            rescored.append((topic, name, cells))
        print("\nThe same held-out predictions, ROUGE-1.5.5 (Perl):\n")
        print(cv_table(rescored))
    return 0


if __name__ == "__main__":
    sys.exit(main())
