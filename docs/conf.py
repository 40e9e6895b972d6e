"""Sphinx configuration for the diplorec documentation (Sphinx + MyST Markdown + furo)."""

from __future__ import annotations

import sys
from pathlib import Path

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

# Unresolved cross-references in docstrings (e.g. to pendulum types) are not errors.
nitpicky = True

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
