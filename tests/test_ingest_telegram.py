"""Telegram Desktop exports ("Export chat history", JSON): one article per message with text,
forwards read as credits of the channel they came from, streamed whatever the size.

Every export here is invented for these tests."""

from __future__ import annotations

import gzip
import json
import tracemalloc
from pathlib import Path

from click.testing import CliRunner

import storyline
from storyline.cli import cli
from storyline.ingest import read_sources
from storyline.ingest.titles import undecorated
from storyline.model import Article, Skipped

START = 1772355600  # 2026-03-01T09:00:00Z

BRIDGE = (
    "Explosions were heard near the Kestrel Bridge on Sunday morning, the regional governor "
    "said. Three people were injured and the bridge was closed to traffic until further notice."
)
FERRY = (
    "The port authority suspended all ferry sailings across Marlow Bay after a drone was seen "
    "over the harbour, officials said on Sunday evening."
)
RU_BRIDGE = (
    "В воскресенье утром у Кестрельского моста прогремели взрывы, сообщил губернатор области. "
    "Три человека ранены, мост закрыт для движения до особого распоряжения."
)


def message(number: int, text: object, minutes: int = 0, **extra: object) -> dict[str, object]:
    stamp = START + number * 600 + minutes * 60
    return {
        "id": number,
        "type": "message",
        "date": "2026-03-01T11:00:00",  # the exporting machine's local time (UTC+2 here)
        "date_unixtime": str(stamp),
        "from": "whoever",
        "text": text,
        **extra,
    }


def service(number: int, action: str = "pin_message") -> dict[str, object]:
    return {"id": number, "type": "service", "date_unixtime": str(START), "action": action}


def channel(
    name: str, chat_id: int, messages: list[object], kind: str = "public_channel"
) -> dict[str, object]:
    return {"name": name, "type": kind, "id": chat_id, "messages": messages}


def write(path: Path, export: object, indent: int | None = 1) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(export, ensure_ascii=False, indent=indent), encoding="utf-8")
    return path


def read(*paths: Path) -> tuple[list[Article], list[Skipped]]:
    found = list(read_sources(list(paths)))
    return (
        [item for item in found if isinstance(item, Article)],
        [item for item in found if isinstance(item, Skipped)],
    )


def test_text_as_a_string_and_as_parts_reads_as_a_reader_sees_it(tmp_path: Path) -> None:
    """Parts are joined: a link shows its words, not its href (on main the parts were 'a JSON
    array, not text' and the message was skipped)."""
    parts = [
        "Explosions were heard near the ",
        {"type": "bold", "text": "Kestrel Bridge"},
        " on Sunday morning, the ",
        {"type": "text_link", "text": "regional governor", "href": "https://example.org/gov"},
        " said. Three people were injured and the bridge was closed to traffic until further "
        "notice. ",
        {"type": "hashtag", "text": "#Kestrel"},
        " ",
        {"type": "mention", "text": "@harborwatch"},
    ]
    path = write(
        tmp_path / "result.json",
        channel("Harbor Watch", 1001, [message(1, parts), message(2, FERRY)]),
    )
    articles, skipped = read(path)
    assert skipped == []
    assert [a.text for a in articles] == [
        BRIDGE + " #Kestrel @harborwatch",
        FERRY,
    ]
    first = articles[0]
    assert (first.id, first.source, first.record, first.path) == (
        "tg-1001-1",
        "Harbor Watch",
        1,
        str(path),
    )
    # date_unixtime, in UTC; never the local 'date'
    assert (first.published, first.published_origin) == ("2026-03-01T09:10:00+00:00", "field")
    assert first.url == ""  # a Telegram Desktop export does not give the channel's username
    # no title is given: the first sentence makes one
    assert first.title == BRIDGE.split(".")[0]
    assert first.language == "en"


def test_a_username_gives_the_post_url_and_a_date_without_unixtime_is_kept_as_given(
    tmp_path: Path,
) -> None:
    older = {"id": 5, "type": "message", "date": "2026-03-01T11:00:00", "text": RU_BRIDGE}
    export = {"username": "@mostdozor", **channel("Мостовой дозор", 3003, [older])}
    articles, _ = read(write(tmp_path / "old.json", export))
    (only,) = articles
    assert only.url == "https://t.me/mostdozor/5"
    assert (only.published, only.published_origin) == ("2026-03-01T11:00:00", "field")
    assert (only.source, only.language) == ("Мостовой дозор", "ru")


