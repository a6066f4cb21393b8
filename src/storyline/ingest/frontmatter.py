"""Front matter: a leading ``---`` block of ``key: value`` lines in a text or Markdown file."""

from __future__ import annotations

import re

KEYS = frozenset({"title", "url", "source", "published", "language", "id"})
ALIASES = {"date": "published", "lang": "language", "link": "url", "outlet": "source"}
_MAX_LINES = 100
_PAIR = re.compile(r"^([A-Za-z_][\w\-]*)\s*:\s*(.*)$")


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """The front-matter fields of ``text`` and the text after the block.

    Only a block opened by ``---`` on the first line, closed by ``---`` (or ``...``) within
    100 lines and made only of ``key: value`` lines counts, so a Markdown rule is not taken
    for one. Unknown keys are ignored; values lose their surrounding quotes.
    """
    head = text.lstrip("\ufeff")
    if not head.startswith("---"):
        return {}, text
    lines = head.split("\n", _MAX_LINES + 1)
    if lines[0].strip() != "---":
        return {}, text
    for index in range(1, min(len(lines), _MAX_LINES + 1)):
        if lines[index].strip() in ("---", "..."):
            fields = _parse(lines[1:index])
            if fields is None:
                return {}, text
            rest = head.split("\n", index + 1)
            return fields, rest[index + 1] if len(rest) > index + 1 else ""
    return {}, text


def _parse(lines: list[str]) -> dict[str, str] | None:
    fields: dict[str, str] = {}
    for line in lines:
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        match = _PAIR.match(line.strip())
        if not match:
            return None
        key = match.group(1).lower()
        key = ALIASES.get(key, key)
        if key in KEYS and key not in fields:
            fields[key] = _unquote(match.group(2).strip())
    return fields


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value
