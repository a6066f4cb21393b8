"""Article features for story clustering: weighted terms, entities and numbers.

Terms are the lower-cased words of title and body (the title counted ``title_weight`` times),
stop words and numbers left out. Entities are proper-noun tokens, found offline by a
heuristic: words capitalised at least once where they do not open a sentence. Numbers of two
or more digits (years, tolls, sums) are a third signal: names and figures survive translation,
so they let an article in another language join its story, and figures tell apart two
incidents of the same kind. Clock times ("10:53 AM", "7.35pm") are left out: they date the
report, not the event, and on the ECB+ tuning topics their chance matches joined reports of
different incidents. Weights are sublinear TF times an IDF kept incrementally in
:class:`~storyline.stories.state.StoryState`, so no look-ahead is needed.
"""

from __future__ import annotations

import math
import re
import sys
from array import array
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import islice
from operator import itemgetter, mul
from typing import cast

from ..model import Article
from ..stopwords import ENGLISH_STOP_WORDS
from ..text import words
from .nouns import german_nouns

_EXTRA_STOP = """
said says say told tell according also just like new year years week weeks day days time
mr mrs ms dr one two three four five six seven eight nine ten first second last monday
tuesday wednesday thursday friday saturday sunday january february march april may june july
august september october november december today yesterday tomorrow people percent
including did does don didn doesn isn wasn aren won going got get make made way want
o a os as um uma de do da dos das em no na nos nas por para com que se ao aos e é foi ser
el la los las un una del en y con por para es su al lo le les des du et est dans pour pas
sur au aux il elle ils qui une der die das und den dem ein eine ist nicht mit von zu auf
het een van en op te dat zijn voor niet il di che per gli della
на по за из от до для при про под над без через об во со ко не ни но что как это его ее её
их он она оно они мы вы так уже еще ещё же ли бы был была было были будет также который
которая которые которых после перед между около тоже или если чтобы где когда
із від під між що як це її він вона воно вони ви вже ще був була було були буде який
яка яке які яких після перед між біля та чи або якщо щоб де коли
"""
STOP_WORDS: frozenset[str] = frozenset(ENGLISH_STOP_WORDS) | frozenset(_EXTRA_STOP.split())

# A figure, or a clock time ("10:53", "10: 53:20", "7.35pm"; not "1:100"), which sets group 1:
# its digits are consumed so that they are never read as figures. Every match starts with a
# digit, which keeps the regex engine's fast scan for the first character.
_NUMBER = re.compile(
    r"\d(?:\d?(?: ?: ?\d{2}(?: ?: ?\d{2})?(?!\d)|\.\d{2} ?[AaPp]\.?[Mm]\b)()|[\d,.]*\d)?"
)
_THOUSANDS = re.compile(r"[,.](?=\d{3}(?:\D|$))")
# The first word of each sentence (line start, or after . ! ? and closing quotes).
_INITIAL = re.compile(
    r"(?:^|[.!?][\"')\]]*\s+)[\"'(\[]*([^\W\d_][^\W_]*(?:['\-.][^\W_]+)*)", re.MULTILINE
)
# The same patterns spelled for ASCII text, where they match exactly the same (a Unicode
# ``\w`` is ``[A-Za-z0-9_]`` on ASCII) but run about twice as fast: explicit ranges instead
# of Unicode category look-ups. ``text.isascii()`` costs nothing (CPython records it).
_ASCII_WORD = re.compile(r"[A-Za-z0-9]+(?:['\-.][A-Za-z0-9]+)*")
_ASCII_INITIAL = re.compile(
    r"(?:^|[.!?][\"')\]]*\s+)[\"'(\[]*([A-Za-z][A-Za-z0-9]*(?:['\-.][A-Za-z0-9]+)*)", re.MULTILINE
)
# ``_NUMBER`` for ASCII text with every digit made 0 (:data:`_ZEROS`): the same spans, but the
# pattern starts with one literal character, which the regex engine finds with a tight loop
# instead of testing a class of ten characters at every position (text is mostly letters).
_ZEROS = str.maketrans("123456789", "000000000")
_ZERO_NUMBER = re.compile(r"0(?:0?(?: ?: ?00(?: ?: ?00)?(?!0)|\.00 ?[AaPp]\.?[Mm]\b)()|[0,.]*0)?")
# ``_ASCII_INITIAL`` split in patterns that each start with one literal character, which the
# regex engine scans for with a tight loop instead of trying the ``^`` alternative (or testing
# a character class) at every position: the first word of the text, of every line, and after
# each of the three sentence ends. A sentence end whose white space ends with the line break
# is the line's start: counted there, once. The matches after ``.``, ``!`` and ``?`` are
# those of one pattern for ``[.!?]``: each holds one sentence end, at its start (the only
# ``.`` after it is inside a word, and so is followed by a letter or digit, not by a space).
_ASCII_TOKEN = r"([A-Za-z][A-Za-z0-9]*(?:['\-.][A-Za-z0-9]+)*)"
_ASCII_TEXT_START = re.compile(r"[\"'(\[]*" + _ASCII_TOKEN)
_ASCII_LINE_START = re.compile(r"\n[\"'(\[]*" + _ASCII_TOKEN)
_ASCII_AFTER_STOPS = tuple(
    (stop, re.compile(re.escape(stop) + r"[\"')\]]*\s*(\s)[\"'(\[]*" + _ASCII_TOKEN))
    for stop in ".!?"
)