def test_captions_service_messages_and_empty_messages(tmp_path: Path) -> None:
    """A captioned photo is an article; an album's other photos, stickers and service
    messages are not, and are counted in one line per chat, not one line each."""
    messages: list[object] = [service(n, "join_group_by_link") for n in range(1, 41)]
    messages += [
        message(41, BRIDGE, photo="photos/photo_1.jpg", width=800, height=600),
        message(42, "", photo="photos/photo_2.jpg"),
        message(43, "", photo="photos/photo_3.jpg"),
        message(44, [], media_type="sticker", sticker_emoji="🔥"),
        message(45, FERRY, media_type="video_file", file="video_files/v.mp4"),
    ]
    path = write(tmp_path / "result.json", channel("Harbor Watch", 1001, messages))
    articles, skipped = read(path)
    assert [a.id for a in articles] == ["tg-1001-41", "tg-1001-45"]
    # a note on the chat's last article: said, but no input skipped (--strict goes on)
    assert skipped == [] and [a.ingest_note for a in articles] == [
        "",
        "messages that are not articles (channel 'Harbor Watch': 40 service messages, such"
        " as pins and joins; 3 with no text, such as photos with no caption and stickers)",
    ]


def test_an_album_whose_photos_repeat_its_caption_is_one_article(tmp_path: Path) -> None:
    """Photos sent as one album at one second with one caption each (a QA pass: three
    articles, three relations 'undecided: same publication date' between them) are one
    post; the same text posted again later is another post."""
    album = [message(7, BRIDGE, photo=f"photos/{n}.jpg") for n in range(3)]
    later = message(8, BRIDGE)
    for n, photo in enumerate(album):
        photo["id"] = 7 + n
    later["id"] = 10
    path = write(tmp_path / "result.json", channel("Harbor Watch", 1001, [*album, later]))
    articles, skipped = read(path)
    assert [a.id for a in articles] == ["tg-1001-7", "tg-1001-10"] and skipped == []
    assert articles[-1].ingest_note == (
        "messages that are not articles (channel 'Harbor Watch': 2 repeating the caption of"
        " their album)"
    )


def test_a_message_that_cannot_be_read_is_named_and_the_rest_goes_on(tmp_path: Path) -> None:
    messages: list[object] = [message(1, 42), "not a message", message(3, BRIDGE)]
    path = write(tmp_path / "result.json", channel("Harbor Watch", 1001, messages))
    articles, skipped = read(path)
    assert [a.id for a in articles] == ["tg-1001-3"]
    assert [(s.record, s.reason) for s in skipped] == [
        (1, "item 1: 'text' is a JSON number, not text or parts"),
        (2, "item 2: not a JSON object"),
    ]


def test_a_forward_names_the_channel_it_came_from(tmp_path: Path) -> None:
    forwards = [
        message(7, BRIDGE, minutes=30, forwarded_from="Harbor Watch"),
        message(8, FERRY, forwarded_from="Unseen  Channel"),
    ]
    path = write(tmp_path / "b.json", channel("Frontline Digest", 2002, forwards))
    articles, _ = read(path)
    assert [a.text for a in articles] == [
        f"Forwarded from Harbor Watch: {BRIDGE}",
        f"Forwarded from Unseen Channel: {FERRY}",
    ]
    assert articles[1].title.startswith("Forwarded from Unseen Channel: The port authority")
    assert all(a.source == "Frontline Digest" for a in articles)


def _forward_corpus(folder: Path, original: str, name: str, forward_name: str) -> None:
    write(folder / "a.json", channel(name, 1001, [message(1, original), message(2, FERRY)]))
    # forwarded the same minute: the date does not decide which came first, the credit does
    forward = message(1, original, forwarded_from=name)
    write(folder / "b.json", channel(forward_name, 2002, [forward]))


