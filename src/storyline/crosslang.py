"""Translated copies across languages, found offline from anchors that survive translation.

A content farm that machine-translates a wire shares no word with it, so the shingle and
content-word stages of :mod:`storyline.reuse` see two unrelated texts. What survives
translation is language-independent: numbers ("100,000", "100 000" and "100.000" read the
same; "4,75" and "4.75" too), and Latin- or Cyrillic-script names and acronyms, folded to a
short key (accents dropped, Cyrillic transliterated, the first 5 letters, so "Norlands",
"Norland" and "Норланда" meet). These are the **anchors** of a sentence.

A translation keeps the sentences, one for one and in order, with proportional lengths, and
each sentence keeps its anchors. An independent report of the same event in another language
shares many anchors too, but not that structure. So two articles in different languages are
aligned sentence by sentence, monotonically (a dynamic programme in the manner of Gale and
Church 1993, beads of 1-1, 1-0, 0-1, 2-1 and 1-2 sentences, scored by the fit of their
lengths to the texts' length ratio and by the anchors they share), and the pair is a
``translation`` when most of the shorter text's sentences sit in beads of fitting lengths,
at least 4 beads share anchors, most of the anchors the two texts share are found in the
same bead, and most beads with numbers have the same numbers on both sides (an independent
report puts its figures in sentences of its own, next to figures of its own). Limits: a
short brief (fewer than 4 anchored sentences) is never a translation, nor a text without
figures; a translation that drops paragraphs passes when it keeps 4 anchored sentences and
40% of the other's; one that reorders paragraphs does not, the alignment being monotonic.
Languages come from the ``language`` field, else :func:`storyline.language.detect_language`;
an unknown language never makes a translation.

A translation's passages are its aligned sentences (kind ``"translation"``, one per bead that
shares an anchor), so a reader can check the verdict sentence by sentence; their words are not
the other's, so they back no summary citation, though the translation is one voice with its
original.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import accumulate

from .crosscues import word_cues
from .language import detect_language, language_code
from .model import Article, Passage, Relation, Span
from .namekeys import respelled, spelling_key, transliterated
from .provenance import Outlet, direction
from .text import jaccard, split_sentences

# Thresholds of the decision; set on the tuning half of bench/data/translations (and on the
# short same-event reports of ../qa10/lang/mixed.jsonl, which set MIN_ANCHORED to 4).
MIN_ANCHORED = 4  # beads that share an anchor
# A short wire has few figures and names: beads that share an anchor, at least, when beads
# that share an anchor or a cue (:mod:`storyline.crosscues`) make up the MIN_ANCHORED.
MIN_ANCHORED_CUED = 2
MIN_COVERAGE = 0.75  # of the shorter text's sentences, in beads of fitting lengths
MIN_LONG_COVERAGE = 0.4  # of the longer text's sentences: a 3-sentence brief is no translation
MIN_AGREEMENT = 0.8  # of the anchor occurrences the texts share, found in one bead
MIN_NUMBERS = 0.65  # of the matched beads holding numbers, those with the same numbers
MAX_CELLS = 40_000  # sentence pairs aligned at most (200 x 200): about 0.3 s of CPU
_FIT = math.log(1.6)  # a bead's lengths fit when within this factor of the texts' ratio
_SKIP = -0.2
_MERGE = -0.4

_NUMBER = re.compile(
    r"(?<![\w.,])\d{1,3}(?:([,.\u00a0\u202f ])\d{3}(?!\d))(?:\1\d{3}(?!\d))*(?:[.,]\d+)?"
    r"|(?<![\w.,])\d+(?:[.,]\d+)?"
)
_RUN = re.compile(r"\d[\d,. \u00a0\u202f]*")
# An upper-case Latin or Cyrillic letter and the letters after it: "l'ONU" gives "ONU",
# "Brekke's" "Brekke"; a letter class first lets the scan skip ahead quickly.
_CAPITAL = re.compile(r"[A-Z\u00c0-\u00de\u0100-\u024f\u0400-\u042f\u0490][^\W\d_]*")
# Capitalised words that are not names: sentence openers of the languages storyline meets.
_OPENERS = """a an the this that these those he she it we they his her its their there here in on at
    of for to from by with after before when while but and or as if not no all some many most
    one two three four five six seven eight nine ten also however yesterday today tomorrow
    le la les un une des ce cette ces il elle ils elles on nous en au aux du de dans sur pour
    par avec après avant selon mais et ou si pas tous toutes tout plus lors depuis hier
    aujourd demain der die das ein eine einer dem den des er sie es wir ihr im am auf aus bei
    mit nach vor seit und oder aber nicht alle auch noch zum zur laut wie gestern heute morgen
    el los las una unos unas lo ella ellos este esta estos estas del al con por para tras
    según pero y o ni no todos también ayer hoy mañana o os um uma umas uns ele ela eles elas
    este esta do da dos das no na nos nas em com por para após segundo mas e ou não todos
    também ontem hoje amanhã il lo gli i una uno dei delle della del nel nella con per dopo
    secondo ma e o non tutti anche ieri oggi domani в во на по с со из за к от до для после
    по и а но или не все также он она они мы это этот эта эти его ее их как вчера сегодня
    завтра"""
_NOT_NAMES = frozenset(_OPENERS.split())


Bead = tuple[int, int, int, int]  # a_start, a_end, b_start, b_end (sentence indexes)


@dataclass(frozen=True)
class Profile:
    """What the alignment reads of one article: each sentence's length, anchors and place."""

    lengths: tuple[int, ...]
    anchors: tuple[frozenset[str], ...]
    spans: tuple[tuple[int, int], ...] = ()  # each sentence's character offsets in the text
    cues: tuple[frozenset[str], ...] = ()  # each sentence's cues, when its language is known


