"""Voice groups: copies count as one source, but a voice never chains unrelated texts."""
# ruff: noqa: E501  (fixture prose: one sentence per line, as news text is)

from __future__ import annotations

import random
from collections.abc import Iterable

from storyline.dedup import find_relations
from storyline.dedup.groups import duplicate_groups, voice_groups
from storyline.model import Article, DuplicateGroup, Relation, RelationKind
from storyline.provenance import CONTAINMENT_REASON, direction


def _article(article_id: str, published: str | None = None) -> Article:
    return Article(id=article_id, title="", text="x", raw_text="x", published=published)


def _relation(
    a: str,
    b: str,
    kind: RelationKind,
    similarity: float = 0.8,
    held: str | None = None,
    original: str | None = None,
    reason: str = "",
) -> Relation:
    """a - b (a < b); for an excerpt, ``held`` is the side whose text is inside the other."""
    containment_a, containment_b = similarity, similarity
    if held is not None:
        containment_a, containment_b = (0.9, 0.2) if held == a else (0.2, 0.9)
    return Relation(a, b, kind, similarity, containment_a, containment_b, original, reason)


def _members(groups: tuple[DuplicateGroup, ...]) -> set[tuple[str, ...]]:
    return {group.article_ids for group in groups}


def _voices(relations: list[Relation], ids: Iterable[str]) -> set[tuple[str, ...]]:
    return _members(voice_groups(relations, [_article(i) for i in ids]))


def test_a_rewrite_chain_whose_ends_share_nothing_is_two_voices() -> None:
    relations = [_relation("a", "b", "rewrite", 0.9), _relation("b", "c", "rewrite", 0.7)]
    assert _voices(relations, "abc") == {("a", "b")}


def test_a_rewrite_joins_a_group_whose_members_it_mostly_copies() -> None:
    relations = [
        _relation("a", "b", "rewrite", 0.9),
        _relation("b", "c", "rewrite", 0.7),
        _relation("a", "c", "excerpt", 0.6, held="c"),
    ]
    assert _voices(relations, "abc") == {("a", "b", "c")}


def test_a_shared_background_paragraph_does_not_make_one_voice_of_two_reports() -> None:
    relations = [
        _relation("a", "b", "rewrite", 0.9),
        _relation("b", "c", "rewrite", 0.7),
        _relation("a", "c", "shares-passages", 0.3),
    ]
    assert _voices(relations, "abc") == {("a", "b")}


def test_a_wire_and_its_three_copies_stay_one_voice() -> None:
    relations = [
        _relation("copy1", "wire", "duplicate", 1.0),
        _relation("copy2", "wire", "near-duplicate", 0.9),
        _relation("copy1", "copy2", "near-duplicate", 0.9),
        _relation("copy3", "wire", "rewrite", 0.8),
        _relation("copy1", "copy3", "rewrite", 0.8),
        _relation("copy2", "copy3", "rewrite", 0.75),
    ]
    articles = [_article(i) for i in ("wire", "copy1", "copy2", "copy3")]
    assert _members(voice_groups(relations, articles)) == {("copy1", "copy2", "copy3", "wire")}


def test_a_live_blog_quoting_two_unrelated_sources_does_not_merge_them() -> None:
    # the blog holds both wires; provenance names it the original only by containment,
    reason = f"{CONTAINMENT_REASON}: 90% of the shorter text is inside it"
    # and takes more of its own text from wire1 (40%) than from wire2 (10%)
    relations = [
        Relation("blog", "wire1", "excerpt", 0.5, 0.4, 0.9, "blog", reason),
        Relation("blog", "wire2", "excerpt", 0.4, 0.1, 0.9, "blog", reason),
    ]
    assert _voices(relations, ["blog", "wire1", "wire2"]) == {("blog", "wire1")}


def test_a_dated_live_blog_later_than_its_two_sources_joins_one_of_them() -> None:
    # the dates name each wire the blog's original: a copy of two originals joins one only
    relations = [
        Relation("blog", "wire1", "excerpt", 0.5, 0.4, 0.9, "wire1", "published earlier"),
        Relation("blog", "wire2", "excerpt", 0.4, 0.1, 0.9, "wire2", "published earlier"),
    ]
    articles = [_article("blog", "2024-03-02"), _article("wire1", "2024-03-01")]
    articles.append(_article("wire2", "2024-03-01"))
    assert _members(voice_groups(relations, articles)) == {("blog", "wire1")}


def test_a_page_holding_texts_related_among_themselves_keeps_them_all() -> None:
    relations = [
        _relation("page", "s1", "excerpt", 0.5, held="s1"),
        _relation("page", "s2", "excerpt", 0.4, held="s2"),
        _relation("s1", "s2", "shares-passages", 0.6),
    ]
    assert _voices(relations, ["page", "s1", "s2"]) == {("page", "s1", "s2")}


def test_a_snippet_found_in_two_unrelated_pages_does_not_merge_them() -> None:
    relations = [
        _relation("page1", "snip", "excerpt", 0.3, held="snip"),
        _relation("page2", "snip", "excerpt", 0.2, held="snip"),
    ]
    assert _voices(relations, ["page1", "page2", "snip"]) == {("page1", "snip")}