def test_a_forward_of_a_message_in_the_corpus_counts_as_its_copy(tmp_path: Path) -> None:
    """The forward is a copy crediting the channel: its original is named by the credit,
    and the two are one voice (on main the forward was undecided on equal dates)."""
    _forward_corpus(tmp_path / "in", RU_BRIDGE, "Мостовой дозор", "Фронтовая сводка")
    digest = storyline.digest([tmp_path / "in"])
    (relation,) = digest.relations
    assert relation.original == "tg-1001-1"
    assert "credits 'Мостовой дозор'" in relation.reason
    (story,) = [s for s in digest.stories if "tg-2002-1" in s.article_ids]
    assert set(story.article_ids) == {"tg-1001-1", "tg-2002-1"}
    first = story.summary[0]
    assert first.outlets == 1


def test_a_forward_of_a_channel_named_with_a_colon_credits_it(tmp_path: Path) -> None:
    """The opening's name ends at its colon: a channel's own colon is left out of it, so
    the whole name is credited, and the printed sentence starts after the opening."""
    name = "Dorvisk: Live " + "Updates " * 12  # and a long name (Telegram allows 128)
    _forward_corpus(tmp_path / "in", BRIDGE, name.strip(), "Frontline Digest")
    digest = storyline.digest([tmp_path / "in"])
    (relation,) = digest.relations
    assert relation.original == "tg-1001-1", relation.reason
    assert "credits 'Dorvisk Live Updates Updates" in relation.reason
    (story,) = [s for s in digest.stories if "tg-2002-1" in s.article_ids]
    assert story.summary[0].text == BRIDGE.split(". ")[0] + "."


def test_a_whole_account_export_reads_its_channels_and_groups(tmp_path: Path) -> None:
    """Channels and groups of ``chats`` and ``left_chats`` are read; personal chats, bots
    and saved messages are passed over, counted in one line."""
    export = {
        "about": "Here is the data you requested.",
        "personal_information": {"user_id": 1, "first_name": "Analyst"},
        "contacts": {"about": "...", "list": [{"first_name": "A", "phone_number": "+1"}]},
        "chats": {
            "about": "This page lists all chats from this export.",
            "list": [
                channel("Alice", 11, [message(1, "meet at noon?")], kind="personal_chat"),
                channel("Harbor Watch", 1001, [message(1, BRIDGE)]),
                channel("Saved Messages", 12, [message(1, FERRY)], kind="saved_messages"),
                channel("Bay Volunteers", 1004, [message(9, FERRY)], kind="private_supergroup"),
            ],
        },
        "left_chats": {
            "about": "...",
            "list": [channel("Old News", 1005, [message(3, RU_BRIDGE)], kind="private_channel")],
        },
    }
    path = write(tmp_path / "result.json", export)
    articles, skipped = read(path)
    assert [(a.id, a.source) for a in articles] == [
        ("tg-1001-1", "Harbor Watch"),
        ("tg-1004-9", "Bay Volunteers"),
        ("tg-1005-3", "Old News"),
    ]
    assert [a.record for a in articles] == [2, 4, 5]  # positions in the file, all chats
    assert skipped == [] and [a.ingest_note for a in articles] == [
        "",
        "",
        "passed over chats that are not channels or groups (1 personal chat, 1 saved messages)",
    ]
    # with no article to carry it, the remark is a skipped input
    personal = {"chats": {"list": [channel("Alice", 11, [message(1, "hi")], "personal_chat")]}}
    assert read(write(tmp_path / "personal.json", personal))[1] == [
        Skipped(
            str(tmp_path / "personal.json"),
            "passed over chats that are not channels or groups (1 personal chat)",
        )
    ]


def test_a_broken_export_keeps_what_was_read_before_the_break(tmp_path: Path) -> None:
    text = json.dumps(channel("Harbor Watch", 1001, [message(1, BRIDGE), message(2, FERRY)]))
    path = tmp_path / "result.json"
    path.write_text(text[: text.index(FERRY) + 20], encoding="utf-8")  # cut inside message 2
    articles, skipped = read(path)
    assert [a.id for a in articles] == ["tg-1001-1"]
    assert [(s.path, s.reason) for s in skipped] == [
        (str(path), "not valid JSON (Unterminated string starting)")
    ]


