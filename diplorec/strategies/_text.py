"""Strategies for names, free text and ids, in every script."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import SearchStrategy

from diplorec.events import EVENT_TYPES
from diplorec.strategies._core import _public

# -- names and text -----------------------------------------------------------------


def _span(first: int, last: int) -> str:
    return "".join(map(chr, range(first, last + 1)))


#: Characters Python counts as whitespace; a name must not start or end with one.
_SPACES: Final = "".join(c for c in map(chr, range(0x3001)) if c.isspace())
_NOT_CONTROL: Final = ("Cc", "Cs")
_NOT_SPACE_OR_CONTROL: Final = ("Cc", "Cs", "Zs", "Zl", "Zp")

_LETTERS: Final[dict[str, SearchStrategy[str]]] = {
    "latin": st.sampled_from(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
        + _span(0xC0, 0xD6)
        + _span(0xD8, 0xF6)
        + _span(0xF8, 0x17F)
    ),
    "cyrillic": st.sampled_from(_span(0x410, 0x44F) + "ЁёЄєІіЇїЎўҐґҚқҒғҲҳ"),
    # Arabic letters, the Persian/Dari additions and the Pashto letters.
    "arabic": st.sampled_from(
        _span(0x621, 0x63A) + _span(0x641, 0x64A) + "پچژگکی" + "ټځڅډړږښګڼېۍئ"
    ),
    "cjk": st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
    "greek": st.sampled_from(_span(0x391, 0x3A1) + _span(0x3A3, 0x3A9) + _span(0x3B1, 0x3C9)),
    "hebrew": st.sampled_from(_span(0x5D0, 0x5EA)),
    "devanagari": st.sampled_from(_span(0x905, 0x939)),
    "any": st.characters(exclude_categories=_NOT_SPACE_OR_CONTROL, exclude_characters=_SPACES),
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
SCRIPTS: Final = tuple(_LETTERS)

# Left-to-right, right-to-left and Arabic letter marks, and the zero-width non-joiner
# Persian and Pashto spelling needs: invisible, not whitespace, and valid in names.
_DIRECTION_MARKS: Final = ("\u200e", "\u200f", "\u061c")
_WORD_SEPARATORS: Final = (" ", " ", "-", "\u200c")

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


def _word(script: str) -> SearchStrategy[str]:
    """A word of one script; about one character in four is a combining mark, if it has them."""
    letters = _LETTERS[script]
    marks = _MARKS.get(script)
    alphabet = st.one_of(letters, letters, letters, st.sampled_from(marks)) if marks else letters
    return st.text(alphabet, min_size=1, max_size=10)


_WORDS: Final = {script: _word(script) for script in _LETTERS}
_NAME_MARKS: Final = st.sampled_from(("", "", *_DIRECTION_MARKS))


def _join_name(mark: str, first: str, rest: list[tuple[str, str]], mark_last: bool) -> str:
    body = first + "".join(sep + word for sep, word in rest)
    return body + mark if mark_last else mark + body


def _generated_name(scripts: tuple[str, ...]) -> SearchStrategy[str]:
    """One to four words, each of one script, maybe with a direction mark at one end."""
    words = st.one_of([_WORDS[script] for script in scripts])
    return st.builds(
        _join_name,
        _NAME_MARKS,
        words,
        st.lists(st.tuples(st.sampled_from(_WORD_SEPARATORS), words), max_size=3),
        st.booleans(),
    )


@_public
def names(*, scripts: str | Iterable[str] | None = None) -> SearchStrategy[str]:
    """Names a model accepts: not blank, no surrounding whitespace, no control characters.

    Words are drawn from Latin (with diacritics), Cyrillic, Arabic script (with the
    Persian, Dari and Pashto letters), CJK, Greek, Hebrew, Devanagari or any printable
    character, with combining marks, direction marks (U+200E, U+200F, U+061C) and
    zero-width non-joiners; one name may mix scripts. ``scripts`` keeps to some of
    :data:`SCRIPTS`.

    >>> strategy = names(scripts=("arabic", "cyrillic"))
    """
    if scripts is None:
        return st.one_of(st.sampled_from(_SAMPLE_NAMES), _generated_name(SCRIPTS))
    chosen = (scripts,) if isinstance(scripts, str) else tuple(scripts)
    unknown = [s for s in chosen if s not in _LETTERS]
    if unknown or not chosen:
        raise InvalidArgument(f"scripts={scripts!r}: choose from {', '.join(SCRIPTS)}")
    return _generated_name(chosen)


_PADDING: Final = st.text(
    st.characters(exclude_categories=_NOT_CONTROL) | st.sampled_from(" \t\n\r"), max_size=12
)


@_public
def texts() -> SearchStrategy[str]:
    """Free text a model accepts (a quote, a note): any script, inner tabs and newlines."""
    return st.builds(lambda head, name, tail: head + name + tail, _PADDING, names(), _PADDING)


_ID_KEY_CHARS: Final = st.characters(
    exclude_categories=_NOT_SPACE_OR_CONTROL, exclude_characters=_SPACES
)
_EVENT_TAGS: Final = tuple(cls.TAG for cls in EVENT_TYPES)


def _ids(kind: str) -> SearchStrategy[str]:
    """Explicit ids ``kind:key``; the key may be in any script."""
    ascii_key = st.text("abcdefghijklmnopqrstuvwxyz0123456789-", min_size=1, max_size=16)
    key = ascii_key | st.text(_ID_KEY_CHARS, min_size=1, max_size=16)
    return key.map(lambda k: f"{kind}:{k}")


def _derived_or(kind: str) -> SearchStrategy[str]:
    """An empty id (the model derives one from content) or an explicit one."""
    return st.just("") | _ids(kind)


@_public
def event_ids() -> SearchStrategy[str]:
    """Ids an event may have or link to (``basis``, ``concerning``), e.g. ``meeting:k1``."""
    return st.sampled_from(_EVENT_TAGS).flatmap(_ids)


def _wikidata_ids() -> SearchStrategy[str]:
    return st.integers(1, 10**12 - 1).map(lambda n: f"Q{n}")


_UPPER: Final = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