@dataclass(frozen=True)
class Alignment:
    """How two texts align: the beads' share of each text, and where shared anchors fall."""

    coverage: float  # of the shorter text's sentences, in fitting beads
    long_coverage: float  # of the longer text's sentences
    agreement: float  # of shared anchor occurrences, inside one bead
    anchored: int  # fitting beads sharing an anchor
    shorter: int  # sentences of the shorter text
    numbers: float = 0.0  # of matched beads holding numbers, those with the same numbers
    beads: tuple[Bead, ...] = ()  # fitting beads that share an anchor: the evidence

    def translation(self, least: int = MIN_ANCHORED) -> bool:
        return (
            self.anchored >= least
            and self.coverage >= MIN_COVERAGE
            and self.long_coverage >= MIN_LONG_COVERAGE
            and self.agreement >= MIN_AGREEMENT
            and self.numbers >= MIN_NUMBERS
        )


class Profiles:
    """Languages and profiles of a run's articles, each made once and kept until forgotten."""

    def __init__(self) -> None:
        self._languages: dict[str, str] = {}
        self._profiles: dict[str, Profile] = {}

    def language(self, article: Article) -> str:
        found = self._languages.get(article.id)
        if found is None:
            found = language_code(article.language) or detect_language(article.text)
            self._languages[article.id] = found
        return found

    def profile(self, article: Article, sentences: Sequence[Span] | None = None) -> Profile:
        found = self._profiles.get(article.id)
        if found is None:
            found = profile(article.text, sentences, self.language(article))
            self._profiles[article.id] = found
        return found

    def forget(self, article_id: str) -> None:
        self._languages.pop(article_id, None)
        self._profiles.pop(article_id, None)


def profile(text: str, sentences: Sequence[Span] | None = None, language: str = "") -> Profile:
    """The lengths, anchors and cues of ``text``'s sentences (``sentences``: its split, if
    known; no cues when its ``language`` is unknown)."""
    spans = [s for s in (split_sentences(text) if sentences is None else sentences) if s.text]
    return Profile(
        tuple(len(s.text.strip()) for s in spans),
        tuple(anchors(s.text) for s in spans),
        tuple((s.start, s.end) for s in spans),
        tuple(cues(s.text, language) for s in spans) if language else (),
    )


def cues(sentence: str, language: str) -> frozenset[str]:
    """The cues of one sentence (:mod:`storyline.crosscues`): its number words and concepts,
    and its names as :func:`spelling_key` spells them ("Melnyk" and "Мельник" meet there,
    not in their anchors' 5 letters: "melny", "melni")."""
    found = set(word_cues(sentence, language))
    for word in _CAPITAL.finditer(sentence):
        inside = word.start() > 0 and sentence[word.start() - 1].isalpha()
        if not inside and _name_anchor(word.group()) and (key := spelling_key(word.group())):
            found.add("~" + key)
    return frozenset(found)


def _with_cues(p: Profile) -> Profile:
    """``p`` with each sentence's cues among its anchors."""
    if not p.cues:
        return p
    return replace(p, anchors=tuple(a | c for a, c in zip(p.anchors, p.cues, strict=True)))


