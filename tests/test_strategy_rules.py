"""The strategies draw from the models' field rules: valid values, boundaries, bad values."""

from __future__ import annotations

import math
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, Phase, find, given, settings
from hypothesis import strategies as st

from diplorec import Citation, Place, Source, State
from diplorec import _validators as v
from diplorec import strategies as ds
from diplorec._registry import MODEL_CLASSES
from diplorec.strategies._rules import bad_values_for, field_rule, strategy_for

#: Rules a strategy is derived from, by kind.
_DERIVED = (v.Name, v.Text, v.Pattern, v.IntRange, v.FloatRange, v.Member)

#: For find(): enough examples to reach a value that turns up once in a few hundred.
_SEARCH = settings(
    max_examples=3000,
    database=None,
    phases=[Phase.generate],
    suppress_health_check=list(HealthCheck),
    deadline=None,
)


def _model_rules() -> list[tuple[str, v.Rule]]:
    """Each rule object used by a model field (once), with the first field using it."""
    found: dict[int, tuple[str, v.Rule]] = {}
    for cls in MODEL_CLASSES:
        for field in attrs.fields(cls):
            rule = field.validator
            if isinstance(rule, _DERIVED):
                found.setdefault(id(rule), (f"{cls.__name__}.{field.name}", rule))
    return list(found.values())


class _Attribute:
    name = "value"
    default = None


def _accepts(rule: v.Rule, value: Any) -> bool:
    try:
        rule(None, _Attribute, value)  # type: ignore[arg-type]
    except ValueError:
        return False
    return True


_RULES = _model_rules()
_IDS = [where for where, _ in _RULES]


class TestEveryRuleIsCovered:
    """The models' field rules are the kinds strategies are derived from."""

    def test_kinds(self) -> None:
        """Every kind of derived rule is used by some model field (so the tests below run)."""
        kinds = {type(rule) for _, rule in _RULES}
        assert {v.Name, v.Text, v.Pattern, v.IntRange, v.FloatRange, v.Member} <= kinds


class TestDrawnValuesPassTheRule:
    """A value drawn from the strategy of a model field's rule passes that rule."""

    @pytest.mark.parametrize(("where", "rule"), _RULES, ids=_IDS)
    @settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(data=st.data())
    def test_valid(self, where: str, rule: v.Rule, data: st.DataObject) -> None:
        """Every value of strategy_for(rule) is accepted by rule."""
        value = data.draw(strategy_for(rule))
        assert _accepts(rule, value), (where, value)


class TestBoundariesAppear:
    """The ends of a rule's range are drawn, through the models' own strategies too."""

    @pytest.mark.parametrize(
        ("cls", "name", "make"),
        [
            (State, "cow", ds.states),
            (State, "gw", ds.states),
            (Citation, "confidence", ds.citations),
        ],
    )
    @pytest.mark.parametrize("end", ["low", "high"])
    def test_range_ends(self, cls: type, name: str, make: Any, end: str) -> None:
        """A model strategy draws both ends of its field's range rule."""
        rule = field_rule(cls, name)
        wanted = getattr(rule, end)
        found = find(make(), lambda value: getattr(value, name) == wanted, settings=_SEARCH)
        assert getattr(found, name) == wanted

    @pytest.mark.parametrize(
        ("where", "rule"),
        [
            pytest.param(where, rule, id=where)
            for where, rule in _RULES
            if isinstance(rule, (v.IntRange, v.FloatRange))
        ],
    )
    @pytest.mark.parametrize("end", ["low", "high"])
    def test_ends_are_drawn_by_the_strategy(self, where: str, rule: Any, end: str) -> None:
        """A range rule's strategy draws each end itself, in one value of eight. Hypothesis
        alone draws an integer end one time in 64, and a float end mostly through its
        table of constants, whose share depends on the modules loaded (with the whole test
        suite imported, 3,000 citations once held no confidence of 1.0): about one
        latitude in a hundred was 90.0."""
        wanted = getattr(rule, end)
        drawn: list[Any] = []

        @settings(_SEARCH, max_examples=20, derandomize=True)
        @given(st.lists(strategy_for(rule), min_size=50, max_size=50))
        def collect(values: list[Any]) -> None:
            drawn.extend(values)

        collect()
        assert drawn.count(wanted) >= len(drawn) / 16, (where, len(drawn))

    @pytest.mark.parametrize("name", ["latitude", "longitude"])
    def test_coordinates_reach_the_poles_and_the_antimeridian(self, name: str) -> None:
        """places() draws the largest latitude and longitude the rules allow."""
        rule = field_rule(Place, name)
        found = find(ds.places(), lambda p: getattr(p, name) == rule.high, settings=_SEARCH)
        assert getattr(found, name) == rule.high

    def test_longest_name(self) -> None:
        """names() draws names as long as the name rule allows (and they pass it)."""
        longest = v.Name.max_length
        found = find(ds.names(), lambda name: len(name) == longest, settings=_SEARCH)
        assert _accepts(v.name, found)

    def test_longest_pattern_repeat(self) -> None:
        """The strategy of the URL rule reaches its longest address."""
        rule = field_rule(Source, "url")
        assert isinstance(rule, v.Pattern)
        longest = len("https://") + 2000
        found = find(strategy_for(rule), lambda url: len(url) == longest, settings=_SEARCH)
        assert _accepts(rule, found)


class TestARuleChangeChangesTheStrategy:
    """A strategy follows its rule's data, not a copy of it."""

    @pytest.mark.parametrize(
        "rule",
        [
            v.Pattern(r"[A-Z]{4}", "four capitals"),
            v.Pattern(r"X[0-9]{2,3}(-[a-z]{1,2})*", "a made-up code"),
            v.IntRange(-5, 5, "a small number"),
            v.FloatRange(0.25, 0.5, "a fraction"),
        ],
        ids=repr,
    )
    @settings(max_examples=40)
    @given(data=st.data())
    def test_other_rules(self, rule: v.Rule, data: st.DataObject) -> None:
        """Rules the models do not use yet get strategies whose values they accept."""
        assert _accepts(rule, data.draw(strategy_for(rule)))


class TestBadValues:
    """The bad values derived from a rule are rejected by it, just past its boundaries."""

    @pytest.mark.parametrize(("where", "rule"), _RULES, ids=_IDS)
    def test_rejected(self, where: str, rule: v.Rule) -> None:
        """Every value of bad_values_for(rule) is one the rule rejects."""
        for value in bad_values_for(rule, ("", "x", 0, None, "AFG")):
            assert not _accepts(rule, value), (where, value)

    def test_just_past_a_range(self) -> None:
        """A range rule's bad values include the integers just outside it."""
        rule = field_rule(State, "cow")
        assert isinstance(rule, v.IntRange)
        assert {rule.low - 1, rule.high + 1} <= set(bad_values_for(rule))

    def test_just_past_a_float_range(self) -> None:
        """A float range's bad values include the floats next to its ends."""
        rule = field_rule(Place, "latitude")
        assert isinstance(rule, v.FloatRange)
        bad = bad_values_for(rule)
        assert math.nextafter(rule.high, math.inf) in bad
        assert math.nextafter(rule.low, -math.inf) in bad

    def test_one_character_too_long(self) -> None:
        """A name one character longer than the rule allows is a bad value."""
        assert "x" * (v.Name.max_length + 1) in bad_values_for(v.name)

    def test_candidates_the_rule_accepts_are_left_out(self) -> None:
        """A candidate the rule accepts is never offered as bad."""
        rule = field_rule(State, "iso3")
        assert bad_values_for(rule, ("AFG", "afg")) == ["afg", "", " "]
