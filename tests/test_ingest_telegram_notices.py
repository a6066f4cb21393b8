"""A channel's calls to subscribe or donate are counted, not read as news."""

from __future__ import annotations

from pathlib import Path

from storyline.ingest.notices import is_notice
from test_ingest_telegram import BRIDGE, channel, message, read, write

NOTICES = (
    "Подписывайтесь на наш канал: только проверенные новости Дорвиска.",
    "Друзі, підтримайте канал донатом. Дякуємо всім, хто з нами!",
    "Подписывайтесь на Правду Фронта: правда, которую скрывают.",
    "Subscribe to Harbor Watch for verified news from the bay.",
    "Support our channel: every donation keeps us on air. Thank you!",
)
NEWS = (
    # news that uses the same stems, or ends with the call
    "Подписан указ о мобилизации резервистов в трёх областях.",
    "Union leaders voted to support the strike at the Marlow docks on Monday.",
    BRIDGE + " Subscribe to our channel.",
    "Взрывы в Дорвиске. Подписывайтесь на наш канал.",
    # a call followed by news is a report
    "Subscribe to our channel. The port authority suspended all ferry sailings across "
    "Marlow Bay after a drone was seen over the harbour, officials said on Sunday evening.",
)


def test_calls_to_subscribe_or_donate_are_notices_and_news_is_not() -> None:
    assert [text for text in NOTICES if not is_notice(text)] == []
    assert [text for text in NEWS if is_notice(text)] == []


def test_a_channels_notices_are_counted_in_its_note(tmp_path: Path) -> None:
    messages = [message(1, BRIDGE), message(2, NOTICES[0]), message(3, NOTICES[1])]
    path = write(tmp_path / "result.json", channel("Дорвиск Новости", 1002, messages))
    articles, skipped = read(path)
    assert [a.id for a in articles] == ["tg-1002-1"] and skipped == []
    assert articles[-1].ingest_note == (
        "messages that are not articles (channel 'Дорвиск Новости': 2 calling readers to "
        "subscribe or donate)"
    )
