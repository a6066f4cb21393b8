"""Dedup stage: shingles, MinHash, LSH, the signature index, relations and groups.

The fictional fixtures (one event, every kind of reuse) are shared with test_reuse.py.
"""
# ruff: noqa: E501  (fixture prose: one sentence per line, as news text is)

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from storyline.dedup import DedupOptions, SignatureIndex, find_relations
from storyline.dedup.candidates import shared_key_pairs, winnow
from storyline.dedup.lsh import candidate_pairs
from storyline.dedup.minhash import estimate_jaccard, signatures
from storyline.dedup.shingles import mix, shingle_hashes, text_hashes, token_hashes
from storyline.errors import IncompatibleParametersError, OptionsError
from storyline.ids import stable_id
from storyline.model import Article
from storyline.text import words

BASE = """Flooding closed the Marrow Bridge in Lindenport on Tuesday after three days of heavy rain.
City engineers said water reached the deck of the old stone bridge shortly before dawn, and police turned back commuters at both ends.
Mayor Orla Fenwick said the bridge would stay closed until inspectors could check the foundations for damage.
Buses between the harbour district and the northern suburbs were diverted over the Quarry Road crossing, adding about forty minutes to each trip.
The river authority measured the water at 4.2 metres above its normal level, the highest reading since the great flood of 1987.
Shopkeepers on Tanner Street piled sandbags against their doors as the river spilled into the lowest part of the old town.
Forecasters expect the rain to ease on Thursday, but warned that water from the hills would keep the river high through the weekend.
The council has opened the Lindenport sports hall as a shelter for residents forced to leave their homes."""

STATEMENT = (
    "We are asking everyone to stay away from the riverbank until the water goes down, "
    "because the current is far stronger than it looks"
)

QUOTING_A = f"""Rescue crews pulled two kayakers from the swollen Vell river near Lindenport on Wednesday.
The pair had ignored warning signs at the Millbrook landing and capsized within minutes, volunteers said.
"{STATEMENT}," the regional fire service said in a statement.
Both kayakers were treated for cold at the Lindenport clinic and sent home the same evening.
Volunteers said the landing would be fenced off for the rest of the month."""

QUOTING_B = f"""Schools in the Vell valley will stay shut on Thursday as flood water keeps rising across the district.
Headteachers said parents had been told by text message late on Wednesday evening.
The regional fire service repeated its warning: "{STATEMENT}."
School buses will not run, and exams planned for Friday have been moved to next week.
The education office said it would decide about next Monday after the weekend."""

REWRITE = """The Marrow Bridge of Lindenport was shut on Tuesday when flood water rose after three days of rain, The Harbour Gazette reports.
According to municipal engineers, the water rose up to the deck of the ancient stone bridge just before sunrise, and officers stopped commuters at each end.
Mayor Orla Fenwick stated the bridge will remain shut until inspectors have examined its foundations for damage.
Buses linking the harbour district to the northern suburbs now use the Quarry Road crossing, which adds roughly forty minutes to every trip.
The river authority recorded water 4.2 metres above its usual level, its highest since the big flood of 1987.
Forecasters expect rain to ease on Thursday but said water coming from the hills will keep the river high all weekend."""

UNRELATED = """The Lindenport chess club won the regional team championship on Saturday for the first time in twenty years.
Captain Ivo Marsh drew his final game against the defending champions to secure the title by half a point.
The club plans to celebrate with an open tournament for schoolchildren in the town library next month.
Membership has doubled since the club moved into the old post office building two years ago."""


def near_duplicate(text: str) -> str:
    """Three words changed and a furniture line added: a light edit."""
    edited = (
        text.replace("three days of heavy rain", "three days of torrential rain")
        .replace("about forty minutes", "around forty minutes")
        .replace("piled sandbags", "stacked sandbags")
    )
    return edited + "\nRead more: weather warnings for the week"


def excerpt(text: str) -> str:
    return "\n".join(text.split("\n")[:4])