def anchors(sentence: str) -> frozenset[str]:
    """Numbers (2 digits or more, or with a decimal part) and name keys of one sentence."""
    found: set[str] = set()
    for run in _RUN.finditer(sentence):  # a cheap scan first: most of a text has no digit
        glued = run.start() > 0 and _glued(sentence[run.start() - 1])
        for match in _NUMBER.finditer(run.group()):
            if (match.start() or not glued) and (number := _number(match.group())):
                found.add(number)
    for word in _CAPITAL.finditer(sentence):
        start, text = word.start(), word.group()
        inside = start > 0 and sentence[start - 1].isalpha()  # "iPhone": no name at "P"
        if text[0].isupper() and not inside and (key := _name_anchor(text)):
            found.add(key)
    return frozenset(found)


def _glued(previous: str) -> bool:
    """A number right after a letter or a mark ("A9", "CO2", "v.2") is no figure."""
    return previous.isalnum() or previous in "_.,"


@lru_cache(maxsize=1 << 16)
def _name_anchor(word: str) -> str:
    """The key of a capitalised word, or "" for a sentence opener or a 1-letter key."""
    if word.lower() in _NOT_NAMES:
        return ""
    key = name_key(word)
    return key if len(key) >= 2 else ""


def _number(raw: str) -> str:
    """ "100,000", "100 000", "100.000" -> "100000"; "4,75" and "4.75" -> "4.75"; "7" -> ""."""
    if raw.isdigit():  # most numbers: no mark to read
        return _decimal(raw, "") if len(raw) >= 2 else ""
    raw = raw.replace("\u00a0", " ").replace("\u202f", " ")
    grouped = _GROUPED.fullmatch(raw)
    if grouped:  # thousands groups, maybe a decimal part after a mark of the other kind
        whole = re.sub(r"\D", "", grouped.group(1))
        return _decimal(whole, grouped.group(3) or "")
    whole, _, fraction = raw.replace(",", ".").partition(".")
    if not fraction and len(whole) < 2:
        return ""
    return _decimal(whole, fraction)


_GROUPED = re.compile(r"(\d{1,3}([,. ])\d{3}(?:\2\d{3})*)(?:[.,](\d+))?")


def _decimal(whole: str, fraction: str) -> str:
    fraction = fraction.rstrip("0")
    whole = whole.lstrip("0") or "0"
    return f"{whole}.{fraction}" if fraction else whole


def name_key(word: str) -> str:
    """A name's key across scripts and inflections: folded, transliterated, the letters
    transliterations disagree on made one (:func:`~storyline.namekeys.respelled`: "Melnyk"
    and "Мельник", "Hrytsenko" and "Гриценко" meet), 5 letters."""
    folded = word.lower() if word.isascii() and word.isalpha() else transliterated(word)
    if word.isupper() and len(word) <= 6:  # an acronym: whole
        return folded
    return respelled(folded)[:5]


def languages_differ(a: Article, b: Article, profiles: Profiles) -> bool:
    """Both languages known and different (an unknown language never makes a translation)."""
    first = profiles.language(a)
    second = profiles.language(b) if first else ""
    return bool(first and second and first != second)


def translation(
    a: Article,
    b: Article,
    pa: Profile,
    pb: Profile,
    containment: tuple[float, float],
    outlets: tuple[Outlet, Outlet],
) -> Relation | None:
    """The ``translation`` relation of ``a`` and ``b`` (ids in order), or None."""
    decided = translated(pa, pb)
    if decided is None:
        return None
    found, pa, pb = decided
    original, reason = direction(a, b, "translation", *containment, outlets)
    if original is None:  # containment says nothing across languages
        reason = reason.removesuffix(", no containment asymmetry")
    return Relation(
        a.id,
        b.id,
        "translation",
        round(found.coverage, 4),
        round(containment[0], 4),
        round(containment[1], 4),
        original,
        reason,
        aligned_passages(a.text, b.text, pa, pb, found.beads),
    )


def aligned_passages(
    text_a: str, text_b: str, pa: Profile, pb: Profile, beads: Sequence[Bead]
) -> tuple[Passage, ...]:
    """The beads as passages of kind ``translation``: each side's sentences, by offsets, scored
    by the Jaccard of their anchors (the figures and names a reader can check)."""
    if len(pa.spans) != len(pa.lengths) or len(pb.spans) != len(pb.lengths):
        return ()  # a profile made without offsets (never from :func:`profile`)
    passages = []
    for i0, i1, j0, j1 in beads:
        a_start, a_end = pa.spans[i0][0], pa.spans[i1 - 1][1]
        b_start, b_end = pb.spans[j0][0], pb.spans[j1 - 1][1]
        passages.append(
            Passage(
                a_start,
                a_end,
                b_start,
                b_end,
                text_a[a_start:a_end],
                text_b[b_start:b_end],
                "translation",
                round(jaccard(_side(pa, i0, i1), _side(pb, j0, j1)), 4),
            )
        )
    return tuple(passages)


