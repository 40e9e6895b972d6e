"""Generated readers and writers for the wire format: the fast path.

cattrs looks up a hook for every field of every value it reads. The readers made
here do the same checks in one straight-line function per model class, with every
hook resolved once, and build the instance the way its attrs ``__init__`` does,
minus the validators that only repeat a type check the reader has just made (see
``diplorec._validators.Rule.type_only``); value rules and cross-field rules still run.
A reader accepts exactly what the cattrs converter of
:func:`diplorec.converters.make_converter` accepts and builds an equal value; a
failure is explained by the detailed pass, so only *whether* a reader fails
matters, never its message. ``tests/test_fast_paths.py`` holds the two to it.

Writers turn a model value into its JSON-ready dict, keys in declaration order,
``None`` and empty-tuple defaults left out. The *wire* variant, used by ``dumps``,
leaves enum members (``str`` subclasses) for the JSON encoder to write as their
values and refuses floats that orjson would format differently from the stdlib.
"""

from __future__ import annotations

import datetime as dt
import enum
import inspect
import itertools
import linecache
import math
import threading
import types
import typing
from collections.abc import Callable
from typing import Any, cast

import attrs

from diplorec._convert import Lenient
from diplorec._registry import MODEL_CLASSES, TAGS, is_homogeneous_tuple, union_members
from diplorec._validators import Rule
from diplorec._wire import (
    format_instant,
    format_time_of_day,
    json_type,
    parse_instant,
    parse_time_of_day,
)
from diplorec.dates import When
from diplorec.vocab import ENUM_TYPES

__all__ = [
    "INTERNED",
    "Interner",
    "Readers",
    "StdlibFloat",
    "WireTypeError",
    "Writers",
    "enum_reader",
    "make_writer",
    "read_bool",
    "read_float",
    "read_int",
    "read_str",
    "read_when",
    "reject",
    "strip_none",
]

Reader = Callable[[Any], Any]
Writer = Callable[[Any], Any]

_PLAIN = (str, int, float, bool)
_MISSING = object()


class WireTypeError(TypeError):
    """A reader's failure. The fail-fast mode never shows it (the explain mode says
    what is wrong); the cattrs converter of ``make_converter()`` raises it."""


_Rejected = WireTypeError


class StdlibFloat(ValueError):
    """A float the wire writer leaves to the stdlib encoder (orjson writes it differently)."""


def strip_none(tp: Any) -> Any:
    """``X | None`` → ``X``; other types unchanged (a union of several stays a union)."""
    args = typing.get_args(tp)
    if type(None) in args:
        others = tuple(arg for arg in args if arg is not type(None))
        return others[0] if len(others) == 1 else typing.Union[others]  # noqa: UP007
    return tp


def _nullable(tp: Any) -> bool:
    return type(None) in typing.get_args(tp)


_SERIAL = itertools.count()


def _compile(name: str, lines: list[str], namespace: dict[str, Any]) -> Any:
    """Compile generated source, registered with :mod:`linecache` so tracebacks show it."""
    source = "\n".join(lines) + "\n"  # built from field names and repr()s only
    filename = f"<diplorec generated {name} #{next(_SERIAL)}>"
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    exec(compile(source, filename, "exec"), namespace)
    return namespace[name]


# -- readers ---------------------------------------------------------------------------


# The strict scalar rules, stated once: the generated readers call these, and the cattrs
# converter of diplorec.converters registers them as its structure hooks (hence the
# ignored second argument, the type cattrs passes).


def reject(expected: str, value: Any) -> WireTypeError:
    """The error of a reader that met ``value`` where it expected ``expected``."""
    return WireTypeError(f"expected {expected}, got {json_type(value)}")


def read_str(value: Any, _: Any = None) -> str:
    """A string, never another JSON type; no lone surrogates."""
    if type(value) is not str:
        raise reject("a string", value)
    if not value.isascii():
        value.encode("utf-8")  # lone surrogates cannot be written as UTF-8
    return value


def read_int(value: Any, _: Any = None) -> int:
    """An integer, never a boolean."""
    if type(value) is not int:
        raise reject("an integer", value)
    return value


def read_float(value: Any, _: Any = None) -> float:
    """A finite number (an integer is read as a float)."""
    kind = type(value)
    if kind is float:
        if not math.isfinite(value):
            raise reject("a finite number", value)
        return cast(float, value)
    if kind is int:
        return float(value)
    raise reject("a number", value)