def article(article_id: str, text: str, **fields: str | None) -> Article:
    values = {"source": "unknown", "url": "", "published": None} | fields
    return Article(
        id=article_id,
        title=text.split("\n", 1)[0][:60],
        text=text,
        raw_text=text,
        source=str(values["source"]),
        url=str(values["url"]),
        published=values["published"],
    )


def corpus() -> list[Article]:
    """Ids are chosen so that the expected (a, b) order is easy to read."""
    return [
        article("a-base", BASE, source="Harbour Gazette", published="2024-03-05T08:00:00"),
        article("b-wire", BASE, source="Valley Wire", published="2024-03-05T09:30:00"),
        article(
            "c-near", near_duplicate(BASE), source="Northern Post", published="2024-03-05T11:00:00"
        ),
        article("d-excerpt", excerpt(BASE), source="Town Radio", published="2024-03-05T12:00:00"),
        article("e-rewrite", REWRITE, source="Daily Digest"),
        article("f-kayak", QUOTING_A, source="Riverside Times", published="2024-03-06T10:00:00"),
        article("g-schools", QUOTING_B, source="Valley Wire", published="2024-03-06T18:00:00"),
        article("h-chess", UNRELATED, source="Harbour Gazette", published="2024-03-09T10:00:00"),
    ]


EXPECTED = [
    ("a-base", "b-wire", "duplicate"),
    ("a-base", "c-near", "near-duplicate"),
    ("a-base", "d-excerpt", "excerpt"),
    ("a-base", "e-rewrite", "rewrite"),
    ("b-wire", "c-near", "near-duplicate"),
    ("b-wire", "d-excerpt", "excerpt"),
    ("b-wire", "e-rewrite", "rewrite"),
    ("c-near", "d-excerpt", "excerpt"),
    ("c-near", "e-rewrite", "rewrite"),
    ("d-excerpt", "e-rewrite", "rewrite"),
    ("f-kayak", "g-schools", "shares-passages"),
]


def test_words_fast_path_matches_token_rules() -> None:
    assert words("U.S. troops, 4.2 metres; O'Neil's well-known plan_b") == [
        "U.S",
        "troops",
        "4.2",
        "metres",
        "O'Neil's",
        "well-known",
        "plan",
        "b",
    ]
    assert words("東京は晴れ ok") == ["東", "京", "は", "晴", "れ", "ok"]


def test_byte_tokeniser_agrees_with_words() -> None:
    texts = [
        BASE,
        "Ünter den Linden, 4.2 km; O'Neil's well-known plan_b",
        "東京は晴れ。ok",
        "",
        "x",
    ]
    flat, offsets, capital = text_hashes(texts, 1)
    assert [int(n) for n in offsets[1:] - offsets[:-1]] == [len(words(t)) for t in texts]
    by_token: dict[str, int] = {}
    for text, start in zip(texts, offsets[:-1].tolist(), strict=True):
        for k, token in enumerate(w.lower() for w in words(text)):
            assert by_token.setdefault(token, int(flat[start + k])) == int(flat[start + k])
    first = [bool(c) for c in capital[offsets[1] : offsets[2]]]
    assert first == [True, False, True, True, False, True, False, False, False]  # Ünter


def test_shingles_never_span_texts_and_short_texts_get_one() -> None:
    flat, offsets = token_hashes(
        [["a", "b", "c", "d"], [], ["a", "b"], ["x", "a", "b", "c", "d"]], 1
    )
    shingles, s_offsets = shingle_hashes(flat, offsets, 3)
    assert s_offsets.tolist() == [0, 2, 2, 3, 6]
    # "a b c" and "b c d" are the same shingles in texts 0 and 3
    assert shingles[0:2].tolist() == shingles[4:6].tolist()
    assert shingles[2] not in shingles[[0, 1, 3, 4, 5]]


