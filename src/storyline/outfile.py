"""Output files written whole or not at all (``-o FILE``)."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path


def write_whole(path: Path, text: str) -> None:
    """Write ``text`` as UTF-8 to ``path`` so that no reader ever finds part of it.

    It goes into a temporary file beside the target, renamed over it once complete: a run
    that fails half-way (a full disk) leaves the file of the last run as it was, not a
    truncated table that a scheduled loader would take for today's. The file keeps the
    permissions it had (a new one gets what the umask gives), a link is written through,
    and a device or pipe (``-o /dev/stdout``) is written to directly, as is a writable file
    in a folder where no other file can be made. Raises OSError.
    """
    if path.exists() and not path.is_file():
        path.write_text(text, encoding="utf-8")
        return
    target = Path(os.path.realpath(path))
    mode = stat.S_IMODE(target.stat().st_mode) if target.exists() else _default_mode()
    try:
        handle, temporary = tempfile.mkstemp(
            dir=target.parent, prefix=f".{target.name}.", suffix=".part"
        )
    except PermissionError:
        target.write_text(text, encoding="utf-8")
        return
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _default_mode() -> int:
    """The permissions a file created now gets: 0o666 less the umask."""
    return 0o666 & ~_umask()


def _umask() -> int:
    # Linux shows the umask in /proc; elsewhere it can only be read by setting it, which
    # changes it for a moment for every thread of the process.
    try:
        status = Path("/proc/self/status").read_text(encoding="ascii", errors="replace")
    except OSError:
        status = ""
    for line in status.splitlines():
        if line.startswith("Umask:"):
            return int(line.split()[1], 8)
    umask = os.umask(0o022)
    os.umask(umask)
    return umask