def translated(pa: Profile, pb: Profile) -> tuple[Alignment, Profile, Profile] | None:
    """The alignment that makes two profiles a translation, with the profiles it read (their
    cues among their anchors when figures and names alone were too few), or None.

    A short wire translated whole aligns sentence for sentence like a long one, but fewer
    than :data:`MIN_ANCHORED` of its beads share a figure or a name. When that is all that
    fails (or its figures and names are too few to align on), the texts are aligned again
    with their cues, and must pass every test again: beads enough that share an anchor or a
    cue, the shared cues in the same beads (an independent report tells the same things in
    its own order), the number words the same, and :data:`MIN_ANCHORED_CUED` beads that
    share a figure or a name."""
    found = compare_profiles(pa, pb)
    if found is not None and (found.translation() or found.anchored >= MIN_ANCHORED):
        return (found, pa, pb) if found.translation() else None
    if found is not None and not found.translation(0):
        return None  # its figures and names disagree, or its sentences do not align
    ca, cb = _with_cues(pa), _with_cues(pb)
    again = compare_profiles(ca, cb)
    if again is None or not again.translation():
        return None
    named = sum(bool(_named(pa, ca, b[0], b[1]) & _named(pb, cb, b[2], b[3])) for b in again.beads)
    return (again, ca, cb) if named >= MIN_ANCHORED_CUED else None


def _named(p: Profile, cued: Profile, start: int, end: int) -> frozenset[str]:
    """The figures and names of a profile's sentences: their anchors, and the cues that spell
    names ("~..."; not the number words and concepts)."""
    spelled = frozenset(k for k in _side(cued, start, end) if k[0] == "~")
    return _side(p, start, end) | spelled


