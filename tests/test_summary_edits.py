"""Attribution: a copy that changed a phrase of a sentence is not cited for that sentence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers_cli import Run
from storyline.api import digest
from storyline.model import Claim
from storyline.summary.edits import changed_slots, timing

WIRE = (
    "The Kestrel Bridge was damaged by artillery fire at 04:30 on Monday, the regional "
    "authority said. Traffic across the bridge is suspended while engineers assess the damage "
    "to its third pier. Ferries will run between Marlow and Dorvisk every hour until the "
    "bridge reopens to traffic. Two workers were killed when a crane collapsed on the southern "
    "approach during the shelling."
)
FERRIES = "Ferries will run between Marlow and Dorvisk every hour until the bridge reopens"
CRANE = "Two workers were killed when a crane collapsed"
LEAD = "The Kestrel Bridge was damaged"

RU = (
    "Кестрельский мост повреждён артиллерийским обстрелом в понедельник в 04:30. "
    "Движение по мосту перекрыто, инженеры оценивают ущерб. "
    "Паромы между Марлоу и Дорвиском будут ходить каждый час."
)


def _claims(tmp_path: Path, original: str, copy: str) -> tuple[dict[str, str], list[Claim]]:
    """The summary claims of a wire and a repost of it an hour later, and article ids by
    outlet."""
    path = tmp_path / "posts.jsonl"
    rows = [
        {"id": "wire", "source": "Wire", "published": "2026-03-02T06:30:00Z", "text": original},
        {"id": "copy", "source": "Repost", "published": "2026-03-02T07:30:00Z", "text": copy},
    ]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    found = digest([path])
    ids = {a.source: a.id for a in found.articles}
    (story,) = found.stories
    return ids, list(story.summary)


def _claim(claims: list[Claim], opening: str) -> Claim:
    (claim,) = [c for c in claims if c.text.startswith(opening)]
    return claim


def _versions(claim: Claim) -> list[tuple[str, tuple[str, ...]]]:
    return sorted((v.text, v.article_ids) for v in claim.variants)


def test_a_repost_that_changed_the_frequency_is_not_cited_for_it(tmp_path: Path) -> None:
    ids, claims = _claims(tmp_path, RU, RU.replace("каждый час", "каждые полчаса"))
    ferries = _claim(claims, "Паромы")
    assert ferries.support == (ids["Wire"],)
    assert _versions(ferries) == sorted(
        [("каждый час", (ids["Wire"],)), ("каждые полчаса", (ids["Repost"],))]
    )
    # the sentences it kept word for word are still its
    assert _claim(claims, "Движение").support == tuple(sorted(ids.values()))


@pytest.mark.parametrize(
    ("old", "new", "changed", "versions"),
    [
        ("every hour", "every half hour", FERRIES, ("every hour", "every half hour")),
        ("on Monday", "on Tuesday", LEAD, ("Monday", "Tuesday")),
        ("were killed", "were injured", CRANE, None),  # another fact, no figure: not cited
    ],
)
def test_an_english_copy_that_changed_a_phrase_is_not_cited_for_it(
    tmp_path: Path, old: str, new: str, changed: str, versions: tuple[str, str] | None
) -> None:
    ids, claims = _claims(tmp_path, WIRE, WIRE.replace(old, new))
    claim = _claim(claims, changed)
    assert claim.support == (ids["Wire"],)
    if versions is not None:
        expected = [(versions[0], (ids["Wire"],)), (versions[1], (ids["Repost"],))]
        assert _versions(claim) == sorted(expected)
    else:
        assert claim.variants == ()
    kept = [c for c in claims if c is not claim]
    assert kept and all(c.support == tuple(sorted(ids.values())) for c in kept)


def test_a_copy_that_changed_punctuation_case_or_a_function_word_is_cited(
    tmp_path: Path,
) -> None:
    copy = (
        WIRE.replace("Ferries will run", "ferries will run")
        .replace("third pier.", "third pier!")
        .replace("on Monday, the", "on Monday; the")
        .replace("damage to its third", "damage to the third")
    )
    ids, claims = _claims(tmp_path, WIRE, copy)
    assert len(claims) == 4
    assert all(c.support == tuple(sorted(ids.values())) for c in claims)
    assert all(c.variants == () for c in claims)


def test_changed_slots_read_words_not_spelling() -> None:
    ferries = "Ferries will run between Marlow and Dorvisk every hour until the bridge reopens."
    assert changed_slots(ferries, ferries.replace("every hour", "every half hour")) == (
        ("every hour", "every half hour"),
    )
    assert changed_slots(ferries, ferries.replace("will run", "will not run")) == (
        ("will run", "will not run"),
    )
    assert changed_slots(ferries, ferries.upper().replace(".", "!")) == ()
    assert changed_slots(ferries, ferries.replace("the bridge", "a bridge")) == ()
    # an outcome swapped for another changes a slot; other swaps are read as a rewording
    assert changed_slots(ferries, ferries.replace("reopens", "closes")) != ()
    assert changed_slots(ferries, ferries.replace("will run", "will sail")) == ()
    # words added at an end (a credit) change no slot; another sentence is not an edit
    assert changed_slots(ferries, ferries[:-1] + ", officials said.") == ()
    assert changed_slots(ferries, "Heavy trucks will keep using the Marlow ferry.") == ()
    # a description added inside, or a clause put in place of a word carrying no fact,
    # states more: the DUC 2004 copies of a NASA lead and of a fire report
    unity = "The Unity module will serve as a passageway for future modules."
    assert changed_slots(unity, unity.replace("module will", "module, the first one, will")) == ()
    gutted = "The fire completely gutted the building and left rescuers facing a hideous scene."
    later = gutted.replace("completely", "that broke out before midnight Thursday")
    assert changed_slots(gutted, later) == ()
    injured = "The fire killed 60 people and injured 155."
    assert changed_slots(injured, injured.replace("155", "162 others")) == (("155", "162 others"),)
    assert timing("every half hour") and timing("каждые полчаса") and timing("on Tuesday")
    assert not timing("were injured")


def test_the_digest_prints_both_versions(tmp_path: Path, run: Run) -> None:
    _claims(tmp_path, RU, RU.replace("каждый час", "каждые полчаса"))
    result = run("digest", str(tmp_path / "posts.jsonl"), "-q")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    at = next(n for n, line in enumerate(lines) if line.startswith("- Паромы"))
    assert lines[at].endswith("каждый час. [1] (1 independent outlet)")
    assert lines[at + 1].startswith("  - variant: каждый час [1]")
    assert lines[at + 2].startswith("  - variant: каждые полчаса [2]")
