"""Telegram Desktop exports: storyline's reader against the hand chain an analyst writes.

The bench writes four invented channel exports (English, Russian, Ukrainian; N messages in
all) with known fields: text as a string or as formatted parts, captioned photos, albums
(photos with no caption), service messages, and forwards of earlier messages of the other
channels, a quarter of whose originals were edited after the forward (the export keeps the
original's last text, so the forward's text differs from it by a clause). ``date`` is the
exporting machine's local time (UTC+3), ``date_unixtime`` the UTC instant.

Readers, each in a forked child so that its peak memory is its own (peak resident set
minus the child's resident set at the start; storyline's modules and language model are
loaded before the fork, so that the peak is what reading takes, not a fixed cost):

- ``storyline``: ``storyline.ingest.read_sources`` over the folder; then, for the forwards'
  originals, ``storyline.dedup.find_relations`` over the articles read (a forward's original
  is named when a relation between the two names it);
- ``hand (date)``: ``json.load`` each file, join the text parts, take ``date`` (what most
  scripts read) and ``forwarded_from``, and name a forward's original by looking its exact
  text up among the named channel's messages;
- ``hand (unixtime)``: the same, with ``date_unixtime`` (a careful analyst).

Quality, over the messages that have text: the share read with the right text (whitespace
folded; a forward's ``Forwarded from NAME:`` opening, which names its channel, is not
counted against it), the right UTC date, the right channel, and the share of forwards whose
original message is named. Ratios are storyline over the hand chain with ``date``.

    python bench/bench_telegram.py --messages 20000
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from bench_dedup import measure  # a job in a forked child: result, wall, CPU, peak memory

START = 1772355600  # 2026-03-01T09:00:00Z
LOCAL = timedelta(hours=3)  # the exporting machine's zone

CHANNELS = (
    ("Harbor Watch", 1001, "en"),
    ("Мостовой дозор", 1002, "ru"),
    ("Мостова варта", 1003, "uk"),
    ("Frontline Digest", 1004, "en"),
)
WORDS = {
    "en": (
        "bridge ferry harbour convoy governor council drone shelling depot village river "
        "brigade column railway station power outage repair crews evacuation school clinic "
        "port fuel supply warehouse checkpoint curfew"
    ),
    "ru": (
        "мост паром гавань колонна губернатор совет дрон обстрел склад село река бригада "
        "железная станция подстанция ремонт бригады эвакуация школа больница порт топливо "
        "поставки блокпост комендантский"
    ),
    "uk": (
        "міст пором гавань колона губернатор рада дрон обстріл склад село річка бригада "
        "залізниця станція підстанція ремонт евакуація школа лікарня порт пальне постачання "
        "блокпост комендантська"
    ),
}
OPENERS = {
    "en": "Officials said on {day} that",
    "ru": "Власти сообщили в {day}, что",
    "uk": "Влада повідомила у {day}, що",
}
DAYS = {"en": "Monday", "ru": "понедельник", "uk": "понеділок"}
EDIT = {"en": " Updated: figures revised.", "ru": " Обновлено.", "uk": " Оновлено."}


@dataclass
class Truth:
    """What a message holds, as the bench wrote it (``text`` empty: not an article)."""

    channel: str
    chat_id: int
    message_id: int
    text: str
    published: str
    forward_of: str = ""  # "chat_id-message_id" of the forwarded original


def _sentence(rng: random.Random, language: str, number: int) -> str:
    words = WORDS[language].split()
    body = " ".join(rng.choice(words) for _ in range(rng.randint(14, 24)))
    opener = OPENERS[language].format(day=DAYS[language])
    return f"{opener} {body} {number}."


def _parts(text: str, rng: random.Random) -> list[object]:
    """The text split into formatted parts (bold, a link, a hashtag) as Telegram writes it."""
    words = text.split(" ")
    cut = sorted(rng.sample(range(1, len(words)), 3))
    pieces = [" ".join(words[: cut[0]]), " ".join(words[cut[0] : cut[1]])]
    pieces += [" ".join(words[cut[1] : cut[2]]), " ".join(words[cut[2] :])]
    return [
        pieces[0] + " ",
        {"type": "bold", "text": pieces[1]},
        " ",
        {"type": "text_link", "text": pieces[2], "href": "https://example.org/x"},
        " " + pieces[3],
    ]


def generate(folder: Path, total: int, seed: int = 17) -> list[Truth]:
    """Write the exports into ``folder``; the truth of every message, in file order."""
    rng = random.Random(seed)
    per = total // len(CHANNELS)
    truths: list[Truth] = []
    # the last 100 posts of each channel: (name, chat, id, stamp, text)
    written: dict[int, deque[tuple[str, int, int, int, str]]] = {
        chat: deque(maxlen=100) for _, chat, _ in CHANNELS
    }
    edited: dict[tuple[int, int], str] = {}
    exports: list[tuple[str, int, list[dict[str, Any]]]] = []
    for name, chat_id, _ in CHANNELS:
        exports.append((name, chat_id, []))
    stamp = START
    for n in range(per * len(CHANNELS)):
        index = n % len(CHANNELS)
        name, chat_id, language = CHANNELS[index]
        messages = exports[index][2]
        number = len(messages) + 1
        stamp += rng.randint(20, 90)
        when = datetime.fromtimestamp(stamp, tz=UTC)
        message: dict[str, Any] = {
            "id": number,
            "type": "message",
            "date": (when + LOCAL).replace(tzinfo=None).isoformat(),
            "date_unixtime": str(stamp),
            "from": name,
            "from_id": f"channel{chat_id}",
        }
        roll = rng.random()
        truth = Truth(name, chat_id, number, "", when.isoformat())
        others = [w for chat, posts in written.items() if chat != chat_id for w in posts]
        if roll < 0.05:
            message = {**message, "type": "service", "action": "pin_message", "text": ""}
        elif roll < 0.10:
            message["photo"] = f"photos/photo_{number}.jpg"
            message["text"] = ""
        elif roll < 0.22 and others:
            source = rng.choice(others)
            message["forwarded_from"] = source[0]
            message["text"] = source[4]
            truth.text = source[4]
            truth.forward_of = f"{source[1]}-{source[2]}"
            if rng.random() < 0.25:  # the original is edited after the forward
                edited[(source[1], source[2])] = source[4] + EDIT[_language(source[1])]
        else:
            text = _sentence(rng, language, number)
            truth.text = text
            message["text"] = _parts(text, rng) if rng.random() < 0.5 else text
            if roll < 0.30:
                message["photo"] = f"photos/photo_{number}.jpg"
            written[chat_id].append((name, chat_id, number, stamp, text))
        messages.append(message)
        truths.append(truth)
    for truth in truths:  # the export keeps an edited message's last text
        if (truth.chat_id, truth.message_id) in edited and not truth.forward_of:
            truth.text = edited[(truth.chat_id, truth.message_id)]
    folder.mkdir(parents=True, exist_ok=True)
    for name, chat_id, messages in exports:
        for message in messages:
            key = (chat_id, message["id"])
            if key in edited and "forwarded_from" not in message:
                message["text"] = edited[key]
                message["edited_unixtime"] = str(int(message["date_unixtime"]) + 3600)
        export = {"name": name, "type": "public_channel", "id": chat_id, "messages": messages}
        with open(folder / f"channel_{chat_id}.json", "w", encoding="utf-8") as out:
            json.dump(export, out, ensure_ascii=False, indent=1)
    return truths


def _language(chat_id: int) -> str:
    return next(language for _, number, language in CHANNELS if number == chat_id)


# A reader's answer per message: key "chat-id" -> (text, published UTC, channel, original).
Answer = dict[str, tuple[str, str, str, str]]


def run_storyline(folder: Path) -> tuple[Answer, float, float]:
    """The reader alone, streamed as ``storyline ingest`` reads (an answer per article)."""
    from storyline.ingest import read_sources
    from storyline.model import Article

    cpu = time.process_time()
    answer: Answer = {}
    for item in read_sources([folder]):
        if isinstance(item, Article):
            key = item.id.removeprefix("tg-")
            answer[key] = (item.text, item.published or "", item.source, "")
    return answer, time.process_time() - cpu, 0.0


def run_storyline_originals(folder: Path) -> tuple[Answer, float, float]:
    """The reader, then the duplicate finder over every article read (held in memory)."""
    from storyline.dedup import find_relations
    from storyline.ingest import read_sources
    from storyline.model import Article

    cpu = time.process_time()
    articles = [item for item in read_sources([folder]) if isinstance(item, Article)]
    read_cpu = time.process_time() - cpu
    relations = find_relations(articles).relations
    dedup_cpu = time.process_time() - cpu - read_cpu
    originals: dict[str, str] = {}
    for relation in relations:
        if relation.original is not None:
            copy = relation.b if relation.original == relation.a else relation.a
            originals.setdefault(copy, relation.original)
    answer: Answer = {}
    for article in articles:
        key = article.id.removeprefix("tg-")
        original = originals.get(article.id, "").removeprefix("tg-")
        answer[key] = (article.text, article.published or "", article.source, original)
    return answer, read_cpu, dedup_cpu


def _hand(folder: Path, field: str) -> tuple[Answer, float, float]:
    cpu = time.process_time()
    answer: Answer = {}
    by_text: dict[tuple[str, str], str] = {}
    forwards: list[tuple[str, str, str]] = []
    for path in sorted(folder.glob("*.json")):
        with open(path, encoding="utf-8") as stream:
            export = json.load(stream)
        for message in export["messages"]:
            if message.get("type") != "message":
                continue
            text = message.get("text", "")
            if isinstance(text, list):
                text = "".join(p if isinstance(p, str) else p.get("text", "") for p in text)
            if not text.strip():
                continue
            key = f"{export['id']}-{message['id']}"
            if field == "date":
                published = datetime.fromisoformat(message["date"]).replace(tzinfo=UTC)
            else:
                published = datetime.fromtimestamp(int(message["date_unixtime"]), tz=UTC)
            answer[key] = (text, published.isoformat(), export["name"], "")
            if message.get("forwarded_from"):
                forwards.append((key, message["forwarded_from"], text))
            else:
                by_text[(export["name"], text)] = key
    for key, channel, text in forwards:
        found = by_text.get((channel, text), "")
        text_, published, name, _ = answer[key]
        answer[key] = (text_, published, name, found)
    return answer, time.process_time() - cpu, 0.0


def run_hand_date(folder: Path) -> tuple[Answer, float, float]:
    return _hand(folder, "date")


def run_hand_unixtime(folder: Path) -> tuple[Answer, float, float]:
    return _hand(folder, "date_unixtime")


def _folded(text: str) -> str:
    return " ".join(text.split())


def score(answer: Answer, truths: list[Truth]) -> dict[str, float]:
    """Shares of the messages with text read right, and of forwards with their original."""
    kept = [t for t in truths if t.text]
    right = {"text": 0, "date": 0, "channel": 0, "forward": 0}
    forwards = [t for t in kept if t.forward_of]
    for truth in kept:
        got = answer.get(f"{truth.chat_id}-{truth.message_id}")
        if got is None:
            continue
        text, published, channel, original = got
        if truth.forward_of:
            text = text.removeprefix(_forward_opening(truth, truths))
            right["forward"] += original == truth.forward_of
        right["text"] += _folded(text) == _folded(truth.text)
        right["date"] += published == truth.published
        right["channel"] += channel == truth.channel
    shares = {k: v / max(1, len(kept)) for k, v in right.items() if k != "forward"}
    shares["forward"] = right["forward"] / max(1, len(forwards))
    shares["extra"] = float(len(answer) - len(kept))  # articles made of non-articles
    return shares


def _forward_opening(truth: Truth, truths: list[Truth]) -> str:
    chat = int(truth.forward_of.split("-")[0])
    name = next(n for n, number, _ in CHANNELS if number == chat)
    return f"Forwarded from {name}: "


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--messages", type=int, default=20_000)
    parser.add_argument(
        "--originals-max",
        type=int,
        default=50_000,
        help="run the duplicate finder (forwards' originals) up to this many messages",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-telegram-") as tmp:
        folder = Path(tmp) / "exports"
        truths = generate(folder, args.messages)
        _warm_up(Path(tmp) / "warm-up")
        size = sum(p.stat().st_size for p in folder.glob("*.json")) / 1e6
        with_text = sum(1 for t in truths if t.text)
        forwards = sum(1 for t in truths if t.forward_of)
        print(
            f"{len(truths):,} messages in {len(CHANNELS)} exports ({size:.1f} MB): "
            f"{with_text:,} with text, {forwards:,} forwards\n"
        )
        rows = []
        jobs: list[tuple[str, Callable[[Path], tuple[Answer, float, float]]]] = [
            ("storyline reader", run_storyline),
            ("hand (date)", run_hand_date),
            ("hand (unixtime)", run_hand_unixtime),
        ]
        if args.messages <= args.originals_max:
            jobs.insert(1, ("storyline reader + duplicate finder", run_storyline_originals))
        for name, job in jobs:
            (answer, read_cpu, extra_cpu), _, _, peak = measure(job, folder)
            named = extra_cpu > 0 or not name.startswith("storyline")
            rows.append((name, read_cpu, extra_cpu, peak, score(answer, truths), named))
        header = (
            "| reader | msgs/s (CPU, read) | read CPU s | + originals CPU s | peak MB | text |"
            " date | channel | forward original named | non-articles kept |"
        )
        print(header)
        print("|" + " --- |" * 10)
        for name, read_cpu, extra_cpu, peak, shares, named in rows:
            forward = f"{shares['forward']:.3f}" if named else "-"
            rate = len(truths) / max(read_cpu, 1e-9)
            print(
                f"| {name} | {rate:,.0f} | {read_cpu:.2f} | {extra_cpu:.2f} | {peak:.0f} |"
                f" {shares['text']:.3f} | {shares['date']:.3f} | {shares['channel']:.3f} |"
                f" {forward} | {shares['extra']:.0f} |"
            )
        ours = rows[0]
        hand = next(row for row in rows if row[0] == "hand (date)")
        named = rows[1] if rows[1][0].endswith("duplicate finder") else None
        forwards = _ratio(named[4]["forward"], hand[4]["forward"]) if named else "not run"
        print(
            f"\nratios storyline reader / hand (date): read CPU"
            f" {ours[1] / max(hand[1], 1e-9):.1f}x,"
            f" peak memory {ours[3] / max(hand[3], 1e-9):.1f}x; quality: text"
            f" {_ratio(ours[4]['text'], hand[4]['text'])}, date"
            f" {_ratio(ours[4]['date'], hand[4]['date'])}, channel"
            f" {_ratio(ours[4]['channel'], hand[4]['channel'])}; forwards' originals named"
            f" (with the duplicate finder) {forwards}"
        )


def _warm_up(folder: Path) -> None:
    """Load storyline's modules and its language model before the readers fork: a fixed
    cost (about 100 MB), not memory that reading takes."""
    from storyline.dedup import find_relations
    from storyline.ingest import read_sources
    from storyline.model import Article

    generate(folder, 80, seed=1)
    find_relations([item for item in read_sources([folder]) if isinstance(item, Article)])


def _ratio(ours: float, theirs: float) -> str:
    return f"{ours / theirs:.2f}" if theirs else f"{ours:.3f} against 0"


if __name__ == "__main__":
    sys.exit(main())
