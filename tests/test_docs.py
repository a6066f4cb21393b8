"""Every command and option of the CLI is documented in the README (as datasette does)."""

from __future__ import annotations

from pathlib import Path

import click
import pytest

from storyline.cli import cli

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _commands() -> list[tuple[str, click.Command]]:
    assert isinstance(cli, click.Group)
    return sorted(cli.commands.items())


@pytest.mark.parametrize(("name", "command"), _commands())
def test_command_is_documented(name: str, command: click.Command) -> None:
    assert f"storyline {name}" in README, f"`storyline {name}` is not shown in README.md"
    for param in command.params:
        if isinstance(param, click.Option):
            assert any(opt in README for opt in param.opts), (
                f"option {param.opts[0]} of `storyline {name}` is not documented in README.md"
            )


def test_readme_opens_with_the_two_commands() -> None:
    blocks = README.split("```bash\n")[1:3]
    assert "storyline digest examples/news" in blocks[0]
    assert "python -m pytest" in blocks[1]


def test_ci_runs_exactly_the_readme_test_command() -> None:
    readme_command = README.split("```bash\n")[2].split("\n```")[0].strip()
    ci_script = (Path(__file__).resolve().parents[1] / ".ci" / "run").read_text(encoding="utf-8")
    assert readme_command in ci_script.splitlines()