@dataclass(frozen=True)
class ArticleFeatures:
    """Raw counts of one article (weights come later, from the IDF at that point). A count
    is an int or a float of the same value (the terms of the text alone are counted as ints)."""

    terms: dict[str, float]
    entities: dict[str, float]
    numbers: dict[str, float]


def extract(article: Article, title_weight: int, min_digits: int) -> ArticleFeatures:
    """Count the terms and entities of ``article`` (title and body).

    What each distinct token stands for (its term, whether it can be a name) is remembered
    across articles (:class:`_TokenCache`), so most tokens cost one look-up at C speed;
    only the text's possessives need a pass over its distinct tokens in Python.
    """
    text = article.text
    ascii_text = text.isascii()
    if _has_possessive(text):
        terms, names = _possessive_counts(_words(text, ascii_text), text)
    elif ascii_text:
        terms, names = _ascii_counts(text)
    else:
        terms, names = _token_counts(words(text))
    entities: dict[str, float] = {}
    if names:
        # A name is capitalised somewhere other than at the start of a sentence.
        initial = Counter(_ascii_initials(text) if ascii_text else _INITIAL.findall(text))
        for token, count in names.items():
            if count > initial.get(token, 0):
                lowered = _TERM[token]
                entities[lowered] = entities.get(lowered, 0.0) + count
        if entities and article.language == "de":  # German capitalises every noun
            for noun in german_nouns(text).intersection(entities):
                del entities[noun]
    if not ascii_text:
        _count_cjk_pairs(text, terms, 1)
    title = article.title
    title_counts = Counter(_words(title, title.isascii()))
    _count_terms(_strip_possessive(title_counts, title), terms, float(title_weight))
    if not title.isascii():
        _count_cjk_pairs(title, terms, title_weight)
    numbers: dict[str, float] = {}
    if article.language not in ("", "en"):
        title, text = _joined_groups(title), _joined_groups(text)
    # A number never spans the line break the title and text were once joined with.
    for number in _numbers(title, min_digits) + _numbers(text, min_digits):
        numbers[number] = numbers.get(number, 0.0) + 1.0
    return ArticleFeatures(terms, entities, numbers)


_Counts = tuple[dict[str, float], dict[str, int]]

# Chinese, Japanese and Korean write words without spaces, and their tokens are single
# characters, which count for no term: the pairs of adjacent characters do (as CJK search
# engines index them), so two reports of one event in these scripts share terms.
_CJK_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]{2,}")


def _count_cjk_pairs(text: str, terms: dict[str, float], weight: float) -> None:
    """Add each pair of adjacent CJK characters of ``text`` to ``terms``, ``weight`` each."""
    for run in _CJK_RUN.findall(text):
        for i in range(len(run) - 1):
            pair = sys.intern(run[i : i + 2])
            terms[pair] = terms.get(pair, 0) + weight


def _token_counts(tokens: list[str]) -> _Counts:
    """The terms of ``tokens`` and the tokens that may be names, each with its count.

    Counted over the token stream, in the order the terms first occur: the order that
    counting the distinct tokens, then adding up their terms, gives.
    """
    counted = Counter(filter(None, map(_TERM.__getitem__, tokens)))
    return _as_counts(counted), Counter(filter(_NAME.__getitem__, tokens))


