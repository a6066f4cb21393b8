"""Renderers: exact Markdown, JSON round trip and schema errors, inert self-contained HTML."""

from __future__ import annotations

import base64
import hashlib
import json
import random
import re
from dataclasses import replace
from html import unescape

import pytest

from storyline.errors import IncompatibleParametersError, StoreError
from storyline.model import (
    Article,
    Claim,
    Digest,
    Passage,
    Relation,
    Story,
    Topic,
    Variant,
)
from storyline.render import (
    compare_html,
    compare_text,
    digest_from_json,
    to_html,
    to_json,
    to_markdown,
)
from storyline.render.jsonout import _dumps, digest_to_dict
from storyline.render.selection import StorySelection
from storyline.render.views import (
    DigestIndex,
    claim_outlets,
    fold_story,
    safe_url,
    segments,
)
from web_fixtures import (
    hostile_articles,
    hostile_digest,
    sample_articles,
    sample_digest,
)

EXPECTED_MARKDOWN = """\
# Digest

2 stories from 4 articles (1 skipped).

> 2 inputs had no date

## 1. Velmora bridge closure

2031-03-03 – 2031-03-04 · 3 articles · outlets: Daily Coast, Harbour Gazette, Northwire · id s-bridge

Keywords: bridge, velmora, cables

### Summary

- The harbour bridge in Velmora closed on Monday after inspectors found cracks in two cables. \
[1][2][3] (2 independent outlets)
- Mayor Ilse Varga said repairs would take three weeks. [1][2] (1 independent outlet)
  - variant: three weeks [1][2] (first reported 2031-03-03 08:00)
  - variant: about a month [3] (first reported 2031-03-04)

### Timeline

- **2031-03-03** The bridge closes after cracks are found. [1][3]
- **2031-03-24** Planned reopening. [1] (three weeks after the closure)

### Undated

- **undated** Ferries run every twenty minutes. [1] (no date in the sentence)

### Sources

- [1] Velmora bridge closed after cable cracks — Northwire — 2031-03-03 — \
<https://northwire.example/bridge>
  - [2] Velmora bridge closed after cable cracks — Harbour Gazette — 2031-03-03 — \
<https://gazette.example/b> (duplicate of [1])
- [3] Commuters face month of delays in Velmora — Daily Coast — 2031-03-04 (copies [1])

## 2. Chess club wins cup

undated · 1 article · outlets: Velmora Post · id s-chess

Keywords: chess

### Sources

- [1] Chess club wins regional cup — Velmora Post

## Topics

- City infrastructure: stories 1 (bridge)

## Relations

- Velmora bridge closed after cable cracks (Harbour Gazette) ⇄ Velmora bridge closed after \
cable cracks (Northwire): duplicate, similarity 1.00, the same text; original: Northwire, \
Velmora bridge closed after cable cracks (same text, earlier)
- Commuters face month of delays in Velmora (Daily Coast) ⇄ Velmora bridge closed after cable \
cracks (Northwire): rewrite, similarity 0.62, 2 shared passages; original: Northwire, Velmora \
bridge closed after cable cracks (wire1 was published first)

## Skipped

- bad.jsonl:7: line is not JSON
"""  # noqa: E501 (an exact page, line for line)


# ---------------------------------------------------------------- markdown


def test_markdown_is_exact() -> None:
    assert to_markdown(sample_digest()) == EXPECTED_MARKDOWN


def test_the_html_page_marks_what_each_source_copies() -> None:
    page = to_html(sample_digest())
    # The rewrite [3] copies the wire [1]; the wire copies nothing.
    assert page.count('<span class="muted">copies [1]</span>') == 1


def test_markdown_escapes_html_and_link_syntax() -> None:
    text = to_markdown(hostile_digest())
    assert "<script>" not in text
    assert "\\<script\\>alert(1)\\</script\\>" in text
    assert "javascript:" not in text
    assert re.search(r"(?<!\\)<(?!https?://)", text) is None  # every < is escaped


def test_markdown_of_an_empty_digest() -> None:
    assert (
        to_markdown(Digest(articles=(), stories=())) == "# Digest\n\n0 stories from 0 articles.\n"
    )


# ---------------------------------------------------------------- json


def test_json_round_trip_is_exact_both_ways() -> None:
    digest = sample_digest()
    text = to_json(digest)
    assert digest_from_json(text) == digest
    assert to_json(digest_from_json(text)) == text


