"""Differential tests: every fast path gives exactly what the plain path gives."""

from __future__ import annotations

import sys
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from diplorec._validators import _has_bad_chars


def _bad_char_by_category(char: str) -> bool:
    return unicodedata.category(char) in ("Cc", "Cs") and char not in "\t\n\r"


class TestBadCharacters:
    """The one-regex control-character check equals the per-character category rule."""

    def test_every_code_point(self) -> None:
        """Each of the 1,114,112 code points is judged as its Unicode category says."""
        wrong = [
            code
            for code in range(sys.maxunicode + 1)
            if _has_bad_chars(chr(code)) != _bad_char_by_category(chr(code))
        ]
        assert wrong == []

    @given(st.text(st.characters(codec=None)))
    def test_any_text(self, value: str) -> None:
        """A whole string is bad exactly when one of its characters is."""
        assert _has_bad_chars(value) == any(_bad_char_by_category(c) for c in value)
