"""Fingerprints of a stage's inputs: a later run keeps a result whose inputs are unchanged.

A fingerprint covers the code as well as the data: the code a stage can run, so a result
computed by another release, or by a checkout whose stage code was edited, is never taken
for a current one, while a fix in the web app or the HTML renderer does not make every
stored result be computed again.

The code of a stage is found from the source, without importing anything (deterministic, no
import side effects): the modules named as its roots, then every ``storyline`` module they
import, transitively. Being conservative where the scan cannot see (a stale result is a
wrong answer, a recomputation is only slow):

- an import anywhere in a module counts, inside a function body (a lazy import) or under
  ``if TYPE_CHECKING`` too;
- a string naming a ``storyline`` module (``import_module("storyline.x")``,
  ``resources.files("storyline.render")``) counts as an import of it, and an import by a
  computed or relative name (``import_module(name)``) makes the whole package count;
- a module that finds files (``__file__``, ``importlib.resources``, ``pkgutil``) makes the
  data files count (a word list, a template) of its package, of the packages above it and
  of those it names: the files in their folders that are not Python, subpackages excepted;
- each third-party distribution imported counts by its version (scikit-learn's stop word
  list, dateparser's language data), and so does the Python version and the package's.

A package whose module is imported runs its ``__init__`` first: that file counts, but what it
imports only when the module imports from the package itself (``from . import x``), else
every stage would reach ``storyline/__init__``, the API and with it the whole package.
"""

from __future__ import annotations

import ast
import hashlib
import importlib.util
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, fields, is_dataclass
from functools import cache
from importlib import metadata
from pathlib import Path

PACKAGE = "storyline"

# Every stored result is written by the encoders of the first (story_results_to_json,
# relation_result_to_json) and read back by the second: a change in either changes what a
# stored result reads back as.
RESULT_CODEC = ("storyline.render.jsonout", "storyline.render.jsonin")

# Calls that import (or find, to load it from its file) a module named by their first argument.
_IMPORTERS = frozenset({"import_module", "__import__", "reload", "find_spec"})
# Names through which a module finds files next to its own.
_FILE_FINDERS = frozenset({"__file__", "__path__", "__spec__", "__loader__", "get_data"})
_FILE_MODULES = frozenset({"importlib.resources", "importlib_resources", "pkgutil"})


@dataclass(frozen=True)
class _Scan:
    """What one module's source says it needs."""

    # (module, names) of each ``from module import names``; names () for ``import module``
    imports: tuple[tuple[str, tuple[str, ...]], ...]
    computed: bool  # imports a module by a name the scan cannot read
    finds_files: bool


@dataclass
class _Code:
    """The code a set of roots can run, within the package ``package`` at ``root``."""

    root: Path
    package: str
    followed: set[str] = field(default_factory=set)  # modules whose imports are followed
    entered: set[str] = field(default_factory=set)  # packages whose __init__ only runs first
    outside: set[str] = field(default_factory=set)  # top-level names of other distributions
    data: set[str] = field(default_factory=set)  # packages whose data files count
    whole: bool = False  # every file of the package counts, data files too
    definitions: list[str] = field(default_factory=list)  # roots "module:name", as trees


def code_digest(root: Path, package: str, roots: Sequence[str] | None, version: str = "") -> bytes:
    """SHA-256 over the code that the modules ``roots`` of the package at directory ``root``
    can run (None: every file of the package), the package ``version`` and the Python and
    third-party versions it runs with.

    A root ``"pkg.mod:name"`` counts only the top-level function or class ``name`` of
    ``pkg.mod`` (its syntax tree: comments do not count), not what it imports. A root that
    names nothing raises ``LookupError``: a misspelt root must not leave code out unseen.
    """
    code = _collect(root, package, roots)
    digest = hashlib.sha256(f"{package} {version}\0python {sys.version}\0".encode())
    for path in _files(code):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    for definition in code.definitions:
        digest.update(definition.encode() + b"\0")
    for name in sorted(code.outside):
        digest.update(f"{name}=={_distribution_version(name)}\0".encode())
    return digest.digest()


def counted_files(root: Path, package: str, roots: Sequence[str] | None) -> list[str]:
    """The files, relative to ``root``, that :func:`code_digest` hashes for ``roots``: for
    tests, and to see what a stage depends on."""
    return [path.relative_to(root).as_posix() for path in _files(_collect(root, package, roots))]