def _odd_digest() -> Digest:
    """Items written from their objects (articles, stories, relations) with every kind of
    value their fields take: texts to escape, None, empty and one-item lists, odd floats."""
    odd = 'a "quoted"\\ line\n\t東京 \u2028 😀'
    passage = Passage(0, 4, 2, 9, odd, "", "verbatim", float("nan"))
    return Digest(
        articles=(
            Article("x", odd, "", "", odd, odd, None, "", "", odd, 7, word_count=0),
            Article("y", "", "", "", published="2026-01-02T03:04:05Z", word_count=12345),
        ),
        stories=(
            Story("s1", odd, ("x",), (odd, "b"), None, None, (), None),
            Story("s2", "", ("x", "y"), (), "2026-01-02", "2026-01-03", ("o1", odd), "t1"),
        ),
        relations=(
            Relation("x", "y", "rewrite", 0.1, 1e-05, float("inf"), None, "", (passage,)),
            Relation("x", "z", "duplicate", 1.0, 1.0, 1.0, "x", odd, (passage, passage)),
        ),
    )


@pytest.mark.parametrize("which", ["sample", "empty", "unicode", "odd"])
def test_json_is_written_item_by_item_with_the_bytes_of_one_dumps(which: str) -> None:
    digest = {
        "sample": sample_digest(),
        "empty": Digest(articles=(), stories=()),
        "unicode": Digest(
            articles=(Article("x", 'Zürich "東京"\nline', "", "", word_count=0),), stories=()
        ),
        "odd": _odd_digest(),
    }[which]
    whole = json.dumps(digest_to_dict(digest), sort_keys=True, ensure_ascii=False, indent=2)
    assert to_json(digest) == whole


def _random_json(rng: random.Random, depth: int = 0) -> object:
    scalars: list[object] = [
        None,
        True,
        False,
        0,
        -7,
        2**70,
        0.1,
        -1e-300,
        1e22,
        float("nan"),
        float("inf"),
        "",
        'a"b\\c',
        "tab\tnew\nline\x01",
        "Zürich 東京 \u2028 😀",
    ]
    if depth > 3 or rng.random() < 0.4:
        return rng.choice(scalars)
    size = rng.randint(0, 4)
    if rng.random() < 0.5:
        keys = rng.sample(["b", "a", "é", "", "key with space", "Z"], size)
        return {key: _random_json(rng, depth + 1) for key in keys}
    items = [_random_json(rng, depth + 1) for _ in range(size)]
    return tuple(items) if rng.random() < 0.3 else items


def test_json_items_are_encoded_as_json_dumps_encodes_them() -> None:
    rng = random.Random(3)
    values = [_random_json(rng) for _ in range(400)] + [{1: "int keys"}, {"a": {2: [3]}}]
    for value in values:
        expected = json.dumps(value, sort_keys=True, ensure_ascii=False, indent=2)
        assert _dumps(value) == expected
        assert _dumps(value, "    ") == expected.replace("\n", "\n    ")
    with pytest.raises(TypeError):
        _dumps({"a": {1, 2}})


def test_json_drops_article_text_but_keeps_word_count() -> None:
    full = replace(sample_digest(), articles=tuple(sample_articles()))
    data = json.loads(to_json(full))
    assert [a["words"] for a in data["articles"]] == [a.words for a in sample_articles()]
    assert "text" not in data["articles"][0]
    decoded = digest_from_json(to_json(full))
    assert decoded.articles[0].text == "" and decoded.articles[0].word_count == 34


def test_json_is_deterministic_and_sorted() -> None:
    text = to_json(sample_digest())
    assert text == to_json(sample_digest())
    data = json.loads(text)
    assert list(data) == sorted(data)
    assert sorted(data) == [
        "articles",
        "groups",
        "notes",
        "relations",
        "skipped",
        "stories",
        "topics",
        "version",
    ]
    assert sorted(data["stories"][0]) == [
        "article_ids",
        "first_date",
        "id",
        "keywords",
        "last_date",
        "outlets",
        "summary",
        "timeline",
        "title",
        "topic_id",
        "undated",
    ]
    assert data["relations"][1]["passages"][0] == {
        "a_end": 69,
        "a_start": 23,
        "b_end": 46,
        "b_start": 0,
        "kind": "verbatim",
        "score": 0.95,
        "a_text": "The harbour bridge in Velmora closed on Monday",
        "b_text": "The harbour bridge in Velmora closed on Monday",
    }


