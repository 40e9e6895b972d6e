"""Whatever the input, the interchange readers raise ValidationError and nothing else."""

from __future__ import annotations

import copy
import io
import json
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diplorec import ValidationError
from diplorec.interchange.gdelt import COLUMNS, read_gdelt
from diplorec.interchange.plover import from_plover, read_plover
from diplorec.interchange.wikidata import read_wikidata

FIXTURES = Path(__file__).parent / "fixtures"
POLECAT = [
    json.loads(line)
    for line in (FIXTURES / "polecat" / "sample.jsonl").read_text("utf-8").splitlines()
][:3]
FIELDS = ("enddate", "actor", "recipient", "event", "mode", "context", "has_event",
          "event_loc", "event_text", "cite_info", "comment", "cameo")  # fmt: skip
ENTITIES = json.loads((FIXTURES / "wikidata" / "entities.json").read_text("utf-8"))

JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=12,
)


def containers(node: Any) -> list[Any]:
    """Every non-empty object and array inside ``node``, itself included."""
    found: list[Any] = []
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, (dict, list)) and item:
            found.append(item)
            stack.extend(item.values() if isinstance(item, dict) else item)
    return found


@st.composite
def mutated(draw: st.DrawFn, base: Any) -> Any:
    """``base`` with one to three values somewhere inside it replaced by arbitrary JSON."""
    data = copy.deepcopy(base)
    for _ in range(draw(st.integers(1, 3))):
        target = draw(st.sampled_from(containers(data)))
        if isinstance(target, dict):
            key = draw(st.sampled_from(sorted(target)))
        else:
            key = draw(st.integers(0, len(target) - 1))
        target[key] = draw(JSON)
    return data


def only_validation_errors(read: Any, value: Any) -> None:
    """Call ``read(value)``: it returns, or raises a ValidationError with located problems."""
    problems: tuple[Any, ...] = ()
    try:
        read(value)
    except ValidationError as error:
        problems = error.problems or (None,)
    assert all(problem.path.startswith("$") for problem in problems)


class TestPlover:
    """PLOVER records of any shape."""

    @given(JSON)
    def test_any_json(self, value: Any) -> None:
        """Any JSON value is read or refused with a ValidationError."""
        only_validation_errors(from_plover, value)

    @settings(suppress_health_check=[HealthCheck.too_slow])
    @given(st.sampled_from(POLECAT).flatmap(mutated))
    def test_damaged_records(self, record: Any) -> None:
        """A real-looking record with values swapped for junk is read or refused cleanly."""
        only_validation_errors(from_plover, record)

    @given(
        st.fixed_dictionaries(
            {"id": st.text(max_size=8), "date": st.sampled_from(["2025-07-03", "2025-7-3"])},
            optional=dict.fromkeys(FIELDS, JSON),
        )
    )
    def test_standard_fields_of_any_value(self, record: Any) -> None:
        """Every field the manual defines, holding any JSON value, is read or refused cleanly."""
        only_validation_errors(from_plover, record)

    @given(st.binary(max_size=200))
    def test_any_bytes(self, data: bytes) -> None:
        """Any bytes as a file: every line read, bad ones counted."""
        reader = read_plover(io.BytesIO(data), errors="collect")
        try:
            events = list(reader)
        except ValidationError:  # a stream that cannot be read at all (bad compression)
            return
        assert len(events) + reader.skipped + len(reader.bad_lines) == reader.lines_read


class TestGdelt:
    """GDELT rows of any content."""

    @given(
        st.lists(
            st.text(
                alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\t\n\r"),
                max_size=10,
            ),
            min_size=61,
            max_size=61,
        )
    )
    def test_any_cells(self, cells: list[str]) -> None:
        """Sixty-one arbitrary cells make an event or a reported bad row."""
        data = ("\t".join(cells) + "\n").encode("utf-8")
        reader = read_gdelt(io.BytesIO(data), errors="collect")
        events = list(reader)
        assert len(events) + len(reader.bad_lines) + reader.skipped == 1

    @given(st.binary(max_size=300))
    def test_any_bytes(self, data: bytes) -> None:
        """Any bytes: rows are read or reported, never a crash."""
        reader = read_gdelt(io.BytesIO(b"x" + data), errors="collect")
        try:
            list(reader)
        except ValidationError:
            return
        assert (
            reader.valid + reader.merged + reader.skipped + len(reader.bad_lines)
            == reader.lines_read
        )

    def test_columns(self) -> None:
        """The fuzzing above uses rows of the right width."""
        assert len(COLUMNS) == 61


class TestWikidata:
    """Entity documents of any shape."""

    @given(JSON.filter(lambda value: not isinstance(value, str)))  # a string is a path
    def test_any_json(self, value: Any) -> None:
        """Any parsed JSON value is read or refused with a ValidationError."""
        only_validation_errors(lambda v: read_wikidata(v, errors="collect"), value)

    @settings(suppress_health_check=[HealthCheck.too_slow])
    @given(mutated(ENTITIES))
    def test_damaged_documents(self, document: Any) -> None:
        """The fixture with values swapped for junk is read or refused cleanly, both modes."""
        only_validation_errors(read_wikidata, document)
        only_validation_errors(lambda v: read_wikidata(v, errors="collect"), document)
