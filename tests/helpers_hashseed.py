"""Run a snippet of Python under several PYTHONHASHSEED values: determinism checks."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def outputs_under_hash_seeds(code: str, seeds: Iterable[str] = ("0", "4242")) -> set[str]:
    """The distinct standard outputs of ``python -c code`` (run from the repository root)."""
    outputs = set()
    for seed in seeds:
        env = {**os.environ, "PYTHONHASHSEED": seed}
        result = subprocess.run(
            [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
        )
        assert result.returncode == 0, result.stderr
        outputs.add(result.stdout)
    return outputs
