"""Which of the package's code a stored result depends on, as a hash.

A result kept in the store is reused only while the code that made it is unchanged. Hashing the
whole package made any change (a fix in the report template, a new event rule) redo every stage:
a 10,000-article store re-read and re-cleaned every file after an analysis change (a third of the
re-run). A stage's hash covers the modules its own code imports, found by reading their import
statements (nothing is imported), so it changes exactly when one of them does.
"""

from __future__ import annotations

import ast
import hashlib
from collections.abc import Iterable
from functools import cache
from importlib import resources
from pathlib import Path

__all__ = ["module_file", "reached", "digest"]

PACKAGE = "storyline"


@cache
def _root() -> Path:
    return Path(str(resources.files(PACKAGE)))


def module_file(name: str) -> Path | None:
    """The source file of the package's module ``name`` ("storyline.ingest.junk"), or None."""
    parts = name.split(".")
    if parts[0] != PACKAGE:
        return None
    base = _root().joinpath(*parts[1:])
    for f in (base / "__init__.py", base.with_suffix(".py")):
        if f.is_file():
            return f
    return None


def reached(*modules: str) -> list[Path]:
    """The source files of ``modules`` and of every package module they import, directly or
    through one another (with the ``__init__`` of each package on the way), in a stable order."""
    seen: set[str] = set()
    todo = list(modules)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        f = module_file(name)
        if f is None:
            continue
        parts = name.split(".")
        todo += [".".join(parts[:k]) for k in range(1, len(parts))]
        todo += _imports(f, name)
    files = {f for n in seen if (f := module_file(n)) is not None}
    return sorted(files, key=lambda f: f.relative_to(_root()).as_posix())


def _imports(f: Path, name: str) -> list[str]:
    """The package modules file ``f`` (module ``name``) imports, at any depth of its code."""
    package = name if f.name == "__init__.py" else name.rpartition(".")[0]
    found: list[str] = []
    for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                up = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*up, *([node.module] if node.module else [])])
            else:
                base = node.module or ""
            found.append(base)
            found += [f"{base}.{a.name}" for a in node.names]  # "from . import junk": a module
    return [m for m in found if m.split(".")[0] == PACKAGE]


def digest(files: Iterable[Path], *extra: str) -> str:
    """A short hash of the files' names (within the package) and contents, and ``extra``."""
    h = hashlib.sha256("\x1f".join(extra).encode())
    for f in files:
        h.update(f.relative_to(_root()).as_posix().encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:12]
