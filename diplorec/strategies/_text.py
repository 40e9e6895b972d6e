"""Strategies for names, free text and ids, in every script."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Final

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import SearchStrategy

from diplorec._validators import Name
from diplorec.events import EVENT_TYPES
from diplorec.strategies._core import _below, _flat, _public

# -- names and text -----------------------------------------------------------------


def _span(first: int, last: int) -> str:
    return "".join(map(chr, range(first, last + 1)))


#: Characters Python counts as whitespace; a name must not start or end with one.
_SPACES: Final = "".join(c for c in map(chr, range(0x3001)) if c.isspace())
_NOT_CONTROL: Final = ("Cc", "Cs")
_NOT_SPACE_OR_CONTROL: Final = ("Cc", "Cs", "Zs", "Zl", "Zp")

#: The letters of each script, as text.
_LETTERS: Final[dict[str, str]] = {
    "latin": (
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
        + _span(0xC0, 0xD6)
        + _span(0xD8, 0xF6)
        + _span(0xF8, 0x17F)
    ),
    "cyrillic": _span(0x410, 0x44F) + "ЁёЄєІіЇїЎўҐґҚқҒғҲҳ",
    # Arabic letters, the Persian/Dari additions and the Pashto letters.
    "arabic": _span(0x621, 0x63A) + _span(0x641, 0x64A) + "پچژگکی" + "ټځڅډړږښګڼېۍئ",
    "cjk": "",  # the range U+4E00-U+9FFF, see _SCRIPT_RULES
    "greek": _span(0x391, 0x3A1) + _span(0x3A3, 0x3A9) + _span(0x3B1, 0x3C9),
    "hebrew": _span(0x5D0, 0x5EA),
    "devanagari": _span(0x905, 0x939),
}

_MARKS: Final[dict[str, str]] = {
    "latin": _span(0x300, 0x36F),
    "cyrillic": "\u0301\u0306\u0308",
    "arabic": _span(0x64B, 0x652) + "\u0670",
    "greek": "\u0301\u0308\u0313\u0314\u0342",
    "hebrew": _span(0x5B0, 0x5BC),
    "devanagari": _span(0x93E, 0x94D),
}

#: The scripts :func:`names` draws from; ``"any"`` is any printable Unicode character.
SCRIPTS: Final = (*_LETTERS, "any")

# Left-to-right, right-to-left and Arabic letter marks, and the zero-width non-joiner
# Persian and Pashto spelling needs: invisible, not whitespace, and valid in names.
_DIRECTION_MARKS: Final = ("\u200e", "\u200f", "\u061c")
#: What may stand between two words: a space, a no-break space, a hyphen, a ZWNJ.
_WORD_SEPARATORS: Final = " \u00a0-\u200c"

_SAMPLE_NAMES: Final = (
    "Afghanistan",
    "Islamic Emirate of Afghanistan",
    "د افغانستان اسلامي امارت",
    "Gul Hassan Hassan",
    "Андрей Руденко",
    "امیر خان متقی",
    "阿富汗",
    "Côte d\u2019Ivoire",
    "São Tomé and Príncipe",
    "Ελλάδα",
    "ישראל",
    "भारत",
)

#: At most this many characters in a drawn name (a model allows 500).
_NAME_SIZE: Final = 40


def _alphabet(characters: str) -> SearchStrategy[str]:
    return st.characters(categories=(), include_characters=characters)


def _script(letters: str, marks: str) -> SearchStrategy[str]:
    """Raw names of one script: letters, marks, separators and direction marks."""
    extra = marks + _WORD_SEPARATORS + "".join(_DIRECTION_MARKS)
    return st.text(_alphabet(letters + extra), min_size=1, max_size=_NAME_SIZE)


_ANY_CHARACTER: Final = st.characters(
    exclude_categories=_NOT_SPACE_OR_CONTROL, exclude_characters=_SPACES
)
_SCRIPT_RULES: Final[dict[str, SearchStrategy[str]]] = {
    **{
        script: _script(letters, _MARKS.get(script, ""))
        for script, letters in _LETTERS.items()
        if script != "cjk"
    },
    # CJK names run without spaces; a range is much quicker to set up than 21,000 letters.
    "cjk": st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), min_size=1,
                   max_size=_NAME_SIZE),
    "any": st.text(_ANY_CHARACTER, min_size=1, max_size=_NAME_SIZE),
}  # fmt: skip
#: Raw names mixing the alphabetic scripts.
_MIXED: Final = _script(
    "".join(letters for script, letters in _LETTERS.items() if script != "cjk"),
    "".join(_MARKS.values()),
)


@_flat
def _longest_name(draw: st.DrawFn) -> str:
    """A name as long as the name rule allows: sample names joined, cut to length."""
    joined = "/".join(_SAMPLE_NAMES[draw(_below(len(_SAMPLE_NAMES)))] for _ in range(2))
    size = Name.max_length
    return ((joined + "/") * (size // len(joined) + 1))[: size - 1] + "x"


#: How names are made up: in one script, in several, or as long as a name can be.
_NAME_RULES: Final = (*_SCRIPT_RULES.values(), _MIXED, _longest_name())


def _name_at(
    draw: st.DrawFn, pick: int, rules: tuple[SearchStrategy[str], ...], samples: tuple[str, ...]
) -> str:
    """Sample name ``pick``, or a text of rule ``pick - len(samples)`` without separators
    at its ends (``samples[0]`` if nothing is left)."""
    if pick < len(samples):
        return samples[pick]
    raw = draw(rules[pick - len(samples)]).strip(_WORD_SEPARATORS)
    return raw or (samples[0] if samples else "-")


@_flat
def _generated_name(
    draw: st.DrawFn, rules: tuple[SearchStrategy[str], ...], samples: tuple[str, ...]
) -> str:
    """A sample name, or a text of one script's characters: one or two choices."""
    return _name_at(draw, draw(_below(len(samples) + len(rules))), rules, samples)


