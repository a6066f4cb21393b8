"""Telegram Desktop exports ("Export chat history", format JSON): one article per message.

Two shapes are read: one chat (``{"name", "type", "id", "messages": [...]}``, a channel's
``result.json``) and a whole account (``{"about", "personal_information", ..., "chats":
{"list": [chat, ...]}, "left_chats": {"list": [...]}}``). The file streams: the objects
around the messages are walked key by key and each message is parsed on its own, so memory
holds one message, never the channel (Telegram Desktop writes ``name``, ``type`` and ``id``
before ``messages``; a chat that names itself after its messages is held until its end).

A message's ``text`` is a string or a list of parts (strings, and objects whose ``text`` is
what the reader sees: bold, a link's words, a hashtag); a photo's or video's caption is its
``text``. The source is the chat's name; the id is ``tg-<chat id>-<message id>``; the date
is ``date_unixtime`` (UTC), else ``date`` as written (the exporting machine's local time,
with no offset: kept as given, never shifted by a guessed zone). A forward
(``forwarded_from``) opens with ``Forwarded from NAME:``, as Telegram shows it above the
message, which :mod:`storyline.provenance` reads as a credit of that channel. An edited
message holds its last text (the export keeps no earlier one) under its first date.

Service messages (a pin, a join), messages with no text (a photo without caption, a
sticker, the other photos of an album) and the photos of an album that repeat its caption
(the same text at the same second) are not articles, and are counted per chat in one note
on its last article rather than one line each: an export of 100,000 messages holds tens of
thousands of them, which would bury a real fault; and a note, not a :class:`Skipped`, since
they are no fault (``--strict`` stops at the first Skipped). In a whole-account export only
channels and groups are read: personal chats, bots and saved messages are counted (a note on
the file's last article) and passed over.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime

from ..errors import InputError
from ..model import Article, Skipped
from ..text import FORWARD, normalize
from .build import make_article
from .jsoncursor import JsonCursor
from .noted import NotedArticles
from .notices import is_notice
from .titles import opening_headline

__all__ = ["is_export", "read_export"]

CHAT_TYPES = frozenset(
    {
        "personal_chat",
        "bot_chat",
        "saved_messages",
        "private_group",
        "private_supergroup",
        "public_supergroup",
        "private_channel",
        "public_channel",
    }
)
_READ_IN_ACCOUNT = ("channel", "group")  # what an account export's chats are read for
_ACCOUNT_KEYS = frozenset({"chats", "left_chats", "personal_information"})
_NON_SPACE = re.compile(r"\S")
_CHUNK = 64 * 1024
_JSON_TYPES = {dict: "object", bool: "boolean", int: "number", float: "number"}


def is_export(head: str) -> bool:
    """Whether ``head`` (a JSON file's first characters, from its first ``{``) opens a
    Telegram Desktop export: an object whose own keys (not those of an object inside it)
    give a chat ``type`` before its ``messages``, or name an account export's parts."""
    if not head.startswith("{"):
        return False
    cursor = JsonCursor(lambda _: "", len(head), "", head)
    kind: object = None
    try:
        for key in cursor.members():
            if key in _ACCOUNT_KEYS:
                return True
            if key == "messages":
                return kind in CHAT_TYPES
            value = cursor.value()
            kind = value if key == "type" else kind
    except InputError:  # the head ends inside a value: no key said so before
        return False
    return False


def read_export(read: Callable[[int], str], path: str, limit: int) -> Iterator[Article | Skipped]:
    """The articles of a Telegram export read from ``read`` (decoded text in chunks), a
    :class:`Skipped` for each message that cannot be read, and per chat a note counting
    what was not an article. A syntax error ends the file (InputError, after what came
    before)."""
    cursor = JsonCursor(read, limit, path)
    if cursor.peek() != "{":
        raise InputError(path, "not a Telegram export: expected an object")
    reading = _Reading(path)
    noted = NotedArticles(path)
    try:
        yield from noted.push(_chat(cursor, reading, account=False))
    except InputError:
        yield from noted.close("")
        raise
    kinds = ", ".join(f"{n:,} {kind}" for kind, n in sorted(reading.passed_over.items()))
    yield from noted.close(
        f"passed over chats that are not channels or groups ({kinds})" * bool(kinds)
    )
    if cursor.peek():
        raise InputError(path, f"unexpected {cursor.peek()!r} after the export")
    if not reading.messages:
        yield Skipped(path, "no message in this Telegram export")


@dataclass
class _Reading:
    """What the reader has seen so far in one file."""

    path: str
    messages: int = 0  # position of the last message, across the file's chats
    passed_over: dict[str, int] = field(default_factory=dict)


@dataclass
class _Chat:
    """A chat's own fields, and its counts of messages that are not articles."""

    name: str = ""
    kind: str = ""
    chat_id: str = ""
    username: str = ""
    service: int = 0
    empty: int = 0
    repeats: int = 0
    notices: int = 0
    last: tuple[str, object] = ("", None)  # the last article's text and time

    def fill(self, key: str, value: object) -> None:
        text = str(value) if isinstance(value, str | int) and not isinstance(value, bool) else ""
        if key == "name":
            self.name = text
        elif key == "type":
            self.kind = text
        elif key == "id":
            self.chat_id = text
        elif key == "username":
            self.username = text.lstrip("@")

    def known(self) -> bool:
        return bool(self.name or self.chat_id)


def _chat(cursor: JsonCursor, reading: _Reading, account: bool) -> Iterator[Article | Skipped]:
    """The articles of one chat object (the file itself may be one, or hold the chat lists
    of an account export: ``account`` says whether this chat came from such a list)."""
    chat = _Chat()
    held: list[tuple[int, object]] = []
    seen_messages = False
    noted = NotedArticles(reading.path)
    try:
        for key in cursor.members():
            if key in ("chats", "left_chats") and not account and cursor.peek() == "{":
                for inner in cursor.members():
                    if inner == "list" and cursor.peek() == "[":
                        for _ in cursor.items():
                            yield from _chat(cursor, reading, account=True)
                    else:
                        cursor.value()
            elif key == "messages" and cursor.peek() == "[":
                seen_messages = True
                for _ in cursor.items():
                    reading.messages += 1
                    message = cursor.value()
                    if chat.known() and chat.kind:
                        yield from noted.push(_message_of(message, chat, reading, account))
                    else:  # named after its messages (not as Telegram Desktop writes it)
                        held.append((reading.messages, message))
            else:
                chat.fill(key, cursor.value())
    except InputError:
        yield from noted.close("")
        raise
    for position, message in held:
        yield from noted.push(_message_of(message, chat, reading, account, position))
    if not _read(chat, account):
        kind = chat.kind.replace("_", " ") or "chats of no type"
        reading.passed_over[kind] = reading.passed_over.get(kind, 0) + 1
    yield from noted.close(_counted(chat) if seen_messages and _read(chat, account) else "")


def _read(chat: _Chat, account: bool) -> bool:
    return not account or any(word in chat.kind for word in _READ_IN_ACCOUNT)


def _message_of(
    message: object, chat: _Chat, reading: _Reading, account: bool, position: int = 0
) -> Iterator[Article | Skipped]:
    if _read(chat, account):
        found = message_article(message, chat, reading.path, position or reading.messages)
        if found is not None:
            yield found


def _counted(chat: _Chat) -> str:
    """The remark on the chat's messages that are not articles ("" when it has none): a
    reason that starts alike for every chat, so a run's count of reasons adds them up."""
    parts = []
    for count, what in (
        (chat.service, "service message{}, such as pins and joins"),
        (chat.empty, "with no text, such as photos with no caption and stickers"),
        (chat.repeats, "repeating the caption of their album"),
        (chat.notices, "calling readers to subscribe or donate"),
    ):
        if count:
            parts.append(f"{count:,} {what.format('s' * (count != 1))}")
    if not parts:
        return ""
    return f"messages that are not articles ({_shown(chat)}: {'; '.join(parts)})"


def _shown(chat: _Chat) -> str:
    kind = chat.kind.replace("_", " ").replace("public ", "").replace("private ", "")
    return f"{kind or 'chat'} {chat.name!r}" if chat.name else f"{kind or 'chat'} {chat.chat_id}"


def message_article(
    message: object, chat: _Chat, path: str, position: int
) -> Article | Skipped | None:
    """The article of one message, a Skipped when it cannot be read, or None when it is not
    an article (a service message, no text: counted on ``chat``)."""
    where = f"item {position}"
    if not isinstance(message, dict):
        return Skipped(path, f"{where}: not a JSON object", position)
    if message.get("type", "message") != "message":
        chat.service += 1
        return None
    text = joined_text(message.get("text", ""))
    if text is None:
        said = _JSON_TYPES.get(type(message.get("text")), "value")
        return Skipped(path, f"{where}: 'text' is a JSON {said}, not text or parts", position)
    if not text.strip():
        chat.empty += 1
        return None
    # An album whose photos each carry the caption: one post, not one article per photo.
    posted = (text, message.get("date_unixtime") or message.get("date"))
    if posted == chat.last:
        chat.repeats += 1
        return None
    chat.last = posted
    if is_notice(text):  # "Subscribe to our channel": the channel speaking, not news
        chat.notices += 1
        return None
    # A post that opens with its headline (a bold first line) is read as a .txt file is: the
    # headline is the title, not a sentence of the text.
    title, text = opening_headline(normalize(text))
    forwarded = message.get("forwarded_from")
    if isinstance(forwarded, str) and forwarded.strip():
        # The name ends at the colon after it, so it keeps none of its own ("News: Kyiv").
        name = " ".join(forwarded.replace(":", " ").split())
        text = f"{FORWARD} {name}: {text.lstrip()}"
        title = normalize(f"{FORWARD} {name}: {title}") if title else ""
    number = message.get("id")
    number = str(number) if isinstance(number, int | str) and not isinstance(number, bool) else ""
    try:
        return make_article(
            text,
            path=path,
            record=position,
            title=title,
            article_id=f"tg-{chat.chat_id or 'x'}-{number}" if number else "",
            url=f"https://t.me/{chat.username}/{number}" if chat.username and number else "",
            source=chat.name,
            published=_published(message),
            published_origin="field",
        )
    except InputError as exc:
        return Skipped(path, f"{where}: {exc.reason}", position)


def joined_text(text: object) -> str | None:
    """A message's text as a reader sees it: a string as it is, a list of parts joined (the
    ``text`` of each object part: a link shows its words, not its href); None for anything
    else."""
    if isinstance(text, str):
        return text
    if not isinstance(text, list):
        return None
    parts = []
    for part in text:
        if isinstance(part, str):
            parts.append(part)
        elif isinstance(part, dict) and isinstance(part.get("text"), str):
            parts.append(part["text"])
    return "".join(parts)


def _published(message: dict[str, object]) -> object:
    """``date_unixtime`` as a UTC time, else ``date`` as given (local time, no offset)."""
    stamp = message.get("date_unixtime")
    if isinstance(stamp, str) and stamp.strip().isdigit():
        stamp = int(stamp)
    if isinstance(stamp, int) and not isinstance(stamp, bool):
        try:
            return datetime.fromtimestamp(stamp, tz=UTC).isoformat()
        except (OverflowError, OSError, ValueError):
            pass
    return message.get("date")