def read_bool(value: Any, _: Any = None) -> bool:
    """``true`` or ``false``."""
    if type(value) is not bool:
        raise reject("true or false", value)
    return value


def read_when(value: Any, _: Any = None) -> When:
    """A date in the EDTF subset, as text."""
    if type(value) is not str:
        raise reject("a date string", value)
    return When.parse(value)


def enum_reader(tp: type[enum.Enum]) -> Callable[..., enum.Enum]:
    """The reader of one of ``tp``'s values (a string)."""
    members = {member.value: member for member in tp}

    def read(value: Any, _: Any = None) -> enum.Enum:
        if type(value) is not str:
            raise reject("a string", value)
        return members[value]

    return read


_SCALAR_READERS: dict[Any, Reader] = {
    str: read_str,
    int: read_int,
    float: read_float,
    bool: read_bool,
    When: read_when,
    dt.datetime: parse_instant,
    dt.time: parse_time_of_day,
}

# Checks written inline in a model reader, for the commonest field types; ``x`` is
# the value, ``r_<name>`` the field's reader (used by the general case).
_INLINE: dict[Any, list[str]] = {
    str: ["if type(x) is not str: raise Rejected", "if not x.isascii(): x.encode('utf-8')"],
    int: ["if type(x) is not int: raise Rejected"],
    float: [
        "if type(x) is float:",
        "    if not isfinite(x): raise Rejected",
        "elif type(x) is int: x = float(x)",
        "else: raise Rejected",
    ],
    bool: ["if type(x) is not bool: raise Rejected"],
    When: ["if type(x) is not str: raise Rejected", "x = parse_when(x)"],
}


# -- interning ------------------------------------------------------------------------


def _json_key() -> Callable[[Any], bytes] | None:
    try:
        import orjson
    except ImportError:  # without orjson a key would cost about what it saves
        return None
    return cast(Callable[[Any], bytes], orjson.dumps)


class Interner:
    """Bounded caches of values read, keyed on the exact JSON of what they were read from.

    Event data names the same few hundred actors over and over; reading one again
    gives an equal, immutable value, so the value read the first time can be
    returned instead. The key is the sub-object as JSON text (orjson's, so ``1``,
    ``1.0`` and ``true`` are three keys, as they are three wire values), so a value is
    reused only for input exactly as before: strictness and messages are unchanged.
    Only successful reads made with validators enabled are kept.

    Each class has its own cache of at most ``size`` values, each read from at most
    ``max_key`` bytes of JSON (actors that repeat are short; a long one is read, not
    kept, so the caches stay small however large the input). Each ``window`` lookups
    the hit rate is checked; below ``min_hit_rate`` the cache empties and interning
    stops for the next ``pause`` reads of that class (data whose actors do not repeat
    pays one counter), then tries again. Without orjson nothing is interned.

    Thread-safe: values are immutable and a cache entry is a complete value; the
    counters only decide when to check the hit rate, and a race between two
    threads can at worst move a check by a read.
    """

    def __init__(
        self,
        *,
        size: int = 8192,
        window: int = 512,
        min_hit_rate: float = 0.25,
        pause: int = 32768,
        max_key: int = 2048,
    ) -> None:
        self.size = size
        self.max_key = max_key
        self.window = window
        self.min_hit_rate = min_hit_rate
        self.pause = pause
        self._caches: list[dict[bytes, Any]] = []
        self._lock = threading.Lock()

    def clear(self) -> None:
        """Forget every value kept (the hit counts go on)."""
        with self._lock:
            for cache in self._caches:
                cache.clear()

    def wrap(self, reader: Reader, max_keys: int) -> Reader:
        """``reader``, returning a kept value when it reads the same JSON again.

        An object with more than ``max_keys`` keys (the class's fields and its tag) is
        refused by ``reader`` anyway: it is read without first being written out as a
        key, which would cost memory in proportion to its unknown keys.
        """
        key_of = _json_key()
        if key_of is None:
            return reader
        cache: dict[bytes, Any] = {}
        with self._lock:
            self._caches.append(cache)
        size, window, pause, max_key = self.size, self.window, self.pause, self.max_key
        needed = int(window * self.min_hit_rate)
        get, disabled = cache.get, attrs.validators.get_disabled
        # [lookups this window, hits this window, reads left without interning]
        state = [0, 0, 0]

        def read(value: Any) -> Any:
            if state[2]:
                state[2] -= 1
                return reader(value)
            if type(value) is not dict or len(value) > max_keys:
                return reader(value)
            try:
                # Without its opening brace, as a new bytes object of its own size: orjson
                # hands out its working buffer (4 kB), too big to keep thousands of.
                key = key_of(value)[1:]
            except Exception:  # a number orjson cannot write: read it plainly
                return reader(value)
            if len(key) > max_key:
                return reader(value)
            state[0] += 1
            if state[0] >= window:
                if state[1] < needed:  # too few repeats: stop for a while
                    cache.clear()
                    state[2] = pause
                state[0] = state[1] = 0
            found = get(key)
            if found is not None:
                state[1] += 1
                return found
            result = reader(value)
            if len(cache) < size and not disabled():
                cache[key] = result
            return result

        return read


