"""The code part of a stage's fingerprint: the modules the stage can run, found by scanning the
source, and what a scan of imports alone would miss (lazy and computed imports, data files,
other distributions' versions)."""

from __future__ import annotations

import hashlib
import shutil
from collections import Counter
from collections.abc import Callable, Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

import pytest

import storyline
from storyline import fingerprint as fp
from storyline.dedup import _RELATION_CODE
from storyline.fingerprint import (
    RESULT_CODEC,
    code_digest,
    code_fingerprint,
    counted_files,
    fingerprint,
    item_digest,
)
from storyline.model import DuplicateGroup

PackageMaker = Callable[[dict[str, str]], Path]


@pytest.fixture
def package(tmp_path: Path) -> PackageMaker:
    """Writes a package ``pkg`` of the given files (path in the package -> text)."""

    def make(files: dict[str, str]) -> Path:
        root = tmp_path / "pkg"
        for name, text in {"__init__.py": "", **files}.items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        return root

    return make


def _edit(path: Path, text: str = "\n# a comment\n") -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def _digest(root: Path, *roots: str) -> bytes:
    return code_digest(root, "pkg", roots, "1.0")


def test_a_module_counts_when_the_root_imports_it_however_indirectly(
    package: PackageMaker,
) -> None:
    root = package(
        {
            "stage.py": "from .helper import f\n",
            "helper.py": "from pkg.deep import g\n",
            "deep.py": "def g() -> int:\n    return 1\n",
            "web.py": "from .stage import f\n",
        }
    )
    assert counted_files(root, "pkg", ["pkg.stage"]) == [
        "__init__.py",
        "deep.py",
        "helper.py",
        "stage.py",
    ]
    before = _digest(root, "pkg.stage")
    _edit(root / "web.py")
    assert _digest(root, "pkg.stage") == before  # the web module is no part of the stage
    _edit(root / "deep.py")
    assert _digest(root, "pkg.stage") != before


def test_an_import_inside_a_function_body_counts(package: PackageMaker) -> None:
    root = package(
        {
            "stage.py": "def run() -> int:\n    from .late import value\n    return value\n",
            "late.py": "value = 1\n",
        }
    )
    assert "late.py" in counted_files(root, "pkg", ["pkg.stage"])
    before = _digest(root, "pkg.stage")
    (root / "late.py").write_text("value = 2\n", encoding="utf-8")
    assert _digest(root, "pkg.stage") != before


def test_importlib_by_a_written_name_counts_that_module_and_by_a_computed_one_everything(
    package: PackageMaker,
) -> None:
    root = package(
        {
            "named.py": "import importlib\nplugin = importlib.import_module('pkg.plugin')\n",
            "computed.py": (
                "import importlib\n"
                "def load(name: str) -> object:\n"
                "    return importlib.import_module(f'pkg.{name}')\n"
            ),
            "relative.py": (
                "from importlib import import_module\nplugin = import_module('.plugin', 'pkg')\n"
            ),
            "plugin.py": "value = 1\n",
            "other.py": "value = 1\n",
            "words.txt": "alpha\n",
        }
    )
    assert counted_files(root, "pkg", ["pkg.named"]) == ["__init__.py", "named.py", "plugin.py"]
    everything = [
        "__init__.py",
        "computed.py",
        "named.py",
        "other.py",
        "plugin.py",
        "relative.py",
        "words.txt",
    ]
    assert counted_files(root, "pkg", ["pkg.computed"]) == everything
    assert "other.py" in counted_files(root, "pkg", ["pkg.relative"])
    before = _digest(root, "pkg.computed")
    _edit(root / "other.py")  # any module could be the one asked for
    assert _digest(root, "pkg.computed") != before


def test_data_files_count_for_a_module_that_finds_files_next_to_its_own(
    package: PackageMaker,
) -> None:
    root = package(
        {
            "words.py": (
                "from pathlib import Path\n"
                "WORDS = Path(__file__).with_name('data').joinpath('words.txt').read_text()\n"
            ),
            "data/words.txt": "alpha\nbeta\n",
            "plain.py": "WORDS = ('alpha',)\n",
            "render/__init__.py": "from importlib import resources\n",
            "render/templates/page.html": "<p>{{ x }}</p>\n",
            "page.py": (
                "from importlib import resources\n"
                "PAGE = resources.files('pkg.render').joinpath('templates', 'page.html')\n"
            ),
        }
    )
    assert counted_files(root, "pkg", ["pkg.words"]) == [
        "__init__.py",
        "data/words.txt",
        "words.py",
    ]
    before, plain = _digest(root, "pkg.words"), _digest(root, "pkg.plain")
    (root / "data" / "words.txt").write_text("alpha\ngamma\n", encoding="utf-8")
    assert _digest(root, "pkg.words") != before
    assert _digest(root, "pkg.plain") == plain  # reads no file: a word list edit is no change
    before = _digest(root, "pkg.words")
    _edit(root / "render" / "templates" / "page.html")  # a subpackage's own data
    assert _digest(root, "pkg.words") == before
    assert "render/templates/page.html" in counted_files(root, "pkg", ["pkg.render"])
    # a package named in a string is imported, and its data files count (with its own's)
    assert counted_files(root, "pkg", ["pkg.page"]) == [
        "__init__.py",
        "data/words.txt",
        "page.py",
        "render/__init__.py",
        "render/templates/page.html",
    ]


