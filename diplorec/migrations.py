"""Spec versions of the wire format, and migrations of older documents to the current one.

A document written by an earlier release names its ``spec_version``; :func:`upgrade`
runs the registered migrations in order until the document is current. Migrations
never run code from the data: each is a plain function registered here.

>>> upgrade({"type": "dossier", "spec_version": SPEC_VERSION, "events": []})["spec_version"]
'1.0'
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from diplorec.errors import Problem, ValidationError

__all__ = ["SPEC_VERSION", "SPEC_VERSIONS", "register_migration", "upgrade"]

#: The version of the wire format this release writes.
SPEC_VERSION = "1.0"

#: Every spec version this release can read, oldest first.
SPEC_VERSIONS: tuple[str, ...] = ("1.0",)

Migration = Callable[[dict[str, Any]], dict[str, Any]]
_MIGRATIONS: dict[str, tuple[str, Migration]] = {}


def register_migration(source: str, target: str) -> Callable[[Migration], Migration]:
    """Register a function that turns a ``source``-version document into ``target``."""

    def register(function: Migration) -> Migration:
        if source in _MIGRATIONS:
            raise ValueError(f"a migration from spec version {source} is already registered")
        _MIGRATIONS[source] = (target, function)
        return function

    return register


def upgrade(document: Any) -> dict[str, Any]:
    """Bring a document (a dict with ``spec_version``) up to :data:`SPEC_VERSION`.

    Raises :class:`~diplorec.errors.ValidationError` for a missing, unknown or newer
    version.
    """
    if not isinstance(document, dict):
        raise ValidationError([Problem(path="$", message="expected a document object")])
    version = document.get("spec_version")
    if not isinstance(version, str):
        message = f"is missing; expected a spec version such as {SPEC_VERSION!r}"
        raise ValidationError([Problem(path="$.spec_version", message=message)])
    seen = {version}
    while version != SPEC_VERSION:
        if version not in _MIGRATIONS:
            message = (
                f"{version!r} is not a spec version this release of diplorec can read "
                f"(it reads {', '.join(SPEC_VERSIONS)}); a newer release may be needed"
            )
            raise ValidationError([Problem(path="$.spec_version", message=message)])
        version, migrate = _MIGRATIONS[version]
        if version in seen:  # pragma: no cover - guards a mistaken registration
            raise ValidationError([Problem(path="$.spec_version", message="migration loop")])
        seen.add(version)
        document = dict(migrate(document), spec_version=version)
    return dict(document)