def test_pages_sharing_only_the_snippet_they_hold_are_not_one_voice() -> None:
    # a box of page furniture held whole by two articles: they share it, and nothing else
    relations = [
        Relation("box", "page1", "excerpt", 0.2, 1.0, 0.1),
        Relation("box", "page2", "excerpt", 0.3, 1.0, 0.3),
        _relation("page1", "page2", "shares-passages", 0.2),
    ]
    # the box joins the page most made of it
    assert _voices(relations, ["box", "page1", "page2"]) == {("box", "page2")}


def test_a_dated_wire_keeps_excerpts_of_its_different_parts() -> None:
    # the cuts share nothing, but the dates name the wire their original: a star, one voice
    reason = "published earlier: 2024-03-01 before 2024-03-02"
    relations = [
        _relation("cut1", "wire", "excerpt", 0.3, held="cut1", original="wire", reason=reason),
        _relation("cut2", "wire", "excerpt", 0.3, held="cut2", original="wire", reason=reason),
    ]
    articles = [_article("wire", "2024-03-01"), _article("cut1"), _article("cut2")]
    (group,) = voice_groups(relations, articles)
    assert group.article_ids == ("cut1", "cut2", "wire")
    assert group.representative == "wire"


def test_provenance_still_names_containment_with_the_reason_voice_groups_reads() -> None:
    longer, shorter = _article("long"), _article("short")
    original, reason = direction(longer, shorter, "excerpt", 0.1, 0.9)
    assert original == "long"
    assert reason.startswith(CONTAINMENT_REASON)


def test_voice_groups_do_not_depend_on_input_order() -> None:
    relations = [
        _relation("a", "b", "rewrite", 0.9),
        _relation("b", "c", "rewrite", 0.9),
        _relation("a", "c", "shares-passages", 0.2),
        _relation("c", "d", "rewrite", 0.9),
        _relation("d", "e", "duplicate", 1.0),
        _relation("e", "f", "excerpt", 0.4, held="f"),
        _relation("f", "g", "excerpt", 0.4, held="f"),
        _relation("blog", "x", "excerpt", 0.5, held="x"),
        _relation("blog", "y", "excerpt", 0.5, held="y"),
    ]
    articles = [_article(i, f"2024-01-0{n % 9 + 1}") for n, i in enumerate("abcdefgxy")]
    articles.append(_article("blog"))
    expected = voice_groups(relations, articles)
    rng = random.Random(5)
    for _ in range(20):
        rng.shuffle(relations)
        rng.shuffle(articles)
        assert voice_groups(relations, articles) == expected
    assert len(expected) >= 3


def test_duplicate_groups_still_close_transitively() -> None:
    relations = [
        _relation("a", "b", "near-duplicate", 0.9),
        _relation("b", "c", "near-duplicate", 0.9),
        _relation("c", "d", "rewrite", 0.9),
    ]
    articles = [_article(i) for i in "abcd"]
    assert _members(duplicate_groups(relations, articles)) == {("a", "b", "c")}


WIRE_ONE = """The harbour authority of Quellmouth closed the north pier on Monday after inspectors found cracks in its concrete piles.
Ferries to the islands will dock at the old fish quay until repairs are finished, the authority said in a statement.
Engineers expect the work to take at least six weeks and to cost about two million crowns.
Fishing boats have been asked to moor in the southern basin, where extra berths were marked out overnight."""

WIRE_TWO = """Farmers in the Ostervale valley began the apple harvest two weeks early after an unusually warm summer.
Growers said the fruit was smaller than last year but sweeter, and that prices at the Tuesday market had held steady.
The regional cooperative hired forty extra pickers from neighbouring towns to bring in the crop before the first frost.
A cider press in the village of Hollin will run day and night through October to keep up with deliveries."""

BLOG_NOTE = """Live updates from our newsroom, compiled by the regional desk through the day.
We will add new reports below as they come in, with the newest at the top of this page."""


def test_find_relations_voices_keep_a_live_blogs_sources_apart() -> None:
    wire_one = Article(id="w1", title="", text=WIRE_ONE, raw_text=WIRE_ONE)
    wire_two = Article(id="w2", title="", text=WIRE_TWO, raw_text=WIRE_TWO)
    text = "\n".join([BLOG_NOTE, WIRE_ONE, WIRE_TWO])
    blog = Article(id="blog", title="", text=text, raw_text=text)
    result = find_relations([wire_one, wire_two, blog])
    kinds = {(r.a, r.b): r.kind for r in result.relations}
    assert kinds == {("blog", "w1"): "excerpt", ("blog", "w2"): "excerpt"}
    voices = _members(result.voices)
    assert len(voices) == 1
    assert not any({"w1", "w2"} <= set(members) for members in voices)


def test_a_translation_is_one_voice_with_its_original_but_bridges_nothing() -> None:
    assert _voices([_relation("a", "b", "translation", 0.9)], "ab") == {("a", "b")}
    relations = [_relation("a", "b", "translation", 0.9), _relation("b", "c", "rewrite", 0.7)]
    assert _voices(relations, "abc") == {("a", "b")}


def test_a_reprinted_translation_is_one_voice_with_its_original() -> None:
    relations = [
        _relation("fr", "fr-copy", "near-duplicate", 0.9),
        _relation("fr", "wire", "translation", 1.0, original="wire", reason="published earlier"),
    ]
    assert _voices(relations, ["wire", "fr", "fr-copy"]) == {("fr", "fr-copy", "wire")}
    # Without a named original the majority rule alone decides: one link of two pairs.
    relations[1] = _relation("fr", "wire", "translation", 1.0)
    assert _voices(relations, ["wire", "fr", "fr-copy"]) == {("fr", "fr-copy")}