def test_json_keeps_unicode_as_is() -> None:
    digest = Digest(articles=(Article("x", "Zürich 東京", "", "", word_count=0),), stories=())
    assert '"title": "Zürich 東京"' in to_json(digest)


def test_json_reads_minor_versions_and_ignores_unknown_keys() -> None:
    data = json.loads(to_json(sample_digest()))
    data["version"] = "1.7"
    data["future"] = {"anything": 1}
    data["stories"][0]["new_field"] = [1, 2]
    decoded = digest_from_json(json.dumps(data))
    assert decoded.version == "1.7"
    assert decoded.stories == sample_digest().stories


@pytest.mark.parametrize(
    ("text", "error", "reason"),
    [
        ("not json", StoreError, "not valid JSON"),
        ("[]", StoreError, "digest should be an object"),
        ('{"stories": []}', StoreError, "has no 'version'"),
        ('{"version": "2.0"}', IncompatibleParametersError, "schema version '2.0'"),
        ('{"version": "1.0", "articles": [{"title": "x"}]}', StoreError, "articles[0] has no 'id'"),
        (
            '{"version": "1.0", "articles": [{"id": 3}]}',
            StoreError,
            "articles[0].id has the wrong type",
        ),
        ('{"version": "1.0", "stories": [{"id": "s", "article_ids": [1]}]}', StoreError, "strings"),
        (
            '{"version": "1.0", "relations": [{"a": "x", "b": "y", "kind": "rewrite", '
            '"similarity": true}]}',
            StoreError,
            "similarity has the wrong type",
        ),
        (
            '{"version": "1.0", "stories": [{"id": "s", "summary": [{"text": "a"}, 5]}]}',
            StoreError,
            "digest.stories[0].summary[1] should be an object",
        ),
        (
            '{"version": "1.0", "stories": [{"id": "s", "summary": [{"variants": '
            '[{"text": "a", "article_ids": ["x"]}, {"text": 2}]}]}]}',
            StoreError,
            "digest.stories[0].summary[0].variants[1].text has the wrong type",
        ),
    ],
)
def test_json_bad_input_names_the_reason(text: str, error: type[Exception], reason: str) -> None:
    with pytest.raises(error, match=re.escape(reason)):
        digest_from_json(text)


def test_another_major_version_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="rebuild"):
        digest_from_json('{"version": "0.9"}')


# ---------------------------------------------------------------- views


def test_fold_story_puts_duplicates_under_their_representative() -> None:
    digest = sample_digest()
    folded = fold_story(digest.stories[0], DigestIndex(digest))
    assert [(f.article.id, f.number, [(d.id, n) for d, n in f.duplicates]) for f in folded] == [
        ("wire1", 1, [("dup1", 2)]),
        ("rew1", 3, []),
    ]


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://a.example/x?y=1", "https://a.example/x?y=1"),
        ("http://a.example", "http://a.example"),
        ("javascript:alert(1)", None),
        ("JaVaScRiPt:alert(1)", None),
        (" javascript:alert(1)", None),
        ("data:text/html,<script>", None),
        ("//evil.example/x", None),
        ('https://a.example/"onmouseover=x', None),
        ("https://a.example/\nx", None),
        ("", None),
    ],
)
def test_safe_url_allows_only_http(url: str, safe: str | None) -> None:
    assert safe_url(url) == safe


def test_segments_clip_bad_offsets_and_overlaps() -> None:
    parts = segments("abcdefghij", [(2, 5, 1, ""), (4, 7, 2, ""), (8, 99, 3, ""), (-3, 1, 4, "")])
    assert [(s.text, s.mark) for s in parts] == [
        ("a", 4),
        ("b", 0),
        ("cde", 1),
        ("fg", 2),
        ("h", 0),
        ("ij", 3),
    ]


# ---------------------------------------------------------------- html


def _scripts(html: str) -> list[str]:
    return re.findall(r"<script\b[^>]*>", html, flags=re.IGNORECASE)