#: The interner of the readers of actors (every model class in ``diplorec.actors``).
INTERNED = Interner()


def _interned(cls: type) -> bool:
    return cls.__module__ == "diplorec.actors"


class _ByTag(dict[str, Reader]):
    """A union's readers by ``"type"`` tag, each built when its tag is first read.

    Reading one event builds the readers of its own type only, not of every type in
    the union; this is most of what a program's first ``loads`` costs. An unknown tag
    raises :class:`KeyError`, as a plain dict would. Two threads may build the same
    reader at once: :meth:`Readers.get` serialises that, and both store the same one.
    """

    def __init__(self, readers: Readers, members: tuple[type, ...]) -> None:
        super().__init__()
        self._readers = readers
        self._members = {TAGS[member]: member for member in members}

    def __missing__(self, tag: str) -> Reader:
        reader = self._readers.get(self._members[tag])
        self[tag] = reader
        return reader


class Readers:
    """The reader of each type the wire format knows, built on first use.

    ``fallback(tp)`` gives a reader for a field type this module does not know, so a
    new kind of field keeps working (through cattrs) until it is taught here.
    Readers are built under a lock: a reader is published only once complete, so a
    thread never sees one that another thread is still building.
    """

    def __init__(self, fallback: Callable[[Any], Reader]) -> None:
        self._fallback = fallback
        self._readers: dict[Any, Reader] = {}
        self._building: set[Any] = set()
        self._lock = threading.RLock()

    def get(self, tp: Any) -> Reader:
        """The reader for ``tp`` (a model class, a union of them, a tuple, a scalar)."""
        reader = self._readers.get(tp)
        if reader is not None:
            return reader
        with self._lock:
            reader = self._readers.get(tp)
            if reader is not None:  # built by another thread while this one waited
                return reader
            if tp in self._building:  # a cycle: look the reader up when it is called
                return lambda value: self._readers[tp](value)
            self._building.add(tp)
            try:
                reader = self._build(tp)
            finally:
                self._building.discard(tp)
            self._readers[tp] = reader
            return reader

    def clear(self) -> None:
        """Forget every reader built (they are built again on first use)."""
        with self._lock:
            self._readers = {}
            INTERNED.clear()

    def _build(self, tp: Any) -> Reader:
        if tp in MODEL_CLASSES:
            reader = self._model(tp)
            if _interned(tp):
                return INTERNED.wrap(reader, max_keys=len(attrs.fields(tp)) + 1)
            return reader
        found = union_members(tp)
        if found is not None:
            return self._union(*found)
        if is_homogeneous_tuple(tp):
            return self._tuple(self.get(typing.get_args(tp)[0]))
        if _nullable(tp):
            return self._optional(self.get(strip_none(tp)))
        if tp in _SCALAR_READERS:
            return _SCALAR_READERS[tp]
        if tp in ENUM_TYPES:
            return enum_reader(tp)
        return self._fallback(tp)

    @staticmethod
    def _tuple(item: Reader) -> Reader:
        def read(value: Any) -> tuple[Any, ...]:
            if type(value) is not list and type(value) is not tuple:
                raise _Rejected
            return tuple([item(x) for x in value])

        return read

    @staticmethod
    def _optional(inner: Reader) -> Reader:
        def read(value: Any) -> Any:
            return None if value is None else inner(value)

        return read

    def _union(self, members: tuple[type, ...], nullable: bool) -> Reader:
        by_tag = _ByTag(self, members)

        def read(value: Any) -> Any:
            if value is None and nullable:
                return None
            if type(value) is not dict:
                raise _Rejected
            tag = value.get("type")
            if type(tag) is not str:
                raise _Rejected
            return by_tag[tag](value)

        return read

    def _model(self, cls: type) -> Reader:
        fields = attrs.fields(cls)
        tag = TAGS.get(cls)
        names = [field.name for field in fields]
        namespace: dict[str, Any] = {
            "Rejected": _Rejected,
            "MISSING": _MISSING,
            "parse_when": When.parse,
            "isfinite": math.isfinite,
            "allowed": frozenset(names) | ({"type"} if tag else set()),
            "cls": cls,
            "new": object.__new__,
            "validators_disabled": attrs.validators.get_disabled,
        }
        name = f"read_{cls.__name__}"
        lines = [
            f"def {name}(value):",
            "    if type(value) is not dict: raise Rejected",
        ]
        if tag is not None:
            lines.append(f"    if value.get('type') != {tag!r}: raise Rejected")
        lines.append("    if not allowed.issuperset(value): raise Rejected")
        for field in fields:
            lines.extend("    " + line for line in self._field_lines(field, namespace))
        lines.extend("    " + line for line in _construct_lines(cls, fields, namespace))
        return cast(Reader, _compile(name, lines, namespace))

    def _field_lines(self, field: attrs.Attribute[Any], namespace: dict[str, Any]) -> list[str]:
        key, var = field.name, f"f_{field.name}"
        inner = strip_none(field.type)
        nullable = _nullable(field.type)
        members = union_members(inner)
        if inner in _INLINE:
            check = _INLINE[inner]
        elif inner in ENUM_TYPES:
            namespace[f"m_{key}"] = {member.value: member for member in inner}
            check = ["if type(x) is not str: raise Rejected", f"x = m_{key}[x]"]
        elif members is not None:  # what the union's reader does, without the call
            namespace[f"u_{key}"] = _ByTag(self, members[0])
            check = [
                "if type(x) is not dict: raise Rejected",
                "t = x.get('type')",
                "if type(t) is not str: raise Rejected",
                f"x = u_{key}[t](x)",
            ]
        elif is_homogeneous_tuple(inner):  # what the tuple's reader does, without the call
            namespace[f"i_{key}"] = self.get(typing.get_args(inner)[0])
            check = [
                "if type(x) is not list and type(x) is not tuple: raise Rejected",
                f"x = tuple([i_{key}(y) for y in x])",
            ]
        else:
            namespace[f"r_{key}"] = self.get(inner)
            check = [f"x = r_{key}(x)"]
        if key == "id":  # may be left out (then derived) but not given empty
            check = [*check, "if x == '': raise Rejected"]
        if field.default is attrs.NOTHING:
            lines = [f"x = value[{key!r}]"]
            if nullable:
                lines += ["if x is not None:", *("    " + line for line in check)]
            else:
                lines += check
            return [*lines, f"{var} = x"]
        if nullable and field.default is None:  # left out and null read alike
            lines = [f"x = value.get({key!r})", "if x is not None:"]
            return [*lines, *("    " + line for line in check), f"{var} = x"]
        namespace[f"d_{key}"] = field.default
        lines = [f"x = value.get({key!r}, MISSING)", "if x is MISSING:", f"    x = d_{key}"]
        if nullable:
            lines += ["elif x is not None:"]
        else:
            lines += ["else:"]
        return [*lines, *("    " + line for line in check), f"{var} = x"]


