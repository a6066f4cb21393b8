"""One event told in two languages, or copied word for word, is one timeline entry and one
voice: the reuse stage's translation and verbatim passages pair the sentences (see
storyline.timeline.copies). Texts written for these tests."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import storyline
from helpers_languages import article
from storyline import pipeline
from storyline.dedup import find_relations
from storyline.model import Article, TimelineEntry
from storyline.pipeline import RunOptions
from storyline.timeline import TimelineOptions, build_timeline
from test_timeline import ARTICLES, GROUPS

EN = "\n".join(
    (
        "A freight train carrying 34 tank wagons derailed near the town of Brodivka on Thursday"
        " night, the regional rail operator Stepline said.",
        "No one was hurt, but 120 residents of Brodivka were moved to a school while crews"
        " checked the wagons for leaks.",
        "Stepline's director, Oksana Hrytsai, said a broken rail was the likely cause.",
        "The line between Brodivka and Zarichne will stay closed until Monday.",
        "Passengers are taken by bus between the two stations.",
        "The wagons carried 850 tonnes of sunflower oil bound for the port of Izmaila.",
        "Repairs to the track will cost about 2.5 million hryvnias, Hrytsai said.",
    )
)
# A translation published three hours later, sentence for sentence.
UK = "\n".join(
    (
        "Вантажний потяг із 34 цистернами зійшов з рейок поблизу містечка Бродівка в четвер"
        " увечері, повідомив регіональний залізничний оператор Stepline.",
        "Ніхто не постраждав, але 120 мешканців Бродівки переселили до школи, поки бригади"
        " перевіряли цистерни на витоки.",
        "Директорка Stepline Оксана Грицай заявила, що ймовірною причиною стала зламана рейка.",
        "Лінія між Бродівкою та Зарічним буде закрита до понеділка.",
        "Пасажирів перевозять автобусами між двома станціями.",
        "Цистерни везли 850 тонн соняшникової олії до порту Ізмаїла.",
        "Ремонт колії коштуватиме близько 2,5 мільйона гривень, сказала Грицай.",
    )
)
# The same translation with the wagons miscounted.
UK_43 = UK.replace("34 цистернами", "43 цистернами")
THURSDAY = "2026-06-04"  # the Thursday before publication (Sunday 2026-06-07)


def _write(folder: Path, *articles: Article) -> Path:
    path = folder / "posts.jsonl"
    rows = [
        {
            "id": a.id,
            "title": a.title,
            "text": a.text,
            "source": a.source,
            "published": a.published,
            "language": a.language,
        }
        for a in articles
    ]
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows))
    return path


def _on(entries: tuple[TimelineEntry, ...], day: str) -> TimelineEntry:
    (entry,) = [e for e in entries if e.date == day]
    return entry


def test_a_report_and_its_translation_are_one_entry_in_the_original_s_words(
    tmp_path: Path,
) -> None:
    # The wire, its translation, and a reprint of the translation: the translation's words
    # were the date's most central (two copies of them) and were printed, citing only the
    # copies.
    wire, translation = article("t-en", EN, "en", 8), article("t-uk", UK, "uk", 11)
    path = _write(tmp_path, wire, translation, article("t-uk2", UK, "uk", 13))
    (story,) = storyline.digest([path]).stories
    for entry in (_on(story.timeline, THURSDAY), _on(storyline.timeline([path]).entries, THURSDAY)):
        assert entry.text == EN.split("\n")[0]
        assert entry.article_ids == ("t-en", "t-uk", "t-uk2")
        assert [e.article_id for e in entry.evidence] == ["t-en", "t-uk", "t-uk2"]
        assert entry.evidence[1].text == UK.split("\n")[0]
        # A date's salience is the voices that refer to it, plus its event's weight (at most
        # 1): the translations are no second voice.
        assert entry.score <= 2
    # Asked for two events a date, the translation is not printed as the second one.
    path = _write(tmp_path, wire, translation)
    options = RunOptions(timeline=TimelineOptions(per_date=2))
    entry = _on(storyline.timeline([path], options=options).entries, THURSDAY)
    assert (entry.text, entry.article_ids) == (EN.split("\n")[0], ("t-en", "t-uk"))


def test_a_translation_that_gives_a_figure_otherwise_is_not_merged(tmp_path: Path) -> None:
    wire = article("t-en", EN, "en", 8)
    options = RunOptions(timeline=TimelineOptions(per_date=2))
    for text, merged in ((UK, True), (UK_43, False)):
        path = _write(tmp_path, wire, article("t-uk", text, "uk", 11))
        analysis, _ = storyline.run([path], options=options)
        assert [r.kind for r in analysis.dedup.relations] == ["translation"]
        entry = _on(pipeline.corpus_timeline(analysis, options.timeline).entries, THURSDAY)
        assert entry.article_ids == ("t-en", "t-uk")
        if merged:
            assert entry.text == EN.split("\n")[0]
            assert entry.score <= 2
        else:  # its own event, and its own voice: 43 wagons is not what the wire says
            assert entry.text == EN.split("\n")[0] + " " + UK_43.split("\n")[0]
            assert entry.score > 2


# A content farm's page: its own opening, then the wire's first two sentences word for word.
FARM = "\n".join(
    (
        "Shocking scenes in the south of the country this weekend, readers tell us.",
        *EN.split("\n")[:2],
        "Rail travel in the region has become dangerous, our sources claim.",
    )
)


def test_a_copied_sentence_is_the_original_s_and_adds_no_voice(tmp_path: Path) -> None:
    path = _write(tmp_path, article("t-en", EN, "en", 8), article("t-farm", FARM, "en", 12))
    digest = storyline.digest([path])
    assert [r.original for r in digest.relations] == ["t-en"]
    (story,) = digest.stories
    entry = _on(story.timeline, THURSDAY)
    assert entry.article_ids == ("t-en", "t-farm")
    assert [e.article_id for e in entry.evidence] == ["t-en", "t-farm"]
    assert entry.score <= 2  # the copy is no second voice


def test_relations_that_pair_no_sentence_leave_the_timeline_as_it_was() -> None:
    # The bridge fixture of test_timeline: a verbatim copy (one group), an independent
    # report and a history; what the reuse stage finds among them pairs no dated sentence
    # of two voices, so the timeline is the one built without relations.
    articles = [replace(a, language="en") for a in ARTICLES]
    found = find_relations(articles)
    unpaired = [r for r in found.relations if {r.a, r.b} != {"a1", "a2"}]
    options = TimelineOptions(per_date=2)
    plain = build_timeline(articles, GROUPS, options)
    assert build_timeline(articles, GROUPS, options, unpaired) == plain
    # two reports that only share a quotation, neither named the copy, are two voices
    shared = [replace(r, kind="shares-passages", original=None) for r in found.relations]
    assert build_timeline(articles, GROUPS, options, shared) == plain


def test_an_undated_mention_and_its_translation_are_listed_once(tmp_path: Path) -> None:
    # Neither is dated, so "Thursday" / "четвер" cannot be resolved: one undated entry.
    wire = replace(article("t-en", EN, "en", 8), published=None)
    path = _write(tmp_path, wire, replace(article("t-uk", UK, "uk", 11), published=None))
    (story,) = storyline.digest([path]).stories
    thursday = [e for e in story.undated if "'Thursday'" in e.note or "'четвер'" in e.note]
    assert [(e.text, e.article_ids) for e in thursday] == [(EN.split("\n")[0], ("t-en", "t-uk"))]
    assert [e.article_id for e in thursday[0].evidence] == ["t-en", "t-uk"]