def test_html_report_is_self_contained() -> None:
    html = to_html(sample_digest())
    assert html.startswith("<!doctype html>")
    assert _scripts(html) == ["<script>"]  # our one inline script, pinned by the CSP hash
    assert re.findall(r"\bsrc=", html) == []  # no asset is loaded from anywhere
    assert "<link" not in html and "url(http" not in html and "@import" not in html
    assert "default-src 'none'" in _csp(html)
    # the only absolute links are the articles' own (http/https) urls, marked noopener
    assert re.findall(r'href="(https?://[^"]+)"', html) == [
        "https://northwire.example/bridge",
        "https://gazette.example/b",
    ]
    assert html.count('<svg class="chart reuse-graph"') == 1
    assert html.count('<svg class="chart timeline-chart"') == 1
    assert html.count('<svg class="spark"') == 1


def _csp(html: str) -> str:
    found = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html)
    assert found is not None
    return unescape(found.group(1))


def test_html_report_csp_hashes_match_inline_assets() -> None:
    html = to_html(sample_digest())
    script = re.search(r"<script>(.*?)</script>", html, flags=re.DOTALL)
    style = re.search(r"<style>(.*?)</style>", html, flags=re.DOTALL)
    assert script and style
    for body in (script.group(1), style.group(1)):
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in _csp(html)


def test_html_report_shows_story_parts() -> None:
    html = to_html(sample_digest())
    assert "Velmora bridge closure" in html
    assert '<span class="badge original">original</span>' in html
    assert "1 duplicate" in html
    assert "three weeks after the closure" in html
    assert "bad.jsonl:7" in html


def test_hostile_content_is_inert_in_the_report() -> None:
    html = to_html(hostile_digest())
    assert _scripts(html) == ["<script>"]
    assert "<img" not in html and "<iframe" not in html and "<svg onload" not in html
    assert "javascript:" not in html
    assert (
        re.search(r"<[^>]+\son\w+=", re.sub(r'"[^"]*"', '""', html)) is None
    )  # no event handler attribute anywhere
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<style>body{display:none}" not in html


def test_hostile_content_is_inert_in_compare_html() -> None:
    a, b = hostile_articles()
    html = compare_html(a, b, hostile_digest().relations[0])
    assert _scripts(html) == []
    assert "script-src 'none'" in _csp(html)
    assert "<img" not in html and 'href="javascript:' not in html
    assert "&lt;iframe src=//evil.example&gt;" in html  # shown as text
    assert re.search(r"<[^>]+\son\w+=", re.sub(r'"[^"]*"', '""', html)) is None
    assert html.count("<mark") == 2


def test_compare_html_highlights_both_sides() -> None:
    articles = {a.id: a for a in sample_articles()}
    relation = sample_digest().relations[1]
    html = compare_html(articles["wire1"], articles["rew1"], relation)
    assert html.count('<mark id="pa-') == 2 and html.count('<mark id="pb-') == 2
    assert '<mark id="pa-1" class="verbatim"' in html
    assert '<mark id="pb-2" class="paraphrase"' in html
    assert "original" in html


def test_compare_text_marks_passages_plainly() -> None:
    articles = {a.id: a for a in sample_articles()}
    relation = sample_digest().relations[1]
    text = compare_text(articles["rew1"], articles["wire1"], relation, width=90)
    lines = text.splitlines()
    assert lines[0] == (
        "rewrite, similarity 0.62, 2 reused passage(s); original: right [wire1] "
        "(wire1 was published first)"
    )
    assert lines[5] == (
        "Commuters face delays. »1 The harbour       │ »1 The harbour bridge in Velmora closed on"
    )
    assert text.count("»1") == 2 and text.count("»2") == 2 and text.count("«") == 4
    assert "\x1b" not in text


def test_compare_text_without_relation() -> None:
    a, b = sample_articles()[0], sample_articles()[3]
    text = compare_text(a, b, None)
    assert text.startswith("no recorded relation between these articles\n")
    assert "»" not in text


def test_big_story_report_stays_bounded() -> None:
    ids = tuple(f"x{i}" for i in range(300))
    articles = tuple(Article(i, f"T {i}", "", "", "O", published="2031-01-02") for i in ids)
    relations = tuple(
        Relation(ids[i], ids[i + 1], "rewrite", 0.5, passages=(Passage(0, 1, 0, 1, "a", "a"),))
        for i in range(299)
    )
    digest = Digest(articles, (Story("s", "S", ids),), relations)
    html = to_html(digest)
    assert html.count('class="node') == 40  # the graph keeps the 40 best-connected articles
    assert "249 more relations not shown." in html