@cache
def code_fingerprint(roots: tuple[str, ...] | None = None) -> bytes:
    """:func:`code_digest` of this package for ``roots`` (None: all of it), once per process."""
    # not ``from . import __version__``: that import would make the package's __init__, and
    # with it the whole API, part of every stage that imports this module
    version = sys.modules[PACKAGE].__version__
    return code_digest(Path(__file__).resolve().parent, PACKAGE, roots, version)


@cache
def package_fingerprint() -> bytes:
    """SHA-256 over every file of this package as installed (no scan of its imports: 30 ms,
    where scanning the whole package takes 1-2 s), its version, the Python version and the
    versions of the distributions it requires to run: for a key that any change of the code
    may make stale, read on every run (the stored digest's, see storyline.current)."""
    root = Path(__file__).resolve().parent
    version = sys.modules[PACKAGE].__version__
    digest = hashlib.sha256(f"{PACKAGE} {version}\0python {sys.version}\0".encode())
    for path in sorted(root.rglob("*")):
        if path.is_file() and "__pycache__" not in path.relative_to(root).parts:
            content = path.read_bytes()
            digest.update(b"%s\0%d\0" % (path.relative_to(root).as_posix().encode(), len(content)))
            digest.update(content)
    for name in _requirements():
        digest.update(f"{name}=={_version_or_none(name)}\0".encode())
    return digest.digest()


def _requirements() -> list[str]:
    """The names of the distributions this package requires to run (extras left out)."""
    try:
        required = metadata.requires(PACKAGE) or []
    except metadata.PackageNotFoundError:  # run from a source folder, not installed
        return []
    names = (_NAME.match(line) for line in required if "extra ==" not in line)
    return sorted({found.group(0) for found in names if found})


_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


def _collect(root: Path, package: str, roots: Sequence[str] | None) -> _Code:
    code = _Code(root, package)
    for name in roots if roots is not None else ():
        module, _, definition = name.partition(":")
        if definition:
            code.definitions.append(_definition(code, module, definition))
        else:
            _follow(code, module)
    if roots is None or code.whole:
        code.whole = True
        for module in _all_modules(root, package):
            _follow(code, module)
    return code


def _follow(code: _Code, start: str) -> None:
    """Add ``start`` and every module it imports, transitively, to ``code``."""
    if _path(code.root, code.package, start) is None:
        raise LookupError(f"{start!r} is no module of the {code.package} package")
    pending = [start]
    while pending:
        name = pending.pop()
        if name in code.followed:
            continue
        code.followed.add(name)
        parts = name.split(".")  # importing a module runs the packages above it first
        code.entered.update(".".join(parts[:i]) for i in range(1, len(parts)))
        path = _path(code.root, code.package, name)
        assert path is not None  # only modules found in the package are queued
        is_package = path.name == "__init__.py"
        scan = _scan(path.read_text("utf-8"), name, is_package)
        code.whole |= scan.computed
        for module, names in scan.imports:
            pending.extend(_needed(code, module, names))
        if scan.finds_files:
            parts = (name if is_package else name.rpartition(".")[0]).split(".")
            code.data.update(".".join(parts[:i]) for i in range(1, len(parts) + 1))
            code.data.update(module for module, _ in scan.imports)  # those it names


def _needed(code: _Code, module: str, names: tuple[str, ...]) -> list[str]:
    """The package modules that ``from module import names`` (or ``import module``) runs and
    uses; records the distributions outside the package that it imports."""
    top = module.partition(".")[0]
    if top != code.package:
        if top and top not in sys.stdlib_module_names:
            code.outside.add(top)
        return []
    if _path(code.root, code.package, module) is None:
        return []  # a name the package does not have: such an import fails when it runs
    submodules = [f"{module}.{n}" for n in names if _path(code.root, code.package, f"{module}.{n}")]
    # ``from pkg import a, b`` uses pkg's __init__ unless a and b are both its submodules
    return submodules if names and len(submodules) == len(names) else [*submodules, module]