def _ascii_counts(text: str) -> _Counts:
    """:func:`_token_counts` of :func:`_ascii_words`, read off the runs directly."""
    runs = text.translate(_SPACES).split()
    counted = Counter(filter(None, map(_RUN_TERM.__getitem__, runs)))
    if _SEVERAL in counted:
        return _token_counts(_ASCII_WORD.findall(text))
    return _as_counts(counted), Counter(filter(None, map(_RUN_NAME.__getitem__, runs)))


def _as_counts(counted: Counter[str]) -> dict[str, float]:
    """The counter itself, as the terms' counts: its int counts weigh as the same floats
    (``math.log`` of an int is that of the float, and adding a title's weighted count makes
    a float), and converting every count cost a tenth of the extraction."""
    return cast("dict[str, float]", counted)


def _possessive_counts(tokens: list[str], text: str) -> _Counts:
    """:func:`_token_counts` of a text holding possessives: counted over distinct tokens,
    ``Russia's`` as ``Russia`` (where that moves a token to the end, so must its term)."""
    counts = _strip_possessive(Counter(tokens), text)
    terms: dict[str, float] = {}
    get, term = terms.get, _TERM.__getitem__
    for token, count in counts.items():
        lowered = term(token)
        if lowered:
            terms[lowered] = get(lowered, 0.0) + count
    return terms, {token: counts[token] for token in filter(_NAME.__getitem__, counts)}


def _ascii_words(text: str) -> list[str]:
    """``_ASCII_WORD.findall(text)``, the same tokens, faster.

    Every character a token may hold is a letter, a digit or one of ``'-.``: with all the
    others made spaces, ``split`` cuts the text into the runs the pattern matches within,
    and most runs are one token, give or take a full stop or quote (:data:`_RUN`).
    """
    tokens = list(filter(None, map(_RUN.__getitem__, text.translate(_SPACES).split())))
    return _ASCII_WORD.findall(text) if _SEVERAL in tokens else tokens


class _TokenCache(dict[str, str]):
    """Token -> what :meth:`derive` gives for it, computed on first sight. Cleared when
    full: the values depend on the token alone, so forgetting them changes no result."""

    limit = 1 << 17

    def __missing__(self, token: str) -> str:
        if len(self) >= self.limit:
            self.clear()
        value = self[token] = self.derive(token)
        return value

    @staticmethod
    def derive(token: str) -> str:
        raise NotImplementedError


class _Terms(_TokenCache):
    @staticmethod
    def derive(token: str) -> str:
        """The term ``token`` counts for (lower-cased, interned), or "" when it is none: a
        stop word, a single character or a figure."""
        lowered = token.lower()
        if len(lowered) < 2 or lowered in STOP_WORDS or lowered[0].isdigit():
            return ""
        return sys.intern(lowered)


class _Names(_TokenCache):
    @staticmethod
    def derive(token: str) -> str:
        """The term of ``token`` when it is capitalised (a name, unless only ever seen
        opening a sentence), else ""."""
        return _TERM[token] if token[0].isupper() else ""


class _Runs(_TokenCache):
    @staticmethod
    def derive(token: str) -> str:
        """The one token of a run, "" when it holds none, :data:`_SEVERAL` when more."""
        found = _ASCII_WORD.findall(token)
        if len(found) == 1:
            return token if found[0] == token else found[0]
        return _SEVERAL if found else ""


class _RunTerms(_TokenCache):
    @staticmethod
    def derive(token: str) -> str:
        """The term of a run's one token ("" if none), or :data:`_SEVERAL`."""
        found = _RUN[token]
        return _TERM[found] if found and found != _SEVERAL else found


class _RunNames(_TokenCache):
    @staticmethod
    def derive(token: str) -> str:
        """A run's one token when it may be a name, else ""."""
        found = _RUN[token]
        return found if found and found != _SEVERAL and _NAME[found] else ""


# Not a token (it holds no letter or digit): marks a run of several tokens.
_SEVERAL = "."
_SPACES = str.maketrans(
    {chr(code): " " for code in range(128) if not (chr(code).isalnum() or chr(code) in "'-.")}
)
_RUN = _Runs()
_TERM = _Terms()
_NAME = _Names()
_RUN_TERM = _RunTerms()
_RUN_NAME = _RunNames()