def test_report_lists_relations_outside_stories() -> None:
    digest = sample_digest()
    with_stories = to_html(digest)
    assert 'id="reuse"' not in with_stories  # every relation is shown inside its story
    only_relations = to_html(replace(digest, stories=(), topics=()))
    assert '<section id="reuse" aria-label="Reuse between stories"><h2>Reuse</h2>' in only_relations
    assert only_relations.count('aria-label="comparison"') == 2
    assert '<mark class="paraphrase">Ferries will run every twenty minutes</mark>' in only_relations


def test_terminal_outputs_drop_control_characters() -> None:
    evil = "Title \x1b[2J\x1b]0;owned\x07 \u202eesrever"
    article = Article("e", evil, "Body \x1b[31mred\x1b[0m\nnext", "", "Src\x9b")
    text = compare_text(article, article, None)
    assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text
    assert "Body [31mred[0m" in text
    digest = Digest(articles=(article,), stories=(Story("s", evil, ("e",)),))
    markdown = to_markdown(digest)
    assert "\x1b" not in markdown and "\x9b" not in markdown
    assert "## 1. Title \\[2J\\]0;owned esrever" in markdown


def _topic_digest() -> Digest:
    digest = sample_digest()
    disputed = Claim(
        "The span carries 30,000 cars a day.",
        "wire1",
        ("wire1",),
        1,
        "wire1",
        variants=(
            Variant("30,000 cars", ("wire1",)),
            Variant("about 30,000 vehicles", ("chess",)),
        ),
    )
    lead = Claim("Chess club wins cup.", "chess", ("chess",), 1, "chess")
    topic = Topic("t1", "Velmora", ("s-bridge", "s-chess"), ("velmora",), (lead, disputed))
    return replace(digest, topics=(topic,))


def test_markdown_topic_summary_cites_story_sources_and_shows_variants() -> None:
    lines = to_markdown(_topic_digest()).splitlines()
    start = lines.index("## Topics")
    assert lines[start + 2 : start + 8] == [
        "- Velmora: stories 1, 2 (velmora)",
        "  - Chess club wins cup. [2.1] (1 independent outlet)",
        "  - The span carries 30,000 cars a day. [1.1] (1 independent outlet)",
        "    - sources differ:",
        "      - 30,000 cars [1.1] (first reported 2031-03-03 08:00)",
        "      - about 30,000 vehicles [2.1]",
    ]


def test_topic_numbers_are_those_of_the_story_headings_whatever_the_stored_order() -> None:
    digest = _topic_digest()
    for stories in (digest.stories, digest.stories[::-1]):
        markdown = to_markdown(replace(digest, stories=stories))
        heads = re.findall(r"^## (\d+)\. (.+)$", markdown, re.M)
        number = {title: n for n, title in heads}
        chess = next(n for n, title in heads if "hess" in title)
        assert f"- Chess club wins cup. [{chess}.1]" in markdown.replace("  - Chess", "- Chess")
        assert f"stories {', '.join(sorted(number.values()))} (velmora)" in markdown


def test_html_report_shows_the_topic_summary_and_its_variants() -> None:
    html = to_html(_topic_digest())
    topics = html[html.index('<section id="topics"') :]
    assert "Chess club wins cup." in topics
    assert "Sources differ:" in topics
    assert 'aria-label="source 1.1">[1.1]</a>' in topics
    assert 'aria-label="source 2.1">[2.1]</a>' in topics


def test_claims_count_outlets_only_when_every_outlet_is_known() -> None:
    def made(aid: str, source: str) -> Article:
        return Article(id=aid, title=aid, text="x", raw_text="x", source=source)

    claim = Claim("The ferry ran.", "a", ("a", "b"), 2, "a")
    named = {"a": made("a", "Alpha"), "b": made("b", "Beta")}
    assert claim_outlets(claim, named) == "2 independent outlets"
    assert claim_outlets(claim) == "2 independent outlets"  # no articles at hand: as before
    unnamed = {**named, "b": made("b", "unknown")}
    assert claim_outlets(claim, unnamed) == "2 independent sources"
    alone = Claim("The ferry ran.", "b", ("b",), 1, "b")
    assert claim_outlets(alone, unnamed) == "1 independent source"