@cache  # by the source itself: an edited file is scanned again
def _scan(source: str, name: str, is_package: bool) -> _Scan:
    """The imports, computed imports and file finding of one module's source."""
    tree = ast.parse(source)
    here = name if is_package else name.rpartition(".")[0]
    imports: list[tuple[str, tuple[str, ...]]] = []
    for node in _statements(tree.body):  # an import is a statement, wherever it is nested
        if isinstance(node, ast.Import):
            imports.extend((alias.name, ()) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = _absolute(node.module or "", node.level, here)
            imports.append((base, tuple(alias.name for alias in node.names)))
    computed = finds_files = False
    package = name.partition(".")[0]
    # Walking every expression costs 5 times the statements: done only when a word it looks
    # for is in the text at all (most modules have none)
    if any(word in source for word in (*_IMPORTERS, *_FILE_FINDERS, f"{package}.")):
        named, computed, finds_files = _expressions(tree, package)
        imports.extend((module, ()) for module in named)
    finds_files |= any(
        module in _FILE_MODULES or f"{module}.{n}" in _FILE_MODULES
        for module, names in imports
        for n in (*names, "")
    )
    return _Scan(tuple(imports), computed, finds_files)


def _statements(body: Iterable[ast.AST]) -> Iterator[ast.AST]:
    for node in body:
        yield node
        for nested in ("body", "orelse", "finalbody", "handlers", "cases"):
            yield from _statements(getattr(node, nested, ()))


def _expressions(tree: ast.AST, package: str) -> tuple[list[str], bool, bool]:
    """The modules named by importing calls and by strings of the package's module names,
    whether a module is imported by a computed name, and whether files are found."""
    named: list[str] = []
    computed = finds_files = False
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _callee(node.func) in _IMPORTERS:
            target = node.args[0] if node.args else None
            text: str = ""
            if isinstance(target, ast.Constant) and isinstance(target.value, str):
                text = target.value
            if text and not text.startswith("."):
                named.append(text)
            elif _callee(node.func) != "find_spec":  # which only finds a module, runs none
                computed = True  # a relative name too: its package is another argument
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            if node.value.startswith(f"{package}."):
                named.append(node.value)  # kept only if the package has that module
        elif isinstance(node, ast.Name | ast.Attribute):
            finds_files |= _callee(node) in _FILE_FINDERS
    return named, computed, finds_files


def _absolute(module: str, level: int, here: str) -> str:
    """The absolute name of a ``level``-dots relative import in the package ``here``."""
    if not level:
        return module
    parts = here.split(".")
    base = ".".join(parts[: len(parts) - level + 1])
    return f"{base}.{module}" if module else base


def _callee(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    return node.attr if isinstance(node, ast.Attribute) else ""


def _path(root: Path, package: str, module: str) -> Path | None:
    """The file of ``module`` in the package at ``root``, or None when it has none."""
    if module != package and not module.startswith(f"{package}."):
        return None
    parts = module.split(".")[1:]
    if not all(part.isidentifier() for part in parts):
        return None
    folder = root.joinpath(*parts)
    if (folder / "__init__.py").is_file():
        return folder / "__init__.py"
    single = folder.with_suffix(".py") if parts else None
    return single if single is not None and single.is_file() else None


def _all_modules(root: Path, package: str) -> list[str]:
    names = []
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(root).with_suffix("").parts
        dotted = ".".join((package, *(parts[:-1] if parts[-1] == "__init__" else parts)))
        if _path(root, package, dotted) == path:  # a module, not a script in a data folder
            names.append(dotted)
    return names


def _files(code: _Code) -> list[Path]:
    modules = code.followed | code.entered
    paths = {p for p in (_path(code.root, code.package, m) for m in modules) if p is not None}
    if code.whole:
        paths.update(code.root.rglob("*.py"))
    for path in code.root.rglob("*"):
        if path.suffix in {".py", ".pyc", ".pyo"} or not path.is_file():
            continue
        owner = _owner(code, path)
        if owner is not None and (code.whole or owner in code.data):
            paths.add(path)
    return sorted(paths)


def _owner(code: _Code, path: Path) -> str | None:
    """The package whose data file ``path`` is: that of the nearest folder above it with an
    ``__init__.py`` (None in ``__pycache__``)."""
    parts = path.relative_to(code.root).parts[:-1]
    if "__pycache__" in parts:
        return None
    while parts and not code.root.joinpath(*parts, "__init__.py").is_file():
        parts = parts[:-1]
    return ".".join((code.package, *parts))


def _definition(code: _Code, module: str, name: str) -> str:
    """The syntax tree of the top-level function or class ``name`` of ``module``."""
    path = _path(code.root, code.package, module)
    kinds = ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef
    for node in ast.parse(path.read_text("utf-8")).body if path is not None else ():
        if isinstance(node, kinds) and node.name == name:
            return f"{module}:{ast.dump(node)}"
    raise LookupError(f"{module}:{name} is no function or class of the {code.package} package")


def _distribution_version(top: str) -> str:
    """The version of the installed distribution that the import name ``top`` comes from."""
    try:
        return metadata.version(top)  # most distributions are named as they are imported
    except metadata.PackageNotFoundError:
        pass
    spec = importlib.util.find_spec(top)  # finds a top-level package without running it
    origin = Path(spec.origin) if spec is not None and spec.origin else None
    if origin is not None and origin.name == "__init__.py" and origin.is_file():
        # sklearn is scikit-learn's: its __init__ says its version as a literal
        found = _VERSION.search(origin.read_text("utf-8", "replace"))
        if found:
            return found.group(1)
    names = sorted(set(_import_names().get(top, ())))
    return ", ".join(f"{name} {_version_or_none(name)}" for name in names) or "not installed"


_VERSION = re.compile(r"""^__version__\s*(?::\s*str\s*)?=\s*["']([^"']+)["']""", re.MULTILINE)


def _version_or_none(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


@cache
def _import_names() -> dict[str, list[str]]:
    # 0.4 s over 80 distributions: read only when the quicker ways above find nothing
    return dict(metadata.packages_distributions())


def item_digest(item: object) -> bytes:
    """SHA-256 of one input item. A dataclass is hashed field by field, each text as its
    own UTF-8 bytes behind its length: ``repr`` would escape a 3 kB article text first,
    which costs about twice as much. Anything else is hashed by its ``repr``."""
    if is_dataclass(item) and not isinstance(item, type):
        parts = [type(item).__name__.encode()]
        for name in _field_names(type(item)):
            value = getattr(item, name)
            is_text = type(value) is str or isinstance(value, str)
            encoded = (value if is_text else repr(value)).encode("utf-8", "surrogatepass")
            # the tag keeps a text apart from the repr of another value that reads the same
            parts.append((b"s%d:" if is_text else b"r%d:") % len(encoded))
            parts.append(encoded)
        # hashed at once: the digest of the parts one after the other, in a third of the time
        return hashlib.sha256(b"".join(parts)).digest()
    return hashlib.sha256(repr(item).encode("utf-8", "surrogatepass")).digest()


@cache
def _field_names(kind: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(kind))


def fingerprint(
    kind: str,
    options: object,
    *inputs: Iterable[object],
    digest_of: Callable[[object], bytes] = item_digest,
    code: Sequence[str] | None = None,
) -> str:
    """A hex digest of the code, ``kind``, ``options`` and each item of each input.

    ``code`` names the roots of the code that computes the result (see
    :func:`code_digest`); the module that encodes stored results is added to them. Without
    it every file of the package counts.

    Items are frozen dataclasses (articles, groups, relations) and options are too, so their
    fields name every value: equal digests mean equal inputs. ``digest_of`` may be a memo of
    :func:`item_digest` when the same items recur across many fingerprints.
    """
    digest = _opening(kind, options, None if code is None else tuple(code))
    for items in inputs:
        digest.update(b"\1")
        for item in items:
            digest.update(digest_of(item))
    return digest.hexdigest()


# The hash of the code, kind and options of the latest fingerprints (a run fingerprints every
# story with the same options: writing out the options took 20 us a story), each kept with
# its options, so that no other object can take their id meanwhile.
_OPENINGS: dict[tuple[str, int, tuple[str, ...] | None], tuple[object, hashlib._Hash]] = {}


def _opening(kind: str, options: object, code: tuple[str, ...] | None) -> hashlib._Hash:
    """A fresh copy of the hash of the code, ``kind`` and ``options``, to go on with."""
    key = (kind, id(options), code)
    found = _OPENINGS.get(key)
    if found is None or found[0] is not options:
        roots = None if code is None else tuple(sorted({*code, *RESULT_CODEC}))
        digest = hashlib.sha256(code_fingerprint(roots))
        digest.update(f"{kind}\0{options!r}".encode())
        if len(_OPENINGS) >= 16:  # a long-lived process (the web app) keeps only the latest
            _OPENINGS.clear()
        found = _OPENINGS[key] = (options, digest)
    return found[1].copy()


class DigestMemo:
    """:func:`item_digest` remembered per object for as long as the memo lives: one analysis
    fingerprints each article twice (its story's timeline and summary) and more."""

    def __init__(self) -> None:
        # Each item is kept with its digest, so no other object can take its id meanwhile.
        self._known: dict[int, tuple[object, bytes]] = {}

    def __call__(self, item: object) -> bytes:
        found = self._known.get(id(item))
        if found is not None:
            return found[1]
        digest = item_digest(item)
        self._known[id(item)] = (item, digest)
        return digest
