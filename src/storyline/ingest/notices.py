"""A channel's notices to its readers: calls to subscribe or to donate are not news.

Telegram news channels post them between their reports ("Подписывайтесь на наш канал: только
проверенные новости", "Друзі, підтримайте канал донатом"), and each became a story of its own
in a digest. A post is such a notice when its first sentence is a call to action, in one of the
imperative forms channels use (English, Russian, Ukrainian, German, French), and what follows
is a short sign-off (at most :data:`SIGN_OFF_WORDS` words: "Thank you to everyone who is with
us!"; the whole post at most :data:`MAX_NOTICE_CHARS` characters). A report that ends with the
same call ("... Subscribe to our channel") opens with its news, so it is read as usual; and the
imperatives are what tell a call from news that uses the same stems ("Подписан указ...",
"support for the strike").
"""

from __future__ import annotations

import re

from ..text import split_sentences, words

__all__ = ["is_notice"]

# Words a notice may add after its call to action (a thank-you, a link's label).
SIGN_OFF_WORDS = 8

# A call to action: an imperative to subscribe, join, follow or donate; or one to support,
# in a sentence that names the channel.
_CALL = re.compile(
    r"\b(?:subscribe|join us|follow us|donate|подписывайтесь|подпишитесь|присоединяйтесь"
    r"|підписуйтесь|підпишіться|приєднуйтесь|долучайтеся|донат|задонать"
    r"|abonniert|abonnieren sie|abonnez-vous|rejoignez-nous)"
)
_SUPPORT = re.compile(
    r"\b(?:support|поддержите|підтримайте|unterstützt|unterstützen sie|soutenez)\b"
)
_CHANNEL = re.compile(r"\b(?:channel|канал|kanal|chaîne)")
# A notice is a sentence and a sign-off: a longer post is news, whatever it calls for (and
# most posts are passed over without a look at their words).
MAX_NOTICE_CHARS = 400


def is_notice(text: str) -> bool:
    """Whether ``text`` is a channel's call to subscribe or donate (see the module)."""
    if len(text) > MAX_NOTICE_CHARS or not _calls(text):
        return False
    sentences = split_sentences(text)
    if not sentences or not _calls(sentences[0].text):
        return False
    rest = sum(len(words(sentence.text)) for sentence in sentences[1:])
    return rest <= SIGN_OFF_WORDS


def _calls(text: str) -> bool:
    text = text.lower()  # a case-blind search costs three times as much
    if _CALL.search(text) is not None:
        return True
    return _SUPPORT.search(text) is not None and _CHANNEL.search(text) is not None