def compare_profiles(pa: Profile, pb: Profile) -> Alignment | None:
    """The alignment of two profiles; None when one has no sentence or both are too long."""
    n, m = len(pa.lengths), len(pb.lengths)
    if not n or not m or n * m > MAX_CELLS:
        return None
    cross = set().union(*pa.anchors) & set().union(*pb.anchors)
    if len(cross) < 2:
        return None
    count_a = Counter(k for s in pa.anchors for k in s & cross)
    count_b = Counter(k for s in pb.anchors for k in s & cross)
    possible = sum(min(count_a[k], count_b[k]) for k in cross)
    if possible < MIN_ANCHORED:  # too few shared anchors for enough anchored beads
        return None
    weights = {k: 1.0 / max(count_a[k], count_b[k]) for k in cross}
    ratio = max(1, sum(pb.lengths)) / max(1, sum(pa.lengths))
    beads = _align(pa, pb, ratio, cross, weights)
    matched = [b for b in beads if b[0] < b[1] and b[2] < b[3]]
    ratios = sorted(_lengths(pa, pb, b)[1] / _lengths(pa, pb, b)[0] for b in matched)
    if len(ratios) >= 3 and abs(math.log(ratios[len(ratios) // 2] / ratio)) > 0.1:
        # a dropped paragraph skews the texts' ratio: align again with the beads' own
        ratio = ratios[len(ratios) // 2]
        beads = _align(pa, pb, ratio, cross, weights)
    return _measure(pa, pb, beads, ratio, cross, possible)


def _measure(
    pa: Profile, pb: Profile, beads: list[Bead], ratio: float, cross: set[str], possible: int
) -> Alignment:
    """Coverage of both texts by fitting beads, and the anchors those beads share."""
    matched = [b for b in beads if b[0] < b[1] and b[2] < b[3]]
    fitting = [b for b in matched if _fits(pa, pb, b, ratio) and not _conflict(pa, pb, b, cross)]
    in_a = sum(b[1] - b[0] for b in fitting)
    in_b = sum(b[3] - b[2] for b in fitting)
    n, m = len(pa.lengths), len(pb.lengths)
    short, long = (in_a / n, in_b / m) if n <= m else (in_b / m, in_a / n)
    together = 0
    evidence = []
    for bead in fitting:
        shared = _side(pa, bead[0], bead[1]) & _side(pb, bead[2], bead[3]) & cross
        together += len(shared)
        if shared:
            evidence.append(bead)
    agreement = together / possible if possible else 0.0
    figures = [(_numbers(pa, b[0], b[1]), _numbers(pb, b[2], b[3])) for b in matched]
    figures = [(x, y) for x, y in figures if x or y]
    same = sum(x == y for x, y in figures) / len(figures) if figures else 0.0
    return Alignment(short, long, agreement, len(evidence), min(n, m), same, tuple(evidence))


def _numbers(p: Profile, start: int, end: int) -> frozenset[str]:
    return frozenset(k for k in _side(p, start, end) if k[0].isdigit())


def _side(p: Profile, start: int, end: int) -> frozenset[str]:
    return frozenset().union(*p.anchors[start:end])


def _lengths(pa: Profile, pb: Profile, bead: Bead) -> tuple[int, int]:
    return (
        max(1, sum(pa.lengths[bead[0] : bead[1]])),
        max(1, sum(pb.lengths[bead[2] : bead[3]])),
    )


def _fits(pa: Profile, pb: Profile, bead: Bead, ratio: float) -> bool:
    return _misfit(pa, pb, bead, ratio) <= _FIT


def _misfit(pa: Profile, pb: Profile, bead: Bead, ratio: float) -> float:
    la, lb = _lengths(pa, pb, bead)
    return abs(math.log(lb / (ratio * la)))


def _conflict(pa: Profile, pb: Profile, bead: Bead, cross: set[str]) -> bool:
    """Both sides hold anchors of the other text, and none of the same."""
    left = _side(pa, bead[0], bead[1]) & cross
    right = _side(pb, bead[2], bead[3]) & cross
    return bool(left and right and not left & right)


_MOVES = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2))


def _align(
    pa: Profile, pb: Profile, ratio: float, cross: set[str], weights: dict[str, float]
) -> list[Bead]:
    """The best monotonic bead sequence (ties: the first move in ``_MOVES`` order)."""
    n, m = len(pa.lengths), len(pb.lengths)
    score = _Scorer(pa, pb, ratio, cross, weights)
    best = [[-math.inf] * (m + 1) for _ in range(n + 1)]
    back = [[(0, 0)] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            top, move = best[i][j], back[i][j]
            for di, dj in _MOVES:
                if di > i or dj > j or best[i - di][j - dj] == -math.inf:
                    continue
                found = best[i - di][j - dj] + (score(i - di, i, j - dj, j) if di and dj else _SKIP)
                if found > top:
                    top, move = found, (di, dj)
            best[i][j], back[i][j] = top, move
    beads: list[Bead] = []
    i, j = n, m
    while i or j:
        di, dj = back[i][j]
        beads.append((i - di, i, j - dj, j))
        i, j = i - di, j - dj
    return beads[::-1]


class _Scorer:
    """The score of a bead: the fit of its lengths to the texts' ratio (1 when exact, 0 at
    a factor of 1.5, at worst -2), twice the weight of the anchors its sides share, less 1
    when both sides hold shared anchors but not the same ones, less a merge penalty."""

    def __init__(
        self, pa: Profile, pb: Profile, ratio: float, cross: set[str], weights: dict[str, float]
    ) -> None:
        self.a = [s & cross for s in pa.anchors]
        self.b = [s & cross for s in pb.anchors]
        self.a_at = [0, *accumulate(pa.lengths)]
        self.b_at = [0, *accumulate(pb.lengths)]
        self.log_ratio = math.log(ratio)
        self.weights = weights

    def __call__(self, i0: int, i1: int, j0: int, j1: int) -> float:
        la = max(1, self.a_at[i1] - self.a_at[i0])
        lb = max(1, self.b_at[j1] - self.b_at[j0])
        fit = max(-2.0, 1.0 - abs(math.log(lb / la) - self.log_ratio) / _LOG_15)
        left = self.a[i0] if i1 - i0 == 1 else self.a[i0] | self.a[i0 + 1]
        right = self.b[j0] if j1 - j0 == 1 else self.b[j0] | self.b[j0 + 1]
        shared = left & right
        found = 0.5 * fit + 2.0 * sum(self.weights[k] for k in shared)
        if left and right and not shared:
            found -= 1.0
        return found + (_MERGE if i1 - i0 + j1 - j0 == 3 else 0.0)


_LOG_15 = math.log(1.5)