def _ascii_initials(text: str) -> list[str]:
    """``_ASCII_INITIAL.findall(text)``, the same words (in another order), twice as fast."""
    found = _ASCII_LINE_START.findall(text)
    for stop, pattern in _ASCII_AFTER_STOPS:
        if stop in text:
            found += [word for last, word in pattern.findall(text) if last != "\n"]
    first = _ASCII_TEXT_START.match(text)
    if first:
        found.append(first.group(1))
    return found


def _words(text: str, ascii_text: bool) -> list[str]:
    """:func:`storyline.text.words`, faster on ASCII text (same tokens)."""
    return _ascii_words(text) if ascii_text else words(text)


def _strip_possessive(counts: Counter[str], text: str) -> Counter[str]:
    """``Russia's`` counts as ``Russia`` (done on distinct tokens: cheap; skipped when the
    text holds no ``'s`` at all)."""
    if not _has_possessive(text):
        return counts
    possessive = [t for t in counts if t.endswith(("'s", "'S")) and len(t) > 3]
    for token in possessive:
        counts[token[:-2]] += counts.pop(token)
    return counts


def _has_possessive(text: str) -> bool:
    """Whether ``text`` holds ``'s`` or ``'S``: most texts hold no apostrophe at all, which
    one character scan (memchr) tells, where each two-character search reads the text."""
    return "'" in text and ("'s" in text or "'S" in text)


def _count_terms(counts: Counter[str], terms: dict[str, float], weight: float) -> None:
    term = _TERM.__getitem__
    for token, count in counts.items():
        lowered = term(token)
        if lowered:
            terms[lowered] = terms.get(lowered, 0.0) + count * weight


# A figure whose thousands are grouped by spaces, as French, Russian, Ukrainian and others
# write them ("48 000", "1 200 000"; also with a no-break or a narrow no-break space). Read
# apart, "48 000" gave the figures "48" and "000": every article of those languages that wrote
# a thousand shared the figure "000" with every other, and none shared "48000" with the
# English "48,000" of the same event.
_SPACED_GROUPS = re.compile(r"(?<![\d.,])\d{1,3}(?:[ \u00a0\u202f]\d{3}(?!\d))+")
_GROUP_SPACES = str.maketrans("", "", " \u00a0\u202f")


def _joined_groups(text: str) -> str:
    """``text`` with the spaces inside figures grouped by thousands taken out."""
    return _SPACED_GROUPS.sub(lambda match: match.group().translate(_GROUP_SPACES), text)


def _numbers(text: str, min_digits: int) -> list[str]:
    """The figures of ``text`` with at least ``min_digits`` digits, clock times left out."""
    found = []
    ascii_text = text.isascii()
    pattern, scanned = (_ZERO_NUMBER, text.translate(_ZEROS)) if ascii_text else (_NUMBER, text)
    for match in pattern.finditer(scanned):
        if match.lastindex:  # a clock time
            continue
        number = text[match.start() : match.end()] if ascii_text else match.group()
        if "," in number or "." in number:
            number = _THOUSANDS.sub("", number).replace(",", ".")
            # Only digits and full stops are left, and every \d is a digit.
            digits = len(number) - number.count(".")
        else:
            digits = len(number)
        if digits >= min_digits:
            found.append(number)
    return found


def is_round(figure: str) -> bool:
    """Whether ``figure`` (as :func:`_numbers` gives it) is round: a whole number of at least
    100 with one significant digit ("100000", "200", "5000"). Round figures are approximations
    that many unrelated incidents share (100,000 troops, 200 staff): on the ECB+ train topics
    "100" and "300" come up in 19 and 11 incidents. Years (1900-2099, four digits) are not
    round: they date an event. "5 million" gives no figure at all (one digit), "2.5 million"
    the figure "2.5": not round."""
    if not figure.isdecimal():
        return False
    value = int(figure)
    if value < 100 or (len(figure) == 4 and 1900 <= value <= 2099):
        return False
    return len(str(value).rstrip("0")) == 1


def round_figures(
    numbers: Mapping[str, float], weight: float
) -> tuple[Mapping[str, float], frozenset[str]]:
    """The figure counts to weigh and the round figures among them to damp by ``weight``
    (:func:`weigh`); with weight 0 they are left out, so that an article whose only figures
    are round has no figures channel (no evidence) rather than one that matches nothing."""
    if weight == 1.0:
        return numbers, frozenset()
    rounds = frozenset(filter(is_round, numbers))
    if not rounds or weight != 0.0:
        return numbers, rounds
    return {key: count for key, count in numbers.items() if key not in rounds}, frozenset()


