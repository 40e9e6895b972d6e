"""Sphinx configuration for the diplorec documentation (Sphinx + MyST Markdown + furo)."""

from __future__ import annotations

import importlib
import re
import sys
import types
import typing
from pathlib import Path
from typing import Any

# Build from a source checkout even when diplorec is not installed.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import diplorec

project = "diplorec"
author = "The diplorec authors"
copyright = "2025, The diplorec authors"
release = diplorec.__version__
version = ".".join(release.split(".")[:2])

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
]
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]

# MyST: ::: fences for directives, definition lists, and anchors on headings so
# pages can link to sections (`[text](concepts.md#date-precision)`).
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# Every cross-reference must resolve. The build is offline (no intersphinx inventories
# are downloaded), so references to other projects' types cannot resolve: they are the
# only ones ignored, each group with its reason. diplorec's own names always resolve (see
# _resolve below for the short spellings ``diplorec.When`` and ``When``).
nitpicky = True
nitpick_ignore = [
    # The standard library: no Python inventory offline.
    ("py:class", "collections.abc.Callable"),
    ("py:class", "collections.abc.Iterable"),
    ("py:class", "collections.abc.Iterator"),
    ("py:class", "collections.abc.Mapping"),
    ("py:class", "datetime.date"),
    ("py:class", "datetime.datetime"),
    ("py:class", "datetime.time"),
    ("py:class", "enum.Enum"),
    ("py:class", "os.PathLike"),
    # Dependencies and optional dependencies: no inventories offline.
    ("py:class", "cattrs.Converter"),
    ("py:class", "pendulum.date.Date"),
    ("py:class", "pendulum.Date"),
    ("py:class", "hypothesis.strategies.SearchStrategy"),
    ("py:class", "SearchStrategy"),  # hypothesis's, as its own annotations spell it
]

# Autodoc. attrs classes document well with the signature of their generated
# __init__; type hints go into the description so long signatures stay readable.
# docs/api.md lists members per module with :ignore-module-all:, so they appear in
# source order (the order a reader meets them) rather than the alphabetical __all__.
autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_typehints_format = "short"
autodoc_class_signature = "mixed"
napoleon_google_docstring = True
napoleon_numpy_docstring = False

html_theme = "furo"
html_title = f"diplorec {release}"


# -- resolving diplorec's own names ---------------------------------------------------------


def _plain(node: Any, contnode: Any) -> Any:
    """The reference's text, without a link."""
    from docutils import nodes

    return contnode if contnode is not None else nodes.literal(node.astext(), node.astext())


def _resolve(app: Any, env: Any, node: Any, contnode: Any) -> Any:
    """Resolve what Sphinx cannot: diplorec's names in their short and private spellings.

    - ``diplorec.When`` and a bare ``When`` (as annotations and docstrings write the names
      the package re-exports) link to where the name is documented, ``diplorec.dates.When``;
    - a type variable (``T``) and a private name (``_Unset``, ``diplorec._precedence``)
      have no page of their own by design: they are shown as text, without a link.
    """
    if node.get("refdomain") != "py":
        return None
    target = node.get("reftarget", "")
    name = target.removeprefix("diplorec.")
    home = diplorec._HOME.get(name)
    if home is not None:
        domain = env.get_domain("py")
        for role in (node["reftype"], "obj"):  # "obj": a type alias used as a class
            resolved = domain.resolve_xref(
                env, node["refdoc"], app.builder, role, f"diplorec.{home}.{name}",
                node, contnode,
            )  # fmt: skip
            if resolved is not None:
                return resolved
    module = node.get("py:module") or ""
    if target.startswith("diplorec") or module.startswith("diplorec"):
        parts = target.split(".")
        if any(part.startswith("_") and not part.startswith("__") for part in parts):
            return _plain(node, contnode)
        value = _lookup(target, module)
        if isinstance(value, typing.TypeVar):
            return _plain(node, contnode)
        if isinstance(value, (types.UnionType, types.GenericAlias)) or (
            type(value).__module__ == "typing" and not isinstance(value, type)
        ):  # a type alias (``PathOrFile``): show what it stands for
            return _alias(value)
    return None


def _lookup(target: str, module: str) -> Any:
    """The object ``target`` names, absolutely or relative to ``module``; None if none."""
    for candidate in [target] + ([f"{module}.{target}"] if module else []):
        owner, _, attribute = candidate.rpartition(".")
        if not owner.startswith("diplorec"):
            continue
        try:
            value = getattr(importlib.import_module(owner), attribute, None)
        except ImportError:
            continue
        if value is not None:
            return value
    return None


def _alias(value: Any) -> Any:
    """A type alias, spelled out as text."""
    from docutils import nodes

    text = re.sub(r"\b(?:typing|collections\.abc|os)\.", "", str(value))
    return nodes.literal(text, text)


_napoleon: Any = None


def _sentences_not_types(
    app: Any, what: str, name: str, obj: Any, options: Any, lines: list[str]
) -> None:
    """Napoleon on every docstring but those of attributes.

    diplorec's attribute docstrings (``#:`` comments) are sentences and their types come
    from annotations; napoleon would read "As a state: ..." as the type "As a state".
    """
    if what not in ("attribute", "data", "property"):
        _napoleon(app, what, name, obj, options, lines)


def setup(app: Any) -> None:
    """Connect the resolver, and napoleon only where it helps."""
    global _napoleon
    from sphinx.ext import napoleon

    _napoleon = napoleon._process_docstring
    for listener in list(app.events.listeners["autodoc-process-docstring"]):
        if listener.handler is napoleon._process_docstring:
            app.disconnect(listener.id)
    app.connect("autodoc-process-docstring", _sentences_not_types)
    app.connect("missing-reference", _resolve)