@_public
def names(*, scripts: str | Iterable[str] | None = None) -> SearchStrategy[str]:
    """Names a model accepts: not blank, no surrounding whitespace, no control characters.

    Names are drawn from Latin (with diacritics), Cyrillic, Arabic script (with the
    Persian, Dari and Pashto letters), CJK, Greek, Hebrew, Devanagari or any printable
    character, with combining marks, direction marks (U+200E, U+200F, U+061C), spaces,
    hyphens and zero-width non-joiners; one name may mix scripts, and now and then a
    name is as long as the name rule allows. ``scripts`` keeps to some of
    :data:`SCRIPTS`. Each name is one or two choices for Hypothesis, so drawing one is
    cheap.

    >>> strategy = names(scripts=("arabic", "cyrillic"))
    """
    if scripts is None:
        return _generated_name(_NAME_RULES, _SAMPLE_NAMES)
    chosen = (scripts,) if isinstance(scripts, str) else tuple(scripts)
    unknown = [s for s in chosen if s not in _SCRIPT_RULES]
    if unknown or not chosen:
        raise InvalidArgument(f"scripts={scripts!r}: choose from {', '.join(SCRIPTS)}")
    return _generated_name(tuple(_SCRIPT_RULES[s] for s in chosen), ())


_PADDING: Final = st.text(
    st.characters(exclude_categories=_NOT_CONTROL, include_characters=" \t\n\r"), max_size=12
)


#: Whitespace a text may start or end with (a text is padded by two of them, or by a
#: drawn text of any characters, tabs and newlines, at one end).
_PADS: Final = ("", " ", "\n", "\t", " \n", "\r\n", "\u3000", "\u2028")
_PAD_PAIRS: Final = len(_PADS) ** 2


@_flat
def _padded_name(
    draw: st.DrawFn, rules: tuple[SearchStrategy[str], ...], samples: tuple[str, ...]
) -> str:
    """A name of :func:`_generated_name`, padded by two pads (one choice for both and the
    name, when it is a sample), or by a drawn text at one end."""
    ways = len(samples) + len(rules)
    how, pick = divmod(draw(_below((_PAD_PAIRS + 2) * ways)), ways)
    core = _name_at(draw, pick, rules, samples)
    if how == _PAD_PAIRS:
        return core + draw(_PADDING)
    if how > _PAD_PAIRS:
        return draw(_PADDING) + core
    before, after = divmod(how, len(_PADS))
    return _PADS[before] + core + _PADS[after]


@_public
def texts() -> SearchStrategy[str]:
    """Free text a model accepts (a quote, a note): any script, inner tabs and newlines."""
    return _padded_name(_NAME_RULES, _SAMPLE_NAMES)


_ID_KEY_CHARS: Final = _ANY_CHARACTER
_ASCII_KEYS: Final = st.text(
    _alphabet("abcdefghijklmnopqrstuvwxyz0123456789-"), min_size=1, max_size=16
)
_ANY_KEYS: Final = st.text(_ID_KEY_CHARS, min_size=1, max_size=16)
_EVENT_TAGS: Final = tuple(cls.TAG for cls in EVENT_TYPES)


@_flat
def _ids(draw: st.DrawFn, kinds: tuple[str, ...], derived: bool = False) -> str:
    """Explicit ids ``kind:key`` (the key in ASCII or any script), or, with ``derived``,
    half the time ``""``: the model then derives the id from the value's content. The
    kind and the script of the key are one choice."""
    ways = 2 * len(kinds)
    pick = draw(_below(2 * ways)) - ways if derived else draw(_below(ways))
    if pick < 0:
        return ""
    script, kind = divmod(pick, len(kinds))
    return f"{kinds[kind]}:{draw(_ASCII_KEYS if script == 0 else _ANY_KEYS)}"


def _derived_or(kind: str) -> SearchStrategy[str]:
    """An empty id (the model derives one from content) or an explicit one."""
    return _ids((kind,), derived=True)


@_public
def event_ids() -> SearchStrategy[str]:
    """Ids an event may have or link to (``basis``, ``concerning``), e.g. ``meeting:k1``."""
    return _ids(_EVENT_TAGS)


def _prepare(*strategies: SearchStrategy[Any]) -> None:
    """Work out the alphabets now, once, rather than in the first example drawn.

    Hypothesis sets up a character strategy lazily, on its first draw, and counts that
    time (a tenth of a second or more on a busy machine) against that example's budget in
    its ``too_slow`` health check.
    """
    for strategy in strategies:
        strategy.validate()


_prepare(*_SCRIPT_RULES.values(), _MIXED, _PADDING, _ASCII_KEYS, _ANY_KEYS)