def test_oph_signatures_estimate_jaccard() -> None:
    rng = np.random.default_rng(5)
    universe = mix(rng.integers(0, 2**63, size=3000, dtype=np.uint64))
    a, b = universe[:2000], universe[1000:3000]  # J = 1000 / 3000
    shingles = np.concatenate([a, b])
    offsets = np.array([0, len(a), len(a) + len(b)], dtype=np.int64)
    sig = signatures(shingles, offsets, 256)
    assert abs(estimate_jaccard(sig[0], sig[1]) - 1 / 3) < 0.08
    same = signatures(np.concatenate([a, a]), offsets[[0, 1, 1]] * [1, 1, 2], 256)
    assert estimate_jaccard(same[0], same[1]) == 1.0


def test_short_text_signature_is_densified_not_empty() -> None:
    flat, offsets = token_hashes([["only", "three", "words"], ["only", "three", "words"]], 1)
    shingles, s_offsets = shingle_hashes(flat, offsets, 5)
    sig = signatures(shingles, s_offsets, 128)
    assert np.array_equal(sig[0], sig[1])
    assert len(set(sig[0].tolist())) == 128  # every bin filled, all different


def test_big_bucket_is_linked_as_a_star() -> None:
    bands = np.zeros((100, 1), dtype=np.uint32)
    pairs = candidate_pairs(bands, np.arange(100, dtype=np.int64), max_bucket=10)
    assert pairs.tolist() == [[0, j] for j in range(1, 100)]


def test_shared_keys_respect_min_shared_and_max_df() -> None:
    keys = np.array([1, 1, 2, 2, 3, 3, 3], dtype=np.uint64)
    owners = np.array([0, 1, 0, 1, 0, 1, 2], dtype=np.int64)
    assert shared_key_pairs(keys, owners, max_df=2, min_shared=2).tolist() == [[0, 1]]
    assert shared_key_pairs(keys, owners, max_df=3, min_shared=3).tolist() == [[0, 1]]
    assert shared_key_pairs(keys, owners, max_df=3, min_shared=1).tolist() == [
        [0, 1],
        [0, 2],
        [1, 2],
    ]


def test_winnowing_guarantees_an_anchor_per_shared_run() -> None:
    rng = np.random.default_rng(1)
    shared = rng.integers(0, 2**63, size=8, dtype=np.uint64)  # 8 shingles = 12 words
    a = np.concatenate([rng.integers(0, 2**63, size=50, dtype=np.uint64), shared])
    b = np.concatenate([shared, rng.integers(0, 2**63, size=70, dtype=np.uint64)])
    anchors, offsets = winnow(np.concatenate([a, b]), np.array([0, 58, 136]), 8)
    assert set(anchors[: offsets[1]].tolist()) & set(anchors[offsets[1] :].tolist())


def test_every_kind_on_the_fixtures() -> None:
    result = find_relations(corpus())
    assert [(r.a, r.b, r.kind) for r in result.relations] == EXPECTED
    by_pair = {(r.a, r.b): r for r in result.relations}
    assert by_pair["a-base", "b-wire"].similarity == 1.0
    near = by_pair["a-base", "c-near"]
    assert 0.7 <= near.similarity < 1.0
    excerpt = by_pair["a-base", "d-excerpt"]
    assert excerpt.containment_b == 1.0 and excerpt.containment_a < 0.6


def test_duplicate_group_and_its_representative() -> None:
    result = find_relations(corpus())
    ids = ("a-base", "b-wire", "c-near")
    assert [(g.id, g.representative, g.article_ids) for g in result.groups] == [
        (stable_id(*ids, prefix="g"), "a-base", ids)
    ]


def test_undated_group_takes_the_smallest_id() -> None:
    articles = [article("z2", BASE), article("z1", BASE)]
    (group,) = find_relations(articles).groups
    assert group.representative == "z1"
    assert group.article_ids == ("z1", "z2")


def test_incremental_equals_batch() -> None:
    articles = corpus()
    batch = find_relations(articles)
    first = find_relations(articles[:4])
    again = find_relations(articles, known=first.index)
    assert again.relations == batch.relations
    assert again.groups == batch.groups
    assert list(again.index.rows()) == list(batch.index.rows())


