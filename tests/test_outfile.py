"""-o FILE is written whole or not at all, keeps its permissions, and still writes to a pipe."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from storyline import outfile
from storyline.cli import cli

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "news"


def _full_disk(*_: object) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


def test_a_run_that_cannot_finish_its_file_leaves_the_last_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    table = tmp_path / "articles.csv"
    table.write_text("yesterday's table\n", "utf-8")
    monkeypatch.setattr(outfile.os, "replace", _full_disk)
    args = ["stories", str(EXAMPLES), "--format", "csv", "-q", "-o", str(table)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1
    assert "cannot write" in result.stderr and "No space left on device" in result.stderr
    assert table.read_text("utf-8") == "yesterday's table\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["articles.csv"]  # no leftover part


def test_the_file_keeps_its_permissions_and_a_link_is_written_through(tmp_path: Path) -> None:
    table = tmp_path / "articles.csv"
    table.write_text("old\n", "utf-8")
    table.chmod(0o640)
    link = tmp_path / "latest.csv"
    link.symlink_to(table)
    args = ["stories", str(EXAMPLES), "--format", "csv", "-q", "-o", str(link)]
    assert CliRunner().invoke(cli, args).exit_code == 0
    assert link.is_symlink()
    assert table.read_text("utf-8").startswith("article_id,story_id,")
    assert oct(table.stat().st_mode & 0o777) == oct(0o640)


@pytest.mark.skipif(not Path("/dev/stdout").exists(), reason="needs /dev/stdout")
def test_a_pipe_named_as_the_output_is_written_to() -> None:
    command = [sys.executable, "-m", "storyline", "stories", str(EXAMPLES), "--format", "csv"]
    done = subprocess.run(
        [*command, "-q", "-o", "/dev/stdout"], capture_output=True, check=False, env=os.environ
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(b"article_id,story_id,")


def test_a_writable_file_in_a_folder_closed_to_new_files_is_written_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    table = tmp_path / "articles.csv"
    table.write_text("old\n", "utf-8")

    def closed_folder(**_: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(outfile.tempfile, "mkstemp", closed_folder)
    outfile.write_whole(table, "new\n")
    assert table.read_text("utf-8") == "new\n"


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads the umask from /proc")
def test_a_new_file_gets_the_umask_without_the_umask_being_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Setting the umask to read it changes it for every thread for a moment (a web server
    # writing files beside the CLI call would create them with the wrong permissions).
    previous = os.umask(0o027)
    try:
        monkeypatch.setattr(os, "umask", _no_umask_change)
        target = tmp_path / "digest.json"
        outfile.write_whole(target, "{}")
    finally:
        monkeypatch.undo()
        os.umask(previous)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def _no_umask_change(mask: int) -> int:
    raise AssertionError(f"os.umask({mask:o}) was called")