def test_an_article_with_no_outlet_is_not_shown_as_an_outlet() -> None:
    # Ingest stores "unknown" when nothing names the outlet: a reader must not see an outlet
    # called "unknown" beside the real ones, nor count it as one.
    articles = sample_articles()
    articles[1] = replace(articles[1], source="unknown")
    digest = sample_digest(articles)
    bridge = replace(digest.stories[0], outlets=("Daily Coast", "Northwire", "unknown"))
    digest = replace(digest, stories=(bridge, *digest.stories[1:]))
    undecided = replace(digest.relations[0], original=None, reason="")
    markdown = to_markdown(replace(digest, relations=(undecided, *digest.relations[1:])))
    assert "outlets: Daily Coast, Northwire, no outlet named · id s-bridge" in markdown
    assert "— no outlet named — 2031-03-03" in markdown  # the article in the sources
    assert "(no outlet named)" in markdown  # a relation's end
    assert "unknown" not in markdown
    page = unescape(to_html(replace(digest, relations=(undecided, *digest.relations[1:]))))
    assert "<span>3 articles</span><span>2 outlets, 1 article with no outlet named</span>" in page
    assert "no outlet named · 1" in page  # the outlets' badges
    assert ">undecided<" in page  # a relation with no original, not an "unknown" outlet
    assert "unknown" not in page.replace("year unknown", "")
    nameless = [replace(a, source="unknown") for a in articles]
    alone = replace(bridge, outlets=("unknown",))
    page = to_html(replace(sample_digest(nameless), stories=(alone, *digest.stories[1:])))
    assert "<span>3 articles</span><span>no outlet named</span>" in page  # not "0 outlets"
    compared = compare_text(articles[0], articles[1], digest.relations[1], width=300)
    assert "— no outlet named, 2031-03-03T10:00:00 [dup1]" in compared


def test_a_story_row_says_its_count_is_of_articles_when_the_headings_are_hidden() -> None:
    # On a narrow screen the stories table stacks its cells and hides its headings: the
    # count must say what it counts ("3 articles", not a bare "3").
    page = to_html(sample_digest())
    assert '<td class="num">3<span class="unit"> articles</span></td>' in page
    assert '<td class="num">1<span class="unit"> article</span></td>' in page
    assert "table.stack .unit { display: inline; }" in page  # the style is inline too


def test_a_topic_prints_no_sentence_of_a_story_left_out_of_the_page() -> None:
    # --max-stories, --since or --changed can show one story of a topic and not the other:
    # the other's sentences would be printed with no source to read.
    one = StorySelection(max_stories=1)
    lines = to_markdown(_topic_digest(), one).splitlines()
    topic = lines[lines.index("## Topics") + 2 :]
    claims = [line for line in topic[1 : topic.index("")] if not line.startswith("    ")]
    assert claims and all("[1.1]" in line for line in claims)
    assert len(claims) == 1
    html = to_html(_topic_digest(), one)
    topics = html[html.index('<section id="topics"') :]
    assert "Chess club wins cup." not in topics
    assert topics.count("<bdi>") == 1


def test_a_topic_variant_whose_sources_are_not_on_the_page_says_so() -> None:
    # With the chess story left out, "about 30,000 vehicles" was printed with no marker at
    # all, as if nobody said it.
    lines = to_markdown(_topic_digest(), StorySelection(max_stories=1)).splitlines()
    variant = next(line for line in lines if "about 30,000 vehicles" in line)
    assert variant.strip() == "- about 30,000 vehicles (+1 more)"


def test_a_topic_with_a_story_left_out_of_the_page_says_how_many() -> None:
    # A topic is titled after one of its stories, which may be the one left out: the line
    # says that the page shows only some of them.
    one = StorySelection(max_stories=1)
    lines = to_markdown(_topic_digest(), one).splitlines()
    topic = lines[lines.index("## Topics") + 2]
    assert ": stories 1 (1 more not shown)" in topic
    every = to_markdown(_topic_digest()).splitlines()
    assert "not shown" not in every[every.index("## Topics") + 2]
    html = to_html(_topic_digest(), one)
    assert '<span class="muted"> (1 more not shown)</span>' in html