def _produced(tp: Any) -> tuple[tuple[type, ...], bool]:
    """The classes a reader of ``tp`` can return, and whether it can return None."""
    inner = strip_none(tp)
    found = union_members(inner)
    classes = found[0] if found is not None else (inner,)
    return classes, _nullable(tp)


def _redundant(field: attrs.Attribute[Any]) -> bool:
    """Whether ``field``'s validator checks nothing but a type the reader guarantees."""
    rule = field.validator
    stated = rule.type_only if isinstance(rule, Rule) else None
    if stated is None:
        return False
    accepted, accepts_none, items = stated
    tp = field.type
    if items:
        if not is_homogeneous_tuple(tp):
            return False
        tp = typing.get_args(tp)[0]
    classes, nullable = _produced(tp)
    if nullable and not accepts_none:
        return False
    return all(isinstance(c, type) and issubclass(c, accepted) for c in classes)


def _plain_init(cls: type, fields: tuple[attrs.Attribute[Any], ...]) -> bool:
    """Whether ``cls.__init__`` only sets the fields, validates and post-inits."""
    return (
        not hasattr(cls, "__attrs_pre_init__")
        and all(
            field.init
            # A Lenient converter only turns text into the field's type: the identity
            # on the typed values a reader builds, so the reader may leave it out.
            and (field.converter is None or isinstance(field.converter, Lenient))
            and field.alias == field.name
            and not isinstance(field.default, attrs.Factory)  # type: ignore[arg-type]
            for field in fields
        )
        and all(
            isinstance(inspect.getattr_static(cls, field.name, None), types.MemberDescriptorType)
            for field in fields
        )
    )


