"""What the command line writes on standard output, whatever the terminal's locale."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from storyline.cli import cli

RECORDS = [
    {
        "id": "j1",
        "title": "東京の橋が閉鎖",
        "text": "東京の橋が月曜日に閉鎖された。当局によると、ケーブルに亀裂が見つかった。",
    },
    {
        "id": "f1",
        "title": "Le pont de Velmora fermé",
        "text": "Le pont de Velmora a été fermé lundi après la découverte de fissures dans "
        "trois câbles, selon les autorités.",
    },
]


def _storyline(args: list[str], encoding: str) -> subprocess.CompletedProcess[bytes]:
    # PYTHONIOENCODING stands for a terminal whose locale is not UTF-8 (LC_ALL=tr_TR.ISO-8859-9,
    # a Windows code page): a locale that may not be installed where the tests run.
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    command = [sys.executable, "-m", "storyline", *args]
    return subprocess.run(command, capture_output=True, env=env, check=False, timeout=300)


@pytest.mark.parametrize("fmt", ["json", "md", "html"])
def test_standard_output_is_utf8_whatever_the_locale(tmp_path: Path, fmt: str) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in RECORDS), "utf-8")
    written = tmp_path / f"out.{fmt}"
    to_file = _storyline(["digest", str(feed), "--format", fmt, "-q", "-o", str(written)], "utf-8")
    assert to_file.returncode == 0, to_file.stderr.decode()
    printed = _storyline(["digest", str(feed), "--format", fmt, "-q"], "iso-8859-9")
    assert printed.returncode == 0, printed.stderr.decode()
    assert printed.stdout.rstrip(b"\n") == written.read_bytes().rstrip(b"\n")
    assert "東京の橋が閉鎖".encode() in printed.stdout


def test_a_run_that_reads_nothing_still_names_every_skipped_input_on_its_line(
    tmp_path: Path,
) -> None:
    # A log parser reads "skipped FILE:LINE: reason" lines; when nothing at all could be
    # read, the error alone named the first five of them, run together on one line.
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(f"{{bad {n}\n" for n in range(1, 8)), "utf-8")
    result = CliRunner().invoke(cli, ["digest", str(feed), "-q"])
    assert result.exit_code == 1
    named = [line for line in result.stderr.splitlines() if line.startswith("skipped ")]
    assert named == [f"skipped {feed}:{n}: line {n}: {_NOT_JSON}" for n in range(1, 8)]
    assert "7 inputs skipped: 7 not valid JSON\n" in result.stderr
    assert result.stderr.splitlines()[-1].startswith("Error: no article could be read")


def test_records_read_again_from_later_snapshots_are_counted_after_three(
    tmp_path: Path,
) -> None:
    # An hourly folder of one feed's snapshots repeats most items: a line for each copy (36,000
    # a day for 30 feeds of 50 items) buried the faults. Faults are still each named.
    items = [
        {"id": f"h-{n}", "title": f"Report {n}", "text": f"The ferry crews met on day {n}."}
        for n in range(1, 7)
    ]
    feeds = tmp_path / "feeds"
    for hour in ("2031-03-02-14", "2031-03-02-15"):
        (feeds / hour).mkdir(parents=True)
        lines = "".join(json.dumps(item) + "\n" for item in items)
        bad = "{bad\n{worse\n" if hour.endswith("15") else ""
        (feeds / hour / "feed.jsonl").write_text(lines + bad, "utf-8")
    result = CliRunner().invoke(cli, ["ingest", str(feeds), "--db", str(tmp_path / "n.db")])
    assert result.exit_code == 0, result.output
    later = feeds / "2031-03-02-15" / "feed.jsonl"
    said = [line for line in result.stderr.splitlines() if line.startswith("skipped ")]
    copies = [line for line in said if ": a copy of " in line and " more: " not in line]
    assert [line.split(": ", 1)[0] for line in copies] == [
        f"skipped {later}:{n}" for n in (1, 2, 3)
    ]
    assert f"skipped {later}: 3 more: a copy of another record" in said  # one file: named
    assert f"skipped {later}:7: line 7: {_NOT_JSON}" in said
    assert any(line.startswith(f"skipped {later}:8: line 8: not valid JSON") for line in said)
    assert "8 inputs skipped: 6 a copy of another record; 2 not valid JSON" in result.stderr


_NOT_JSON = "not valid JSON (Expecting property name enclosed in double quotes, column 2)"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_on_standard_output_is_one_clear_line(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in RECORDS), "utf-8")
    with open("/dev/full", "wb") as full:
        command = [sys.executable, "-m", "storyline", "digest", str(feed), "-q"]
        done = subprocess.run(command, stdout=full, stderr=subprocess.PIPE, check=False)
    assert done.returncode == 1
    assert done.stderr.decode().splitlines()[-1] == (
        "Error: cannot write to standard output: No space left on device"
    )
    assert b"Traceback" not in done.stderr