def weigh(
    counts: Mapping[str, float],
    df: Mapping[str, int],
    n_docs: int,
    keep: int,
    damped: frozenset[str] = frozenset(),
    damping: float = 1.0,
) -> dict[str, float]:
    """Sublinear TF-IDF, the ``damped`` keys multiplied by ``damping``, L2-normalised over
    all keys, then only the ``keep`` heaviest kept (heaviest first): the tail adds little to
    a cosine and much to its cost. The kept keys are interned: every story centroid, topic
    centroid and posting holding a word then shares one string object for it. ``df`` holds
    document counts (never negative), whose logs are read from :data:`_LOGS`."""
    log, total, get = math.log, math.log(n_docs + 1), df.get
    logs = _logs_to(n_docs)
    try:
        # Most counts are 1, and 1.0 + log(1.0) is exactly 1.0.
        weights = {
            key: (1.0 if count == 1.0 else 1.0 + log(count)) * (total - logs[get(key, 0)] + 1.0)
            for key, count in counts.items()
        }
    except IndexError:  # a count above ``n_docs``: not from one stream, but still weighed
        weights = {
            key: (1.0 + log(count)) * (total - log(get(key, 0) + 1) + 1.0)
            for key, count in counts.items()
        }
    if damping != 1.0:
        # Iterates this article's keys and looks each up in ``damped``; ``damped & keys``
        # iterated every place name in ``damped`` on every call.
        for key in damped.intersection(weights):
            weights[key] *= damping
    norm = math.sqrt(sum_squares(weights))
    if norm == 0:
        return {}
    intern = sys.intern
    # The keys sorted like ``top`` sorts the entries: by weight, stable, heaviest first.
    kept = sorted(weights, key=weights.__getitem__, reverse=True)[:keep]
    return {intern(key): weights[key] / norm for key in kept}


# ``_LOGS[n]`` is ``math.log(n + 1)``, the same float, for every document count ``n`` seen so
# far: a look-up instead of a call per key (doubles, 8 bytes per document of the longest run).
_LOGS = array("d")


def _logs_to(n_docs: int) -> array[float]:
    """:data:`_LOGS`, long enough for every count up to ``n_docs``."""
    logs = _LOGS
    if len(logs) <= n_docs:
        logs.extend(map(math.log, range(len(logs) + 1, max(n_docs + 2, 2 * len(logs)))))
    return logs


def sum_squares(vector: Mapping[str, float]) -> float:
    """``sum(v * v for v in values)``, the same additions in the same order, in C."""
    values = vector.values()
    total: float = sum(map(mul, values, values))
    return total


def top(vector: Mapping[str, float], k: int) -> list[tuple[str, float]]:
    """The ``k`` heaviest entries, heaviest first; ties keep the mapping's own order, which is
    deterministic (first occurrence in the text, or the canonical order of a centroid)."""
    return sorted(vector.items(), key=itemgetter(1), reverse=True)[:k]


def head(vector: Mapping[str, float], k: int) -> list[tuple[str, float]]:
    """:func:`top` for a vector already heaviest first (a weighed vector, a centroid, either
    scaled): the same entries, without sorting again."""
    return list(islice(vector.items(), k))


def dot(small: Mapping[str, float], large: Mapping[str, float]) -> float:
    """Sparse dot product, adding the shared keys in ``small``'s own (deterministic) order."""
    total = 0.0
    if len(small) > 8:
        # Few keys are shared: they are picked out at C speed, still in ``small``'s order.
        for key in filter(large.__contains__, small):
            total += small[key] * large[key]
        return total
    get = large.get
    for key, value in small.items():
        other = get(key)
        if other is not None:
            total += value * other
    return total


def scaled_dot(small: Mapping[str, float], large: Mapping[str, float], scale: float) -> float:
    """:func:`dot` of ``small`` with ``large`` divided by ``scale`` entry by entry: the same
    float as ``dot(small, {k: v / scale for k, v in large.items()})``, without making that
    dict (each shared entry is divided exactly as the scaled dict would hold it)."""
    total = 0.0
    if len(small) > 8:
        for key in filter(large.__contains__, small):
            total += small[key] * (large[key] / scale)
        return total
    get = large.get
    for key, value in small.items():
        other = get(key)
        if other is not None:
            total += value * (other / scale)
    return total