def test_index_rows_round_trip_and_size() -> None:
    options = DedupOptions()
    index = find_relations(corpus(), options).index
    rows = list(index.rows())
    assert [r[0] for r in rows] == sorted(a.id for a in corpus())
    assert {len(blob) for _, blob in rows} == {8 + 4 * options.bands}
    copy = SignatureIndex.from_rows(options.params(), rows)
    assert list(copy.rows()) == rows
    assert copy.nbytes / len(copy) == 136


def test_index_with_other_params_is_refused() -> None:
    index = find_relations(corpus()[:2], DedupOptions(num_perm=64, bands=16)).index
    with pytest.raises(IncompatibleParametersError, match="num_perm: index has 64, asked for 128"):
        find_relations(corpus(), known=index)
    other_seed = find_relations(corpus()[:2], DedupOptions(seed=7)).index
    with pytest.raises(IncompatibleParametersError, match="seed"):
        other_seed.merge(find_relations(corpus()[:2]).index)
    with pytest.raises(IncompatibleParametersError, match="has 3 bytes"):
        SignatureIndex.from_rows(DedupOptions().params(), [("x", b"abc")])


def test_options_are_validated() -> None:
    with pytest.raises(OptionsError, match="bands \\* rows"):
        DedupOptions(bands=64, rows=4)
    with pytest.raises(OptionsError, match="threshold"):
        DedupOptions(threshold=1.5)
    with pytest.raises(OptionsError, match="shingle_size"):
        DedupOptions(shingle_size=0)
    assert DedupOptions().params()["num_perm"] == 128


def test_deterministic_whatever_the_input_order() -> None:
    articles = corpus()
    one = find_relations(articles)
    two = find_relations(list(reversed(articles)))
    assert one == two or (one.relations == two.relations and one.groups == two.groups)
    assert list(one.index.rows()) == list(two.index.rows())


def test_bad_input_is_survived() -> None:
    cjk = (
        "洪水でリンデンポートの橋が火曜日に閉鎖された。市の技術者によると水は夜明け前に橋に達した。"
        * 3
    )
    thai = "น้ำท่วมทำให้สะพานปิดในวันอังคารหลังฝนตกหนักสามวัน" * 3
    articles = [
        article("empty", ""),
        article("empty2", ""),
        article("one", "Flooding"),
        article("one2", "Flooding"),
        article("cjk1", cjk),
        article("cjk2", cjk.replace("火曜日", "水曜日", 1)),
        article("thai1", thai),
        article("thai2", thai),
        article("big", (BASE + "\n") * 2000),  # about 1.3 MB
    ]
    result = find_relations(articles)
    kinds = {(r.a, r.b): r.kind for r in result.relations}
    assert "empty" not in {r.a for r in result.relations} | {r.b for r in result.relations}
    assert kinds[("one", "one2")] == "duplicate"
    assert kinds[("cjk1", "cjk2")] == "near-duplicate"
    assert kinds[("thai1", "thai2")] == "duplicate"
    assert all(r.a < r.b for r in result.relations)


def test_big_article_against_its_source_is_bounded() -> None:
    filler = "\n".join(
        f"Entry {i} of the archive lists lot {i * 7} and lot {i * 13}." for i in range(30000)
    )
    big = article("big", filler + "\n" + BASE + "\n" + filler)  # about 3 MB
    assert len(big.text) > DedupOptions().max_align_chars
    (relation,) = find_relations([article("base", BASE), big]).relations
    assert (relation.kind, relation.containment_a) == ("excerpt", 1.0)
    assert relation.passages == ()  # too long to align: shingle scores only


def test_options_without_alignment_keep_kinds() -> None:
    aligned = find_relations(corpus())
    plain = find_relations(corpus(), replace(DedupOptions(), align=False))
    assert [(r.a, r.b, r.kind) for r in plain.relations] == [
        (r.a, r.b, r.kind) for r in aligned.relations
    ]
    assert all(not r.passages for r in plain.relations if r.kind == "duplicate")
