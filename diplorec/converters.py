"""Reading and writing the diplorec wire format.

Serialization rules live here, never on the models. :func:`make_converter` builds a
cattrs converter configured in this order: strict scalars, dates, the models
(unknown keys forbidden, ``None`` fields omitted, ``"type"`` tags), then the tagged
unions. ``converter`` is the one built for diplorec's own use (on first use, so that
``import diplorec`` does not pay for cattrs). :func:`from_dict` and :func:`loads` take
a fast path that accepts exactly what that converter accepts (generated readers, see
``diplorec._fastpath``) and, only when it fails, explain the failure with a detailed
second pass, so bad input always ends in one :class:`~diplorec.errors.ValidationError`
that lists every problem with its JSON path.

>>> from diplorec import State, dumps, loads
>>> text = dumps(State(name="Afghanistan", iso3="AFG"))
>>> text
'{"type":"state","id":"state:AFG","name":"Afghanistan","iso3":"AFG"}'
>>> loads(text, State) == State(name="Afghanistan", iso3="AFG")
True
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import re
import threading
import typing
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar, cast, overload

import attrs

from diplorec._fastpath import (
    Readers,
    StdlibFloat,
    WireTypeError,
    Writers,
    enum_reader,
    make_writer,
    read_bool,
    read_float,
    read_int,
    read_str,
    read_when,
    reject,
)
from diplorec._registry import (
    MODEL_CLASSES,
    TAGS,
    is_homogeneous_tuple,
    on_register,
    union_members,
)
from diplorec._wire import (
    child,
    format_instant,
    format_time_of_day,
    parse_instant,
    parse_time_of_day,
)
from diplorec.dates import When
from diplorec.errors import Problem, ValidationError
from diplorec.vocab import ENUM_TYPES

__all__ = [
    "configure_dates",
    "configure_models",
    "configure_strict_scalars",
    "configure_tagged_unions",
    "converter",  # noqa: F822 - provided on first use by __getattr__
    "dumpb",
    "dumps",
    "from_dict",
    "loads",
    "make_converter",
    "register_document",
    "to_dict",
]

if TYPE_CHECKING:
    import cattrs

T = TypeVar("T")


def _enum_value(member: enum.Enum) -> Any:
    return member.value


def configure_strict_scalars(converter: cattrs.Converter) -> None:
    """Make scalars strict: no ``123`` → ``"123"``, no ``"abc"`` → ``['a', 'b', 'c']``.

    Strings must be strings, integers integers (never booleans), numbers finite,
    booleans ``true``/``false``, enums one of their values, and arrays arrays.
    """
    converter.register_structure_hook(str, read_str)
    converter.register_structure_hook(int, read_int)
    converter.register_structure_hook(float, read_float)
    converter.register_structure_hook(bool, read_bool)
    # Registered per class: the enums are str subclasses, and a hook registered for a
    # class wins over any predicate, so the str hook would otherwise read them.
    for enum_type in ENUM_TYPES:
        converter.register_structure_hook(enum_type, enum_reader(enum_type))
        converter.register_unstructure_hook(enum_type, _enum_value)

    def tuple_hook(tp: Any) -> Callable[[Any, Any], tuple[Any, ...]]:
        item_type = typing.get_args(tp)[0]
        structure_item = converter.get_structure_hook(item_type)

        def structure(value: Any, _: Any) -> tuple[Any, ...]:
            if type(value) is not list and type(value) is not tuple:
                raise reject("an array", value)
            return tuple([structure_item(item, item_type) for item in value])

        return structure

    def tuple_unstructure_hook(tp: Any) -> Callable[[tuple[Any, ...]], list[Any]]:
        item_type = typing.get_args(tp)[0]
        unstructure_item = converter.get_unstructure_hook(item_type)
        return lambda value: [unstructure_item(item) for item in value]

    converter.register_structure_hook_factory(is_homogeneous_tuple, tuple_hook)
    converter.register_unstructure_hook_factory(is_homogeneous_tuple, tuple_unstructure_hook)


# -- dates ----------------------------------------------------------------------------


def configure_dates(converter: cattrs.Converter) -> None:
    """Dates as EDTF strings (:class:`When`) and instants as ``...Z`` UTC strings."""
    converter.register_structure_hook(When, read_when)
    converter.register_unstructure_hook(When, str)
    converter.register_structure_hook(dt.datetime, lambda value, _: parse_instant(value))
    converter.register_unstructure_hook(dt.datetime, format_instant)
    converter.register_structure_hook(dt.time, lambda value, _: parse_time_of_day(value))
    converter.register_unstructure_hook(dt.time, format_time_of_day)


# -- models ---------------------------------------------------------------------------


def _omittable(field: attrs.Attribute[Any]) -> bool:
    return field.default is None or field.default == ()


def configure_models(converter: cattrs.Converter) -> None:
    """Hooks for every model class: tags, unknown keys forbidden, empty fields omitted.

    A class with a tag (states, governments, organizations, officials, events) is
    written with ``"type"`` first and must be read with the same ``"type"``; other
    keys follow in the order the fields are declared. Fields that are ``None`` or an
    empty tuple by default are left out while they hold that default. An ``"id"``
    may be left out (it is then derived) but not given empty.
    """
    from cattrs.gen import make_dict_structure_fn

    for cls in MODEL_CLASSES:
        fields = attrs.fields(cls)
        structure_body: Callable[[Any, Any], Any] = make_dict_structure_fn(
            cls, converter, _cattrs_forbid_extra_keys=False
        )
        tag = TAGS.get(cls)
        allowed = frozenset(f.name for f in fields) | ({"type"} if tag else set())
        converter.register_structure_hook(
            cls, _structure_model(cls, tag, allowed, "id" in allowed, structure_body)
        )
    # Unstructure hooks look each other up, so build them once all structure hooks exist.
    for cls in MODEL_CLASSES:
        converter.register_unstructure_hook(cls, make_writer(cls, converter.get_unstructure_hook))


def _structure_model(
    cls: type[T],
    tag: str | None,
    allowed: frozenset[str],
    has_id: bool,
    body: Callable[[Any, Any], T],
) -> Callable[[Any, Any], T]:
    def structure(value: Any, _: Any) -> T:
        if type(value) is not dict:
            raise reject("an object", value)
        if tag is not None and value.get("type") != tag:
            raise WireTypeError("wrong or missing type tag")
        if not allowed.issuperset(value):
            raise WireTypeError("unknown keys")
        if has_id and value.get("id") == "":
            raise WireTypeError("empty id")
        return body(value, cls)

    return structure


# -- tagged unions --------------------------------------------------------------------


def configure_tagged_unions(converter: cattrs.Converter) -> None:
    """Read unions of tagged classes (``Party``, ``Event`` ...) by their ``"type"``."""

    def factory(tp: Any) -> Callable[[Any, Any], Any]:
        found = union_members(tp)
        assert found is not None
        members, nullable = found
        by_tag = {
            TAGS[member]: (member, converter.get_structure_hook(member)) for member in members
        }

        def structure(value: Any, _: Any) -> Any:
            if value is None and nullable:
                return None
            if type(value) is not dict:
                raise reject("an object", value)
            tag = value.get("type")
            if type(tag) is not str or tag not in by_tag:
                raise WireTypeError("unknown type tag")
            member, hook = by_tag[tag]
            return hook(value, member)

        return structure

    converter.register_structure_hook_factory(lambda tp: union_members(tp) is not None, factory)


def make_converter() -> cattrs.Converter:
    """A new converter for the diplorec wire format, configured in full."""
    import cattrs

    converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=False)
    configure_strict_scalars(converter)
    configure_dates(converter)
    configure_models(converter)
    configure_tagged_unions(converter)
    return converter


_CONVERTER: cattrs.Converter | None = None
_CONVERTER_LOCK = threading.Lock()


def _converter() -> cattrs.Converter:
    global _CONVERTER
    if _CONVERTER is None:
        with _CONVERTER_LOCK:
            if _CONVERTER is None:
                _CONVERTER = make_converter()
    return _CONVERTER


def __getattr__(name: str) -> Any:
    # ``converter``, built on first use (PEP 562): the fast path does not need it.
    if name == "converter":
        return _converter()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# -- public functions ----------------------------------------------------------------


_DocumentHooks = tuple[Callable[[Any], dict[str, Any]], Callable[[Any], Any]]
#: Document types that read and write themselves (``Dossier``): see :func:`register_document`.
_DOCUMENTS: dict[type, _DocumentHooks] = {}


def register_document(
    cls: type[T], write: Callable[[T], dict[str, Any]], read: Callable[[Any], T]
) -> None:
    """Let :func:`to_dict`, :func:`from_dict`, :func:`dumps` and :func:`loads` handle ``cls``.

    For document types that read and write themselves: ``write`` returns the
    JSON-ready dict, ``read`` builds the value and raises only
    :class:`~diplorec.errors.ValidationError`. ``diplorec.dossier`` registers ``Dossier``.
    """
    _DOCUMENTS[cls] = (write, read)
    _DUMPB_WRITERS.pop(cls, None)


_CHECKED_TARGETS: set[Any] = set()


def _document_hooks(cls: Any) -> _DocumentHooks | None:
    return _DOCUMENTS.get(cls) if isinstance(cls, type) else None


def _check_target(cls: Any) -> None:
    try:
        if cls in _CHECKED_TARGETS:
            return
    except TypeError:  # unhashable: certainly not a type diplorec reads
        pass
    if cls in MODEL_CLASSES or union_members(cls) is not None or _document_hooks(cls) is not None:
        _CHECKED_TARGETS.add(cls)
        return
    if is_homogeneous_tuple(cls):
        _check_target(typing.get_args(cls)[0])
        _CHECKED_TARGETS.add(cls)
        return
    message = (
        f"cannot read into {cls!r}: give a diplorec model class, a union such as "
        "diplorec.Event or diplorec.Party, or tuple[X, ...] of one"
    )
    raise TypeError(message)


def to_dict(obj: Any) -> dict[str, Any]:
    """The JSON-ready dict of a model value.

    >>> from diplorec import State
    >>> to_dict(State(name="Qatar", iso3="QAT", cow=694))
    {'type': 'state', 'id': 'state:QAT', 'name': 'Qatar', 'iso3': 'QAT', 'cow': 694}
    """
    document = _DOCUMENTS.get(type(obj))
    if document is not None:
        return document[0](obj)
    if type(obj) not in _UNSTRUCTURE_TYPES:
        raise TypeError(f"to_dict() takes a diplorec model value, not {type(obj).__name__}")
    return cast(dict[str, Any], _WRITERS.get(type(obj))(obj))


_UNSTRUCTURE_TYPES = set(MODEL_CLASSES)


def _cattrs_reader(tp: Any) -> Callable[[Any], Any]:
    hook = _converter().get_structure_hook(tp)
    return lambda value: hook(value, tp)


# The fast path: generated readers and writers (diplorec._fastpath), built on first use.
_READERS = Readers(fallback=_cattrs_reader)
_WRITERS = Writers(wire=False)
# For dumps: enum members left to the encoder; the guarded set defers odd floats to json.
_WIRE_WRITERS = Writers(wire=True)
_GUARDED_WIRE_WRITERS = Writers(wire=True, guard_floats=True)


# The reader of each target read so far, found by the target's identity: hashing a
# union (``Event``) builds a frozenset of its members on every call; an id does not.
# The entry holds the target itself, so its id cannot be reused while it is kept.
_TARGET_READERS: dict[int, tuple[Any, Callable[[Any], Any]]] = {}
_MAX_TARGETS = 256  # targets such as tuple[X, ...] may be new objects at every call


def _target_reader(cls: Any) -> Callable[[Any], Any]:
    """The fast reader of ``cls`` (checked to be a readable target first)."""
    entry = _TARGET_READERS.get(id(cls))
    if entry is not None and entry[0] is cls:
        return entry[1]
    _check_target(cls)
    reader = _READERS.get(cls)
    if len(_TARGET_READERS) >= _MAX_TARGETS:
        _TARGET_READERS.clear()
    _TARGET_READERS[id(cls)] = (cls, reader)
    return reader


def _event_type_registered() -> None:
    """A new event type: what was built for the Event union is built again on next use."""
    global _CONVERTER
    _UNSTRUCTURE_TYPES.update(MODEL_CLASSES)
    _CHECKED_TARGETS.clear()
    _TARGET_READERS.clear()
    _READERS.clear()
    with _CONVERTER_LOCK:
        _CONVERTER = None


on_register(_event_type_registered)


@overload
def from_dict(data: Any, cls: type[T]) -> T: ...
@overload
def from_dict(data: Any, cls: Any) -> Any: ...
def from_dict(data: Any, cls: Any) -> Any:
    """Read a model value (or any member of a union such as ``Event``) from a dict.

    Raises :class:`~diplorec.errors.ValidationError` listing every problem, and no
    other exception, whatever ``data`` is.
    """
    document = _document_hooks(cls)
    if document is not None:
        return document[1](data)
    reader = _target_reader(cls)
    try:
        return reader(data)
    except Exception as exc:  # the detailed pass says what was wrong
        failure = exc
    raise _explain_failure(data, cls, failure) from None


def _explain_failure(data: Any, cls: Any, failure: BaseException) -> ValidationError:
    """Read ``data`` again in the reader's explain mode: the error listing its problems.

    The explain mode keeps the first problems and counts the rest, so the error it
    makes has an exact "and K more" and bounded size, whatever the input.
    """
    omitted = 0
    try:
        from diplorec._explain import read_explained  # only ever needed for bad input

        _, problems, omitted = read_explained(data, cls)
    except RecursionError:
        problems = [Problem(path="$", message="the input is nested too deeply to read")]
    except Exception as exc:  # pragma: no cover - the explain mode must not fail
        problems = [Problem(path="$", message=f"the input could not be read ({exc})")]
    if not problems:  # pragma: no cover - the two modes disagree; still report it
        problems = [Problem(path="$", message=f"the input could not be read ({failure})")]
    return ValidationError(problems, omitted=omitted)


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


_ORJSON: Any = None  # the orjson module once looked for, False when it is not installed


def _orjson() -> Any:
    global _ORJSON
    if _ORJSON is None:
        try:
            import orjson
        except ImportError:
            _ORJSON = False
        else:
            _ORJSON = orjson
    return _ORJSON


def parse_json(text: str | bytes | bytearray) -> Any:
    """Parse JSON text strictly; any failure is a :class:`ValidationError`.

    Uses orjson when it is installed; whatever orjson refuses (a byte order mark, a
    lone surrogate, a float beyond the double range ...) or reads differently (an
    integer beyond 64 bits, which it makes a float) is read, or explained, by the
    standard library exactly as without orjson. An object that gives one key twice
    is refused (both parsers would silently keep the last value), with a problem
    at the path of each repeated key.

    >>> parse_json('{"a": {"b": 1, "\\u0062": 2}}')
    Traceback (most recent call last):
    ...
    diplorec.errors.ValidationError: 1 problem found:
      $.a.b: is given more than once in the same object; a key may appear only once
    """
    fast = _orjson()
    if fast and type(text) in _ORJSON_INPUTS:
        try:
            raw = text if type(text) is bytes else text.encode("utf-8")  # type: ignore[union-attr]
            if _LONG_NUMBER not in raw.translate(_DIGITS):
                data = fast.loads(raw)
                if not _unique_keys(raw, data):
                    raise _DuplicateKeys
                return data
        except _DuplicateKeys:
            raise ValidationError(_duplicate_keys(raw)) from None
        except Exception:  # the standard library below reads it or says what is wrong
            pass
    try:
        if isinstance(text, (bytes, bytearray)):
            text = bytes(text).decode("utf-8")
        elif not isinstance(text, str):
            raise TypeError(f"expected JSON text (str or bytes), got {type(text).__name__}")
        if text.startswith("\ufeff"):
            text = text[1:]
        data = json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        message = f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"
    except UnicodeDecodeError as exc:
        message = f"not valid UTF-8: byte {exc.start} cannot be decoded"
    except RecursionError:
        message = "not readable: the JSON is nested too deeply"
    except ValueError as exc:
        if "digits" in str(exc):
            message = "not readable: a number has more digits than Python will convert"
        else:
            message = f"not valid JSON: {exc}"
    except TypeError as exc:
        message = str(exc)
    else:
        if _unique_keys(text, data):
            return data
        raise ValidationError(_duplicate_keys(text))
    raise ValidationError([Problem(path="$", message=message)])


_ORJSON_INPUTS = (bytes, str)
# Any run of 19 digits could be an integer beyond 64 bits: such text goes to json.
_DIGITS = bytes(48 if 48 <= code <= 57 else 32 for code in range(256))
_LONG_NUMBER = b"0" * 19


# -- duplicate keys -----------------------------------------------------------------------
#
# Parsers keep the last of two equal keys, so the parsed value alone cannot tell whether
# the text repeated one; counting colons can. Outside string literals, valid JSON has one
# ":" per key-value pair, so the text has (pairs) + (colons inside its strings); the
# value written back by a JSON encoder, which never escapes ":", has (keys kept) + (colons
# inside the strings kept). Where the text writes no colon as an escape (\u003a), every
# colon of a kept string is one of the text's too, so the text has more colons exactly
# when it gave some object a key twice. Text that does escape a colon, which is rare, is
# checked by counting the pairs and keys themselves; only text that fails is scanned
# token by token for the paths of the repeated keys. Text exactly as orjson writes the
# value (as diplorec writes it) needs no count: it cannot repeat a key.

_STRING_LITERALS = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_STRING_LITERALS_TEXT = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)


class _DuplicateKeys(Exception):
    """Raised inside the fast path when the text repeats a key in some object."""


def _unique_keys(text: str | bytes, data: Any) -> bool:
    """Whether no object of the valid JSON ``text``, parsed as ``data``, repeats a key."""
    kind = type(data)
    if kind is not dict and kind is not list:
        return True
    if type(text) is not bytes:
        if "\\" in text and "\\u003" in text:
            pairs = _STRING_LITERALS_TEXT.sub("", text).count(":")  # type: ignore[arg-type]
            return pairs == _key_count(data)
        return text.count(":") == json.dumps(data, ensure_ascii=False).count(":")  # type: ignore[arg-type]
    fast = _ORJSON
    written = b""
    if fast:
        try:
            written = fast.dumps(data)
        except Exception:  # an integer beyond 64 bits, a lone surrogate: json writes them
            written = b""
        # Text as the encoder writes it (as diplorec writes it) repeats nothing.
        if text.startswith(written) and not text[len(written) :].strip(_JSON_WHITESPACE):
            return True
    if b"\\" in text and b"\\u003" in text:  # most text has no backslash at all
        return _STRING_LITERALS.sub(b"", text).count(b":") == _key_count(data)
    if written:
        return text.count(b":") == written.count(b":")
    return text.count(b":") == json.dumps(data, ensure_ascii=False).count(":")


_JSON_WHITESPACE = b" \t\r\n"


def _key_count(data: Any) -> int:
    """How many keys the objects within ``data`` hold, all told."""
    count = 0
    stack = [data]
    pop, extend = stack.pop, stack.extend
    while stack:
        item = pop()
        kind = type(item)
        if kind is dict:
            count += len(item)
            extend(item.values())
        elif kind is list:
            extend(item)
    return count


_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\]:,]|[^\s{}\[\]:,"]+', re.DOTALL)


def _duplicate_keys(text: str | bytes) -> list[Problem]:
    """A problem at the path of every key that valid JSON ``text`` repeats in an object.

    Keys are compared as decoded, so ``"name"`` and ``"na\\u006de"`` are the same key.
    """
    if isinstance(text, bytes):
        text = text.decode("utf-8", "surrogatepass")
    problems: list[Problem] = []
    # One frame per open container: [its path, the keys seen (None in an array), the
    # index of the current item or the last key read].
    frames: list[list[Any]] = []
    expect_key = False
    for match in _TOKENS.finditer(text):
        token = match.group()
        first = token[0]
        if first in "{[":
            path = child(frames[-1][0], frames[-1][2]) if frames else "$"
            frames.append([path, set() if first == "{" else None, 0])
            expect_key = first == "{"
        elif first in "}]":
            frames.pop()
            expect_key = False
        elif first == "," and frames:
            if frames[-1][1] is None:
                frames[-1][2] += 1
            else:
                expect_key = True
        elif first == '"' and expect_key:
            owner, keys, _ = frames[-1]
            key = json.loads(token)
            if key in keys:
                problems.append(Problem(path=child(owner, key), message=_REPEATED))
            keys.add(key)
            frames[-1][2] = key
            expect_key = False
    return problems or [Problem(path="$", message=_REPEATED_SOMEWHERE)]


_REPEATED = "is given more than once in the same object; a key may appear only once"
_REPEATED_SOMEWHERE = "an object gives the same key more than once; a key may appear only once"


@overload
def loads(text: str | bytes, cls: type[T]) -> T: ...
@overload
def loads(text: str | bytes, cls: Any) -> Any: ...
def loads(text: str | bytes, cls: Any) -> Any:
    """Read a model value from JSON text (``str`` or UTF-8 ``bytes``).

    Invalid JSON and invalid content both raise :class:`~diplorec.errors.ValidationError`.
    """
    reader = _target_reader(cls) if _document_hooks(cls) is None else None
    fast = _orjson()
    if fast and type(text) in _ORJSON_INPUTS and reader is not None:
        try:
            raw = text if type(text) is bytes else text.encode("utf-8")  # type: ignore[union-attr]
            data = fast.loads(raw)
        except Exception:  # read, or explained, by the standard library below
            pass
        else:
            if _unique_keys(raw, data):  # else the standard library names the repeated key
                try:
                    return reader(data)
                except Exception as exc:
                    # orjson reads exactly as json does but for integers beyond 64 bits
                    # (see parse_json): without such a number, explain what was parsed.
                    if _LONG_NUMBER not in raw.translate(_DIGITS):
                        raise _explain_failure(data, cls, exc) from None
    return from_dict(parse_json(text), cls)


def dumps(obj: Any, *, indent: int | None = None) -> str:
    """JSON text of a model value, or of a list or tuple of them.

    Keys keep a stable order (``"type"`` first, then the fields as declared), ``None``
    fields and empty lists are left out, and the text is compact unless ``indent``
    is given. ``loads(dumps(x), type(x)) == x`` for every valid value.
    """
    fast: Any = _orjson() if indent is None else False
    if fast:
        try:
            writer = _DUMPB_WRITERS.get(type(obj))
            data = writer(obj) if writer is not None else _wire_data(obj, _GUARDED_WIRE_WRITERS)
            return cast(str, fast.dumps(data).decode("utf-8"))
        except (StdlibFloat, fast.JSONEncodeError):
            pass  # written below exactly as without orjson
    data = _wire_data(obj, _WIRE_WRITERS)
    separators = (",", ":") if indent is None else (",", ": ")
    return json.dumps(
        data, ensure_ascii=False, allow_nan=False, indent=indent, separators=separators
    )


def dumpb(obj: Any) -> bytes:
    """UTF-8 JSON bytes of a model value (or a list of them): ``dumps(obj).encode()``.

    Faster when orjson is installed, as the text never passes through ``str``; for
    writing JSON Lines. Raises what ``dumps(obj).encode("utf-8")`` raises.

    >>> from diplorec import State
    >>> dumpb(State(name="Qatar", iso3="QAT"))
    b'{"type":"state","id":"state:QAT","name":"Qatar","iso3":"QAT"}'
    """
    fast: Any = _orjson()
    if fast:
        try:
            writer = _DUMPB_WRITERS.get(type(obj))
            if writer is not None:  # a model value, the writer already built
                return cast(bytes, fast.dumps(writer(obj)))
            return cast(bytes, fast.dumps(_wire_data(obj, _GUARDED_WIRE_WRITERS)))
        except (StdlibFloat, fast.JSONEncodeError):
            pass  # written below exactly as without orjson
    return dumps(obj).encode("utf-8")


#: The guarded wire writer of each model class already written (documents excepted).
_DUMPB_WRITERS: dict[type, Callable[[Any], Any]] = {}


def _wire_data(obj: Any, writers: Writers) -> Any:
    if isinstance(obj, (list, tuple)):
        return [_wire_item(item, writers) for item in obj]
    return _wire_item(obj, writers)


def _wire_item(obj: Any, writers: Writers) -> Any:
    """``to_dict(obj)``, with enum members left for the JSON encoder to write."""
    cls = type(obj)
    if cls in _UNSTRUCTURE_TYPES and cls not in _DOCUMENTS:
        writer = writers.get(cls)
        if writers is _GUARDED_WIRE_WRITERS:
            _DUMPB_WRITERS[cls] = writer
        return writer(obj)
    if writers is _GUARDED_WIRE_WRITERS:
        raise StdlibFloat  # documents, and the error for anything else, go the plain way
    return to_dict(obj)