def test_a_compact_or_gzipped_export_and_a_chat_named_after_its_messages(
    tmp_path: Path,
) -> None:
    """One line (not taken for JSON lines), gzip, and keys in another order are read alike."""
    messages = [message(1, BRIDGE), service(2)]
    compact = write(tmp_path / "one-line.json", channel("Harbor Watch", 1001, messages), None)
    zipped = tmp_path / "zipped.json.gz"
    zipped.write_bytes(gzip.compress(compact.read_bytes()))
    reordered = write(
        tmp_path / "reordered.json",
        {"type": "public_channel", "messages": messages, "name": "Harbor Watch", "id": 1001},
    )
    for path in (compact, zipped, reordered):
        articles, skipped = read(path)
        assert [(a.id, a.source, a.record) for a in articles] == [("tg-1001-1", "Harbor Watch", 1)]
        assert skipped == [] and "1 service message" in articles[0].ingest_note


def test_other_json_is_read_as_before(tmp_path: Path) -> None:
    """A news API export that wraps its records is not taken for a Telegram export."""
    wrapped = {"status": "ok", "type": "news", "articles": [{"title": "A", "text": BRIDGE}]}
    articles, skipped = read(write(tmp_path / "api.json", wrapped))
    assert [a.text for a in articles] == [BRIDGE] and skipped == []
    # a record that holds a chat's keys inside it, in JSON lines: only the file's own keys count
    records = [
        {"text": BRIDGE, "type": "public_channel", "meta": {"chats": {"list": []}}},
        {"text": FERRY, "messages": []},
    ]
    lines = tmp_path / "lines.json"
    lines.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    articles, skipped = read(lines)
    assert [a.text for a in articles] == [BRIDGE, FERRY] and skipped == []


def test_a_channel_of_many_messages_streams(tmp_path: Path) -> None:
    """Memory holds a message, not the channel: walking 8 MB of export (photos without
    caption, each with its padding of entities) peaks far below its size."""
    entities = [{"type": "plain", "text": "padding of the export " * 3}] * 3
    messages = [
        message(n, "", photo=f"photos/{n}.jpg", text_entities=entities) for n in range(1, 20_001)
    ]
    path = write(tmp_path / "big.json", channel("Harbor Watch", 1001, messages))
    size = path.stat().st_size
    assert size > 8_000_000
    tracemalloc.start()
    try:
        found = list(read_sources([path]))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [s.reason for s in found if isinstance(s, Skipped)] == [
        "messages that are not articles (channel 'Harbor Watch': 20,000 with no text, such as"
        " photos with no caption and stickers)"
    ]
    assert peak < size / 20, (peak, size)


def test_the_digest_through_the_cli(tmp_path: Path) -> None:
    """`storyline digest exports/` names the channels, the forward's original and the
    messages that were not articles."""
    exports = tmp_path / "exports"
    _forward_corpus(exports, BRIDGE, "Harbor Watch", "Frontline Digest")
    write(exports / "c.json", channel("Bay Monitor", 3003, [service(1), message(2, FERRY)]))
    result = CliRunner().invoke(cli, ["digest", str(exports), "--format", "json", "-q"])
    assert result.exit_code == 0, result.output
    digest = json.loads(result.stdout)
    sources = {a["id"]: a["source"] for a in digest["articles"]}
    assert sources == {
        "tg-1001-1": "Harbor Watch",
        "tg-1001-2": "Harbor Watch",
        "tg-2002-1": "Frontline Digest",
        "tg-3003-2": "Bay Monitor",
    }
    (relation,) = [r for r in digest["relations"] if {r["a"], r["b"]} == {"tg-1001-1", "tg-2002-1"}]
    assert relation["original"] == "tg-1001-1"
    assert "credits 'Harbor Watch'" in relation["reason"]
    said = (
        "messages that are not articles (channel 'Bay Monitor': 1 service message, such as pins"
        " and joins)"
    )
    assert [(s["path"], s["record"], s["reason"]) for s in digest["skipped"]] == [
        (str(exports / "c.json"), 2, said)
    ]
    assert result.stderr == f"note {exports / 'c.json'}:2: {said}\n"
    strict = CliRunner().invoke(
        cli, ["ingest", str(exports), "--strict", "--db", str(tmp_path / "s.db")]
    )
    assert strict.exit_code == 0, strict.output  # a service message is no fault