def _construct_lines(
    cls: type, fields: tuple[attrs.Attribute[Any], ...], namespace: dict[str, Any]
) -> list[str]:
    """Build the instance as attrs' ``__init__`` would, minus redundant type checks."""
    if not _plain_init(cls, fields):
        args = ", ".join(f"{field.name}=f_{field.name}" for field in fields)
        return [f"return cls({args})"]
    lines = ["self = new(cls)"]
    for field in fields:  # the slots' own setters: what object.__setattr__ ends up calling
        namespace[f"s_{field.name}"] = inspect.getattr_static(cls, field.name).__set__
        lines.append(f"s_{field.name}(self, f_{field.name})")
    checks = []
    for field in fields:
        if field.validator is None or _redundant(field):
            continue
        key = field.name
        namespace[f"v_{key}"] = field.validator
        namespace[f"a_{key}"] = field
        call = f"v_{key}(self, a_{key}, f_{key})"
        condition = _skip_condition(field, namespace)
        checks.append(f"    if {condition}: {call}" if condition else f"    {call}")
    if checks:
        lines += ["if not validators_disabled():", *checks]
    if hasattr(cls, "__attrs_post_init__"):
        lines.append("self.__attrs_post_init__()")
    return [*lines, "return self"]


def _skip_condition(field: attrs.Attribute[Any], namespace: dict[str, Any]) -> str | None:
    """When a validator must be called: not when its shortcut says the value passes."""
    rule = field.validator
    shortcut = rule.shortcut if isinstance(rule, Rule) else None
    if shortcut is None:
        return None
    none_passes, kind, passes = shortcut
    var = f"f_{field.name}"
    declared = strip_none(field.type)
    nullable = _nullable(field.type)
    if passes is not None and (declared is kind or typing.get_origin(declared) is kind):
        if isinstance(passes, str):
            check = f"not {passes.format(x=var)}"
        else:
            namespace[f"p_{field.name}"] = passes
            check = f"not p_{field.name}({var})"
        if not nullable:
            return check
        if none_passes(field):
            return f"{var} is not None and {check}"
        return f"{var} is None or {check}"
    if nullable and none_passes(field):
        return f"{var} is not None"
    return None


# -- writers ---------------------------------------------------------------------------


def make_writer(
    cls: type, hook_for: Callable[[Any], Writer], *, wire: bool = False, guard_floats: bool = False
) -> Writer:
    """A straight-line function from a ``cls`` value to its JSON-ready dict.

    Keys keep the declared order (the golden files rely on it): ``"type"`` first for
    tagged classes, then each field, leaving out ``None`` and ``()`` defaults while
    they hold them. ``hook_for(tp)`` gives the writer of a field's type. With
    ``wire``, enum members are left for the JSON encoder (they are ``str`` subclasses,
    written as their values) and dates are their text. With ``guard_floats``, a float
    that orjson would write differently from the stdlib raises :class:`StdlibFloat`.
    """
    tag = TAGS.get(cls)
    name = f"write_{cls.__name__}"
    namespace: dict[str, Any] = {"StdlibFloat": StdlibFloat}
    options = (hook_for, wire, guard_floats)
    # Keys written always, before the first that may be left out, go in one dict display.
    literal = [f"{'type'!r}: {tag!r}"] if tag else []
    body: list[str] = []
    for field in attrs.fields(cls):
        key = field.name
        guard, expr = _write_expr(field.type, key, namespace, options)
        always = field.default is not None and field.default != ()
        if always and not body and not guard:
            literal.append(f"{key!r}: {expr.replace(_VALUE, f'obj.{key}')}")
            continue
        body.append(f"value = obj.{key}")
        indent = "    "
        if field.default is None:
            body.append("if value is not None:")
        elif field.default == ():
            body.append("if value:")
        else:
            indent = ""
        body += [indent + line for line in guard]
        body.append(f"{indent}out[{key!r}] = {expr.replace(_VALUE, 'value')}")
    lines = [f"def {name}(obj):", f"    out = {{{', '.join(literal)}}}"]
    lines += [f"    {line}" for line in body]
    lines.append("    return out")
    return cast(Writer, _compile(name, lines, namespace))


