"""Checks that the three implementations read the corpus alike, before any timing.

*Same content*: each library's loaded events are written back out by that library,
read again by diplorec, and compared with diplorec's own reading of the corpus, as
canonical dicts. *Same rules*: a set of broken records, each breaking one rule
diplorec enforces, must be refused by every library.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterator
from typing import Any

import diplorec
from benchmarks.libraries import Library

__all__ = ["ParityError", "broken_records", "check_content", "check_rules"]


class ParityError(AssertionError):
    """The libraries disagree about the corpus."""


def check_content(data: bytes, loaded: dict[str, list[Any]], libs: list[Library]) -> None:
    """Every library's reading of ``data`` round-trips to diplorec's canonical dicts."""
    expected = [diplorec.to_dict(event) for event in loaded["diplorec"]]
    for lib in libs:
        events = loaded[lib.name]
        if len(events) != len(expected):
            raise ParityError(f"{lib.name} read {len(events)} events, expected {len(expected)}")
        lines = lib.dump(events).splitlines()
        for index, (line, want) in enumerate(zip(lines, expected, strict=True)):
            got = diplorec.to_dict(diplorec.loads(line, diplorec.Event))
            if got != want:
                raise ParityError(f"{lib.name} differs from diplorec at line {index + 1}")


def _edit(record: dict[str, Any], path: tuple[str | int, ...], value: Any) -> dict[str, Any]:
    changed = copy.deepcopy(record)
    target: Any = changed
    for key in path[:-1]:
        target = target[key]
    if value is _DELETE:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return changed


_DELETE = object()


def _mutations(record: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    yield "unknown key", {**record, "colour": "blue"}
    yield "missing type tag", {k: v for k, v in record.items() if k != "type"}
    yield "unknown type tag", {**record, "type": "coup"}
    yield "bad id", {**record, "id": "no colon here"}
    yield "bad date", {**record, "on": "2025-02-30"}
    yield "date as a number", {**record, "on": 2025}
    yield "bad certainty", {**record, "certainty": "sure"}
    yield "notes of spaces", {**record, "notes": "   "}
    yield "notes with a control character", {**record, "notes": "a\x00b"}
    yield "notes of other spaces", {**record, "notes": "\t\u3000\n"}
    yield "notes with a C1 control", {**record, "notes": "a\x85\x9fb"}
    sources = record.get("sources", [])
    if sources:
        source = ("sources", 0, "source")
        yield "title with a trailing space", _edit(record, (*source, "title"), "Title ")
        yield "title with a final newline", _edit(record, (*source, "title"), "Title\n")
        yield "title with a leading no-break space", _edit(record, (*source, "title"), "\xa0T")
        yield "title too long", _edit(record, (*source, "title"), "T" * 501)
        yield "quote too long", _edit(record, ("sources", 0, "quote"), "q" * 100_001)
        yield "bad url", _edit(record, (*source, "url"), "ftp://example.org/x")
        yield "bad language", _edit(record, (*source, "language"), "English")
        yield "confidence above 1", _edit(record, ("sources", 0, "confidence"), 1.5)
        yield "confidence as a string", _edit(record, ("sources", 0, "confidence"), "0.5")
        yield "naive instant", _edit(record, (*source, "retrieved"), "2025-07-03T10:00:00")
    for key in ("recognizer", "withdrawer"):
        if key in record:
            party = record[key]
            yield "party recognising itself", {**record, "recognized": party}
            yield "bad iso3", _edit(record, (key, "iso3"), "afg")
            yield "cow as a string", _edit(record, (key, "cow"), "700")
            yield "cow out of range", _edit(record, (key, "cow"), 1000)
            yield "cow as a boolean", _edit(record, (key, "cow"), True)
            yield "empty name", _edit(record, (key, "name"), "")
    if "participants" in record:
        yield "one participant", {**record, "participants": record["participants"][:1]}
        yield "participants twice", {**record, "participants": [record["participants"][0]] * 2}
    if "envoy" in record:
        envoy = record["envoy"]
        yield "envoy sent to its sender", _edit(record, ("envoy", "receiving"), envoy["sending"])
        yield "bad rank", _edit(record, ("envoy", "rank"), "ambasador")
        yield "missing document", _edit(record, ("document",), _DELETE)


def broken_records(data: bytes, limit: int = 200) -> list[tuple[str, bytes]]:
    """Lines that break one rule each, made from the first ``limit`` corpus lines."""
    broken = []
    for line in data.splitlines()[:limit]:
        record = json.loads(line)
        for label, changed in _mutations(record):
            broken.append((label, json.dumps(changed, ensure_ascii=False).encode("utf-8")))
    return broken


def _rejects(load: Callable[[bytes], list[Any]], line: bytes) -> bool:
    try:
        load(line + b"\n")
    except Exception:
        return True
    return False


def check_rules(data: bytes, libs: list[Library], limit: int = 200) -> int:
    """Every library that checks the rules refuses every broken record.

    Returns how many were tried. The floor (``checks_rules`` false) is left out.
    """
    broken = broken_records(data, limit)
    for label, line in broken:
        for lib in libs:
            if not lib.checks_rules:
                continue
            if not _rejects(lib.load, line):
                raise ParityError(f"{lib.name} accepts a record with a {label}: {line[:200]!r}")
    return len(broken)
