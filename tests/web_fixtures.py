"""Hand-built digests and databases for the renderer, web and browser tests (fictional text)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from storyline.model import (
    Article,
    Claim,
    Digest,
    DuplicateGroup,
    Evidence,
    Passage,
    Relation,
    Skipped,
    Story,
    TimelineEntry,
    Topic,
    Variant,
)
from storyline.render import to_json
from storyline.store import Store

WIRE = (
    "The harbour bridge in Velmora closed on Monday after inspectors found cracks in two cables.\n"
    "Mayor Ilse Varga said repairs would take three weeks.\n"
    "Ferries will run every twenty minutes until the bridge reopens."
)
REWRITE = (
    "Commuters face delays. The harbour bridge in Velmora closed on Monday after inspectors "
    "found cracks in two cables. Officials expect the work to last about a month.\n"
    "Ferries will run every twenty minutes until the bridge reopens."
)
OTHER = "The Velmora chess club won the regional cup on Saturday with a final-round draw."


def _passage(a: str, b: str, snippet: str, kind: str = "verbatim") -> Passage:
    i, j = a.index(snippet), b.index(snippet)
    return Passage(i, i + len(snippet), j, j + len(snippet), snippet, snippet, kind, 0.95)  # type: ignore[arg-type]


def sample_articles() -> list[Article]:
    """Four fictional articles: a wire copy, its duplicate, a rewrite, and an unrelated one."""
    return [
        Article(
            "wire1",
            "Velmora bridge closed after cable cracks",
            WIRE,
            WIRE,
            "Northwire",
            "https://northwire.example/bridge",
            "2031-03-03T08:00:00",
            "field",
            "en",
            "a.jsonl",
            1,
        ),
        Article(
            "dup1",
            "Velmora bridge closed after cable cracks",
            WIRE,
            WIRE,
            "Harbour Gazette",
            "https://gazette.example/b",
            "2031-03-03T10:00:00",
            "field",
            "en",
            "a.jsonl",
            2,
        ),
        Article(
            "rew1",
            "Commuters face month of delays in Velmora",
            REWRITE,
            REWRITE,
            "Daily Coast",
            "javascript:alert(1)",
            "2031-03-04",
            "metadata",
            "en",
            "b.html",
            0,
        ),
        Article(
            "chess",
            "Chess club wins regional cup",
            OTHER,
            OTHER,
            "Velmora Post",
            "",
            None,
            "",
            "en",
            "c.txt",
            0,
        ),
    ]


def sample_digest(articles: list[Article] | None = None) -> Digest:
    """A digest over :func:`sample_articles` exercising every field the renderers show."""
    arts = articles or sample_articles()
    wire, rew = arts[0].text, arts[2].text
    relation = Relation(
        "rew1",
        "wire1",
        "rewrite",
        0.62,
        0.55,
        0.7,
        "wire1",
        "wire1 was published first",
        (
            _passage(rew, wire, "The harbour bridge in Velmora closed on Monday"),
            _passage(rew, wire, "Ferries will run every twenty minutes", "paraphrase"),
        ),
    )
    dup = Relation(
        "dup1",
        "wire1",
        "duplicate",
        1.0,
        1.0,
        1.0,
        "wire1",
        "same text, earlier",
        (Passage(0, len(wire), 0, len(wire), wire, wire),),
    )
    bridge = Story(
        "s-bridge",
        "Velmora bridge closure",
        ("wire1", "dup1", "rew1"),
        ("bridge", "velmora", "cables"),
        "2031-03-03",
        "2031-03-04",
        ("Daily Coast", "Harbour Gazette", "Northwire"),
        "t-city",
        (
            Claim(
                arts[0].text.split("\n")[0],
                "wire1",
                ("wire1", "dup1", "rew1"),
                2,
                "2031-03-03",
                0,
                90,
            ),
            Claim(
                "Mayor Ilse Varga said repairs would take three weeks.",
                "wire1",
                ("wire1", "dup1"),
                1,
                "2031-03-03",
                91,
                145,
                (Variant("three weeks", ("wire1", "dup1")), Variant("about a month", ("rew1",))),
            ),
        ),
        (
            TimelineEntry(
                "2031-03-03",
                "day",
                "The bridge closes after cracks are found.",
                (Evidence("closed on Monday", "wire1", "on Monday", 0, 20),),
                ("wire1", "rew1"),
                ("Northwire", "Daily Coast"),
                0.9,
            ),
            TimelineEntry(
                "2031-03-24",
                "day",
                "Planned reopening.",
                (),
                ("wire1",),
                ("Northwire",),
                0.5,
                "three weeks after the closure",
            ),
        ),
        (
            TimelineEntry(
                None,
                None,
                "Ferries run every twenty minutes.",
                (),
                ("wire1",),
                ("Northwire",),
                0.1,
                "no date in the sentence",
            ),
        ),
    )
    chess = Story(
        "s-chess", "Chess club wins cup", ("chess",), ("chess",), None, None, ("Velmora Post",)
    )
    return Digest(
        articles=tuple(replace(a, text="", raw_text="", word_count=a.words) for a in arts),
        stories=(bridge, chess),
        relations=(dup, relation),
        groups=(DuplicateGroup("g1", "wire1", ("dup1", "wire1")),),
        topics=(Topic("t-city", "City infrastructure", ("s-bridge",), ("bridge",)),),
        skipped=(Skipped("bad.jsonl", "line is not JSON", 7),),
        notes=("2 inputs had no date",),
    )


HOSTILE = "<script>alert(1)</script>"
HOSTILE_TEXT = (
    'Breaking <img src=x onerror="window.__pwned=1"> news <script>window.__pwned=1</script> '
    'and <a href="javascript:window.__pwned=1">click</a> <b>unclosed <iframe src=//evil.example>'
)


def hostile_articles() -> list[Article]:
    """Articles whose every field tries to run a script."""
    return [
        Article(
            "h1",
            f"{HOSTILE} <img src=x onerror=alert(2)>",
            HOSTILE_TEXT,
            HOSTILE_TEXT,
            '"><script>alert(3)</script>',
            "javascript:alert(4)",
            "2031-05-01",
            "field",
            "en",
            "<h1>.txt",
            0,
        ),
        Article(
            "h2",
            "Second <svg onload=alert(5)>",
            HOSTILE_TEXT + " copied",
            HOSTILE_TEXT,
            "Evil & Co <style>body{display:none}</style>",
            'https://x.example/"onmouseover=alert(6)',
            "2031-05-02",
            "field",
            "en",
            "x.txt",
            0,
        ),
    ]


def hostile_digest() -> Digest:
    arts = hostile_articles()
    text = arts[0].text
    snippet = text[:40]
    relation = Relation(
        "h1",
        "h2",
        "near-duplicate",
        0.9,
        0.9,
        0.9,
        "h1",
        f"reason {HOSTILE}",
        (Passage(0, 40, 0, 40, snippet, snippet, "verbatim", 1.0),),
    )
    story = Story(
        "<script>s</script>",
        f"Story {HOSTILE}",
        ("h1", "h2"),
        (HOSTILE,),
        "2031-05-01",
        "2031-05-02",
        (arts[0].source, arts[1].source),
        None,
        (Claim(f"Claim {HOSTILE} onerror=alert(7)", "h1", ("h1", "h2"), 2, "2031-05-01"),),
        (
            TimelineEntry(
                "2031-05-01",
                "day",
                f"Event {HOSTILE}",
                (),
                ("h1",),
                (arts[0].source,),
                1.0,
                f"note {HOSTILE}",
            ),
        ),
    )
    return Digest(
        articles=tuple(replace(a, text="", raw_text="", word_count=a.words) for a in arts),
        stories=(story,),
        relations=(relation,),
        skipped=(Skipped(f"{HOSTILE}.txt", f"reason {HOSTILE}"),),
        notes=(f"note {HOSTILE}",),
    )


def make_db(path: Path, articles: list[Article], digest: Digest | None) -> Path:
    """A real store at ``path`` holding the articles and (optionally) the digest JSON."""
    with Store(path) as store:
        store.add_articles(articles)
        if digest is not None:
            store.save_digest(to_json(digest))
    return path


def big_digest(n: int = 5000) -> tuple[list[Article], Digest]:
    """One story of ``n`` short articles over 30 days, for paging."""
    arts = [
        Article(
            f"b{i:05d}",
            f"Item {i}",
            f"Text number {i} about the fair.",
            "",
            f"Outlet {i % 7}",
            "",
            f"2031-06-{1 + i % 30:02d}",
            "field",
            "en",
            "big.jsonl",
            i,
        )
        for i in range(n)
    ]
    story = Story(
        "s-big",
        "The big fair",
        tuple(a.id for a in arts),
        ("fair",),
        "2031-06-01",
        "2031-06-30",
        tuple(sorted({a.source for a in arts})),
    )
    digest = Digest(
        articles=tuple(replace(a, text="", word_count=a.words) for a in arts), stories=(story,)
    )
    return arts, digest


REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples" / "news"
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def digest_corpus(corpus: Path, db: Path) -> Path:
    """Run the real ``storyline digest`` on a corpus into ``db`` (through click's CliRunner)."""
    from click.testing import CliRunner

    from storyline.cli import cli

    result = CliRunner().invoke(cli, ["digest", str(corpus), "--db", str(db), "--quiet"])
    assert result.exit_code == 0, result.output
    return db