def test_a_package_entered_on_the_way_counts_but_not_what_else_it_imports(
    package: PackageMaker,
) -> None:
    root = package(
        {
            "__init__.py": "from .api import run\n__version__ = '1.0'\n",
            "api.py": "from .web import serve\n",
            "web.py": "def serve() -> None: ...\n",
            "stage/__init__.py": "from .core import build\nfrom ..api import run\n",
            "stage/core.py": "def build() -> int:\n    return 1\n",
            "other.py": "from .stage import build\n",
            "direct.py": "from .stage import core\n",
        }
    )
    # the module itself runs the packages above it, whose own imports it does not use
    assert counted_files(root, "pkg", ["pkg.stage.core"]) == [
        "__init__.py",
        "stage/__init__.py",
        "stage/core.py",
    ]
    # so does a submodule taken from the package; a name taken from a package's __init__
    # makes what that __init__ imports count
    assert "api.py" not in counted_files(root, "pkg", ["pkg.direct"])
    assert "web.py" in counted_files(root, "pkg", ["pkg.other"])
    before = _digest(root, "pkg.stage.core")
    _edit(root / "stage" / "__init__.py")
    assert _digest(root, "pkg.stage.core") != before


def test_a_definition_root_counts_its_syntax_alone_and_a_wrong_root_is_refused(
    package: PackageMaker,
) -> None:
    step = "def step(x: int) -> int:\n    return x + 1\n"
    root = package({"main.py": f"import json\n\n{step}\n\ndef other() -> None: ...\n"})
    before = _digest(root, "pkg.main:step")
    path = root / "main.py"
    path.write_text(path.read_text().replace("...", "return None"), encoding="utf-8")
    path.write_text(path.read_text().replace("x + 1\n", "x + 1  # why\n"), encoding="utf-8")
    assert _digest(root, "pkg.main:step") == before  # another function, and a comment
    path.write_text(path.read_text().replace("x + 1", "x + 2"), encoding="utf-8")
    assert _digest(root, "pkg.main:step") != before
    with pytest.raises(LookupError, match=r"pkg.main:stpe"):
        _digest(root, "pkg.main:stpe")
    with pytest.raises(LookupError, match=r"pkg.mian"):
        _digest(root, "pkg.mian")


