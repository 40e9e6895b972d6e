"""The three implementations under test, behind one interface.

Each library reads and writes JSON Lines its own idiomatic, fastest public way:
diplorec with :func:`diplorec.loads` and :func:`diplorec.converters.dumpb` per line,
pydantic with a ``TypeAdapter`` of the discriminated union (``validate_json`` and
``dump_json``) per line, msgspec with ``Decoder.decode_lines`` and
``Encoder.encode_lines``. The *floor* is msgspec again, with the same shapes and
its native constraints only (:mod:`benchmarks.msgspec_floor`): timed, and checked to
read the same content, but not held to diplorec's rules.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import diplorec

__all__ = ["LIBRARIES", "Library", "libraries"]


@dataclass(frozen=True)
class Library:
    """How one library loads, dumps, and converts from and to plain dicts."""

    name: str
    load: Callable[[bytes], list[Any]]
    dump: Callable[[list[Any]], bytes]
    to_dicts: Callable[[list[Any]], list[Any]]
    from_dicts: Callable[[list[Any]], list[Any]]
    #: Whether it enforces every rule diplorec does (the floor does not).
    checks_rules: bool = True


def _diplorec() -> Library:
    loads, dumpb, to_dict, from_dict, event = (
        diplorec.loads,
        diplorec.converters.dumpb,
        diplorec.to_dict,
        diplorec.from_dict,
        diplorec.Event,
    )

    def load(data: bytes) -> list[Any]:
        return [loads(line, event) for line in data.splitlines()]

    def dump(events: list[Any]) -> bytes:
        return b"\n".join([dumpb(item) for item in events]) + b"\n"

    def to_dicts(events: list[Any]) -> list[Any]:
        return [to_dict(item) for item in events]

    def from_dicts(dicts: list[Any]) -> list[Any]:
        return [from_dict(item, event) for item in dicts]

    return Library("diplorec", load, dump, to_dicts, from_dicts)


def _pydantic() -> Library:
    from benchmarks import pydantic_models

    adapter = pydantic_models.EVENT_ADAPTER
    validate_json, dump_json = adapter.validate_json, adapter.dump_json
    validate_python, dump_python = adapter.validate_python, adapter.dump_python

    def load(data: bytes) -> list[Any]:
        return [validate_json(line) for line in data.splitlines()]

    def dump(events: list[Any]) -> bytes:
        return b"\n".join([dump_json(item, exclude_none=True) for item in events]) + b"\n"

    def to_dicts(events: list[Any]) -> list[Any]:
        return [dump_python(item, mode="json", exclude_none=True) for item in events]

    def from_dicts(dicts: list[Any]) -> list[Any]:
        # Strict mode refuses JSON-shaped dicts (lists for tuples, strings for enums),
        # so dicts are read in lax mode; JSON input above is read strictly.
        return [validate_python(item, strict=False) for item in dicts]

    return Library("pydantic", load, dump, to_dicts, from_dicts)


def _msgspec(floor: bool = False) -> Library:
    import msgspec

    from benchmarks import msgspec_floor, msgspec_models

    models: Any = msgspec_floor.load() if floor else msgspec_models
    event = models.Event
    to_builtins, convert = msgspec.to_builtins, msgspec.convert

    def to_dicts(events: list[Any]) -> list[Any]:
        return [to_builtins(item) for item in events]

    def from_dicts(dicts: list[Any]) -> list[Any]:
        return [convert(item, event) for item in dicts]

    return Library(
        "floor" if floor else "msgspec",
        models.load_lines,
        models.dump_lines,
        to_dicts,
        from_dicts,
        checks_rules=not floor,
    )


def libraries() -> list[Library]:
    """diplorec, pydantic, msgspec and the floor, in that order."""
    return [_diplorec(), _pydantic(), _msgspec(), _msgspec(floor=True)]


LIBRARIES = ("diplorec", "pydantic", "msgspec", "floor")