def test_a_re_exported_channel_adds_only_its_new_messages(tmp_path: Path) -> None:
    db = tmp_path / "osint.db"
    path = tmp_path / "exports" / "result.json"
    write(path, channel("Harbor Watch", 1001, [message(1, BRIDGE), message(2, FERRY)]))
    first = storyline.ingest([path], db)
    assert (first.added, first.updated, first.unchanged) == (2, 0, 0)
    again = storyline.ingest([path], db)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 2)
    edited = message(2, FERRY + " Sailings resume at noon.", edited_unixtime=str(START + 9000))
    newer = [message(1, BRIDGE), edited, message(3, RU_BRIDGE), service(4)]
    write(path, channel("Harbor Watch", 1001, newer))  # the same file name, exported again
    third = storyline.ingest([path], db)
    # the edited message keeps its id: its new text is stored as its next version
    assert (third.added, third.updated, third.unchanged) == (1, 1, 1)
    assert third.skipped == () and [s.reason for s in third.notes] == [
        "messages that are not articles (channel 'Harbor Watch': 1 service message, such as"
        " pins and joins)"
    ]


def test_the_timeline_and_summary_print_a_forward_without_its_opening(tmp_path: Path) -> None:
    """A QA pass: the timeline printed the forward's sentence, "Forwarded from Дорвиск
    Новости: Во вторник состоялся обмен...", for an event cited to the channel itself. The
    opening names where the text came from; the printed sentence starts after it (a title
    keeps it: a forward of a channel not in the corpus is named there)."""
    exchange = (
        "Во вторник состоялся обмен пленными 45 на 45 при посредничестве Красного Полумесяца. "
        "Министр обороны Илзе Варга поблагодарила посредников."
    )
    exports = tmp_path / "exports"
    write(exports / "a.json", channel("Дорвиск Новости", 5002, [message(19, exchange)]))
    write(
        exports / "b.json",
        channel("Вартовий Півдня", 5003, [message(40, exchange, forwarded_from="Дорвиск Новости")]),
    )
    write(
        exports / "c.json",
        channel("Правда Фронта", 5004, [message(59, exchange, forwarded_from="Дорвиск Новости")]),
    )
    digest = storyline.digest([exports])
    (story,) = digest.stories
    printed = [entry.text for entry in story.timeline] + [claim.text for claim in story.summary]
    assert printed and not [text for text in printed if "Forwarded" in text], printed
    assert story.timeline[0].article_ids == ("tg-5002-19", "tg-5003-40", "tg-5004-59")
    titles = {a.id: a.title for a in digest.articles}
    assert titles["tg-5003-40"].startswith("Forwarded from Дорвиск Новости: Во вторник")


def test_the_pictographs_around_a_post_are_no_part_of_its_title(tmp_path: Path) -> None:
    """Channels open a post with "⚡️" or "🔴": a story founded by it was labelled
    "⚡️Лісопіль: серія вибухів". The text keeps them; the id does not change."""
    posts = [
        message(1, "⚡️Лісопіль: серія вибухів, уражено ТЕС. Подробиці згодом."),
        message(2, [{"type": "bold", "text": "🔴 Тривога в Лісополі 🔴"}, "\n", BRIDGE]),
    ]
    path = write(tmp_path / "result.json", channel("Варта Схід", 1700, posts))
    articles, _ = read(path)
    assert [a.title for a in articles] == [
        "Лісопіль: серія вибухів, уражено ТЕС",
        "Тривога в Лісополі",
    ]
    assert articles[0].text.startswith("⚡️Лісопіль")
    assert [a.id for a in articles] == ["tg-1700-1", "tg-1700-2"]


def test_a_title_of_pictographs_alone_is_kept() -> None:
    assert undecorated("🇺🇦🙏") == "🇺🇦🙏"
    assert undecorated("№ 5: the report") == "№ 5: the report"