def test_the_package_python_and_third_party_versions_count(
    package: PackageMaker, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = package(
        {
            "stage.py": "def run() -> None:\n    import numpy\n    import json\n",
            # finds scikit-learn's word list file without importing the package
            "words.py": "import importlib.util\nSPEC = importlib.util.find_spec('sklearn')\n",
        }
    )
    versions = {"numpy": "2.0", "sklearn": "1.5"}
    monkeypatch.setattr(fp, "_distribution_version", lambda name: versions[name])
    before = _digest(root, "pkg.stage")
    assert code_digest(root, "pkg", ["pkg.stage"], "1.1") != before
    versions["numpy"] = "2.1"  # json is the standard library's: not looked up
    assert _digest(root, "pkg.stage") != before
    words = _digest(root, "pkg.words")
    versions["sklearn"] = "1.6"
    assert _digest(root, "pkg.words") != words


def test_distribution_versions_are_found_for_import_names_unlike_their_distribution() -> None:
    assert fp._distribution_version("numpy") == metadata.version("numpy")
    assert fp._distribution_version("sklearn") == metadata.version("scikit-learn")
    assert fp._distribution_version("no_such_module_here") == "not installed"


# ---------------------------------------------------------------- this package


def _stage_files(*roots: str) -> set[str]:
    here = Path(storyline.__file__).resolve().parent
    return set(counted_files(here, "storyline", [*roots, *RESULT_CODEC]))


def test_each_stage_counts_its_own_code_and_not_the_web_app_or_the_renderers() -> None:
    timeline = _stage_files("storyline.timeline.events")
    summary = _stage_files("storyline.summary")
    relation = _stage_files("storyline.reuse", "storyline.dedup")
    for files in (timeline, summary, relation):
        assert "render/jsonout.py" in files  # it writes the stored results
        assert "stopwords.py" in files  # the word list every stage reads
        assert not files & {"render/html.py", "render/markdown.py", "web/app.py", "cli.py"}
        assert not files & {"api.py", "pipeline.py", "render/templates/report.html"}
    assert "timeline/events.py" in timeline and "summary/select.py" not in timeline
    # a copy's sentence follows its original's only with the same figures, compared as the
    # summary compares a translation's (timeline.copies)
    assert "summary/foreign.py" in timeline
    assert "summary/select.py" in summary and "timeline/events.py" not in summary
    assert "timeline/temporal.py" in summary  # support reads the days a sentence names
    assert "reuse.py" in relation  # dedup imports it inside _verify and _outcome only


def test_editing_a_renderer_keeps_every_stage_s_code_digest_and_a_stage_module_only_its_own(
    tmp_path: Path,
) -> None:
    root = tmp_path / "storyline"
    shutil.copytree(Path(storyline.__file__).resolve().parent, root)
    stages = {
        "timeline": ("storyline.timeline.events", *RESULT_CODEC),
        "summary": ("storyline.summary", *RESULT_CODEC),
        "relation": (*_RELATION_CODE, *RESULT_CODEC),
    }

    def digests() -> dict[str, bytes]:
        return {kind: code_digest(root, "storyline", roots, "1") for kind, roots in stages.items()}

    before = digests()
    for name in ("render/html.py", "render/markdown.py", "web/app.py", "cli.py", "api.py"):
        _edit(root / name)
    _edit(root / "render" / "templates" / "report.html", "<!-- a note -->\n")
    assert digests() == before
    _edit(root / "summary" / "select.py")
    after = digests()
    assert after["summary"] != before["summary"]
    assert after["timeline"] == before["timeline"] and after["relation"] == before["relation"]


def test_the_pipeline_recomputes_only_the_stage_whose_code_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from storyline import pipeline, reuse
    from storyline.render import to_json
    from storyline.store import Store

    examples = Path(__file__).resolve().parents[1] / "examples" / "news"
    computed: Counter[str] = Counter()
    for module, name in ((pipeline, "build_timeline"), (pipeline, "summarize"), (reuse, "relate")):
        real = getattr(module, name)

        def counted(*args: Any, _real: Any = real, _name: str = name, **kwargs: Any) -> Any:
            computed[_name] += 1
            return _real(*args, **kwargs)

        monkeypatch.setattr(module, name, counted)
    edited: set[str] = set()
    real_code = fp.code_fingerprint

    def code(roots: tuple[str, ...] | None = None) -> bytes:
        # as if the files of the roots named in ``edited`` had changed
        return real_code(roots) + (b"edited" if edited & set(roots or ()) else b"")

    monkeypatch.setattr(fp, "code_fingerprint", code)
    with Store(tmp_path / "kept.db") as store:
        pipeline.ingest([examples], store)
        first = to_json(pipeline.analyse(store).digest)
        assert computed["summarize"] == computed["build_timeline"] == 3  # stories
        pairs = computed["relate"]
        assert pairs >= 7  # the candidate pairs classified; 7 are related
        expected = {
            "": {},  # nothing edited: everything is read back
            "storyline.summary": {"summarize": 3},
            "storyline.timeline.events": {"build_timeline": 3},
            "storyline.reuse": {"relate": pairs},  # the same relations: the rest is kept
        }
        for root, recomputed in expected.items():
            edited.add(root)  # each edit stays: what it made is stored by then
            computed.clear()
            assert to_json(pipeline.analyse(store).digest) == first
            assert dict(computed) == recomputed


def _plain_fingerprint(kind: str, options: object, items: list[object], code: Sequence[str]) -> str:
    roots = tuple(sorted({*code, *RESULT_CODEC}))
    digest = hashlib.sha256(code_fingerprint(roots))
    digest.update(f"{kind}\0{options!r}".encode())
    digest.update(b"\1")
    for item in items:
        digest.update(item_digest(item))
    return digest.hexdigest()


def test_a_fingerprint_is_the_plain_hash_with_options_changing_between_calls() -> None:
    # The hash of code, kind and options is kept between calls: it must follow each change.
    items: list[object] = [DuplicateGroup("g1", "a", ("a", "b")), DuplicateGroup("g2", "c", ("c",))]
    code = ("storyline.summary",)
    made = [DuplicateGroup(f"o{n}", "x", ("x",)) for n in range(40)]  # more than are kept
    for options in [*made, *made[:3], *made[::-1]]:
        for kind in ("summary", "timeline"):
            found = fingerprint(kind, options, items, code=code)
            assert found == _plain_fingerprint(kind, options, items, code)
    # A new object at the address of one that is gone is not taken for it.
    for figure in range(30):
        assert fingerprint("k", (figure,), items, code=code) == _plain_fingerprint(
            "k", (figure,), items, code
        )


def test_stored_timelines_count_the_code_that_lists_their_entries_variants() -> None:
    """A stored timeline carries each entry's variants, which the pipeline adds after
    build_timeline (timeline.variants): editing it left stored timelines as they were."""
    from storyline import pipeline

    files = _stage_files(*pipeline._TIMELINE_CODE)
    assert {"timeline/variants.py", "timeline/events.py"} <= files
    assert "summary/disagreement.py" in files  # what variants reads sentences' figures with
