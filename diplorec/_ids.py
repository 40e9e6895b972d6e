"""Derived ids: keys made from names and codes that always satisfy the id rule.

The id rule is :data:`ID_PATTERN`: ``kind:key``, the key 1 to :data:`MAX_KEY`
characters without white space. A derived key is made of parts (a code, a slug of a
name, the key of a party it belongs to) joined by ``:``. Names are compared in
Unicode normal form C, so a name typed with combining accents (NFD) gives the same id
as the same name typed with precomposed letters. A key that would be too long keeps a
readable start of each part and ends in a digest of the whole key, so two long names
that share a start still get different ids.

>>> slug("Islamic Emirate of Afghanistan")
'islamic-emirate-of-afghanistan'
>>> slug("Cafe\\u0301") == slug("Caf\\u00e9") == "café"
True
>>> len(key("AFG", slug("x" * 500))) <= MAX_KEY
True
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

__all__ = ["ID_PATTERN", "MAX_KEY", "digest", "key", "nfc", "slug"]

#: The longest key (the part of an id after its kind) the id rule allows.
MAX_KEY = 200
#: The id rule: a lower-case kind, a colon, and a key without white space.
ID_PATTERN = rf"[a-z][a-z0-9-]*:[^\s]{{1,{MAX_KEY}}}"

_NOT_WORD = re.compile(r"[^\w]+")


def nfc(text: str) -> str:
    """``text`` in Unicode normal form C (ASCII text is returned as it is)."""
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def slug(text: str) -> str:
    """A lower-case, hyphenated key from a name, keeping letters of every script.

    The name is put in normal form C before it is case-folded, so canonically
    equivalent spellings give one slug.
    """
    return _NOT_WORD.sub("-", nfc(text).casefold()).strip("-_") or "x"


def digest(text: str) -> str:
    """Sixteen hex digits (BLAKE2b, 8 bytes) of ``text`` in normal form C."""
    data = nfc(text).encode("utf-8", "surrogatepass")
    return hashlib.blake2b(data, digest_size=8).hexdigest()


def key(*parts: str) -> str:
    """The parts joined by ``:``, shortened with a digest when longer than :data:`MAX_KEY`.

    Keys that fit are returned unchanged, so ids of ordinary names never change.
    Otherwise every part longer than a common cap is cut to it (the cap is as large as
    the room allows) and ``-`` and the digest of the whole key are appended.
    """
    whole = ":".join(parts)
    if len(whole) <= MAX_KEY:
        return whole
    tail = f"-{digest(whole)}"
    cap = _cap([len(part) for part in parts], MAX_KEY - len(tail) - (len(parts) - 1))
    return ":".join(part[:cap].rstrip("-") or part[:cap] for part in parts) + tail


def _cap(lengths: list[int], room: int) -> int:
    """The largest cap such that the parts, each cut to it, fit in ``room`` characters."""
    count = len(lengths)
    for length in sorted(lengths):
        if length * count > room:
            return room // count
        room -= length
        count -= 1
    return max(lengths)