_FLOAT_GUARD = "if not (value == 0.0 or 1e-4 <= abs(value) < 1e16): raise StdlibFloat"
_VALUE = "VALUE"  # where a field's value goes in a writing expression


def _write_expr(
    declared: Any,
    key: str,
    namespace: dict[str, Any],
    options: tuple[Callable[[Any], Writer], bool, bool],
) -> tuple[list[str], str]:
    """Statements to run first (on ``value``) and the expression writing ``VALUE``."""
    hook_for, wire, guard_floats = options
    tp = strip_none(declared)
    members = union_members(tp)
    if tp in _PLAIN:
        # orjson writes 1e-05 as 0.00001; the stdlib path takes such floats.
        return ([_FLOAT_GUARD] if guard_floats and tp is float else []), _VALUE
    if tp in ENUM_TYPES:
        return [], _VALUE if wire else f"{_VALUE}.value"
    if wire and tp is When and "_text" in attrs.fields_dict(When):
        return [], f"{_VALUE}._text"
    if members is not None:  # a union of tagged classes: dispatch on the value's class
        namespace[f"hooks_{key}"] = {member: hook_for(member) for member in members[0]}
        return [], f"hooks_{key}[{_VALUE}.__class__]({_VALUE})"
    if is_homogeneous_tuple(tp):
        item = strip_none(typing.get_args(tp)[0])
        if wire and (item in (str, int, bool) or item in ENUM_TYPES):
            return [], _VALUE  # both JSON encoders write a tuple as an array
        if item in (str, int, bool):
            return [], f"list({_VALUE})"
        item_members = union_members(item)
        if item_members is not None:
            namespace[f"hooks_{key}"] = {m: hook_for(m) for m in item_members[0]}
            return [], f"[hooks_{key}[x.__class__](x) for x in {_VALUE}]"
        if item in MODEL_CLASSES:
            namespace[f"hook_{key}"] = hook_for(item)
            return [], f"[hook_{key}(x) for x in {_VALUE}]"
    namespace[f"hook_{key}"] = hook_for(tp)
    return [], f"hook_{key}({_VALUE})"


class Writers:
    """The writer of each model class (and of the types inside), built on first use."""

    def __init__(self, *, wire: bool, guard_floats: bool = False) -> None:
        self._wire = wire
        self._guard_floats = guard_floats
        self._writers: dict[Any, Writer] = {}
        self._lock = threading.RLock()

    def get(self, tp: Any) -> Writer:
        """The writer for ``tp``, built once (under a lock) on first use."""
        writer = self._writers.get(tp)
        if writer is None:
            with self._lock:
                writer = self._writers.get(tp)
                if writer is None:
                    writer = self._build(tp)
                    self._writers[tp] = writer
        return writer

    def _build(self, tp: Any) -> Writer:
        if tp in MODEL_CLASSES:
            return make_writer(tp, self.get, wire=self._wire, guard_floats=self._guard_floats)
        if is_homogeneous_tuple(tp):
            item = strip_none(typing.get_args(tp)[0])
            found = union_members(item)
            if found is not None:
                by_class = {member: self.get(member) for member in found[0]}
                return lambda value: [by_class[x.__class__](x) for x in value]
            if item in (str, int, bool) or (item is float and not self._guard_floats):
                return list
            if self._wire and item in ENUM_TYPES:
                return list
            write_item = self.get(item)
            return lambda value: [write_item(x) for x in value]
        if tp in ENUM_TYPES:
            return _enum_value
        if tp is When:
            return str
        if tp is dt.datetime:
            return format_instant
        if tp is dt.time:
            return format_time_of_day
        if tp is float and self._guard_floats:
            return _guarded_float
        if tp in _PLAIN:
            return _identity
        raise TypeError(f"no writer for {tp!r}")


def _enum_value(member: enum.Enum) -> Any:
    return member.value


def _identity(value: Any) -> Any:
    return value


def _guarded_float(value: float) -> float:
    if not (value == 0.0 or 1e-4 <= abs(value) < 1e16):
        raise StdlibFloat
    return value
