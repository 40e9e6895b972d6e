"""Timeline pictures: recognitions over time with uncertainty bands, and event timelines."""

from __future__ import annotations

import datetime
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from diplorec import (
    CodedEvent,
    Government,
    Meeting,
    RecognitionAct,
    RecognitionForm,
    RecognitionWithdrawal,
    State,
    When,
    WithdrawalKind,
)
from diplorec.examples import russia_taliban_2025 as example
from diplorec.ledger import RecognitionLedger

pytest.importorskip("matplotlib")

from diplorec.plot import plot_events, plot_recognitions

KOSOVO = State(name="Kosovo", iso3="XKX")
STATES = [State(name=f"State {n}", iso3=f"X{chr(65 + n)}A") for n in range(4)]
EVENTS = [
    RecognitionAct(on=When.parse("2008-02-17"), recognizer=STATES[0], recognized=KOSOVO,
                   form=RecognitionForm.EXPRESS),
    RecognitionAct(on=When.parse("2008-02-18"), recognizer=STATES[1], recognized=KOSOVO,
                   form=RecognitionForm.EXPRESS),
    RecognitionAct(on=When.parse("2008"), recognizer=STATES[2], recognized=KOSOVO,
                   form=RecognitionForm.EXPRESS),
    RecognitionWithdrawal(on=When.parse("2018-11-07"), withdrawer=STATES[0], recognized=KOSOVO),
    RecognitionWithdrawal(on=When.parse("2020-03"), withdrawer=STATES[1], recognized=KOSOVO,
                          claimed_by=(STATES[3],)),
]  # fmt: skip


def markers(axes: Any, shape: str) -> list[Any]:
    return [line for line in axes.lines if line.get_marker() == shape]


class TestPlotRecognitions:
    """The recognition picture: counts, a band for uncertainty, withdrawals marked."""

    figure = plot_recognitions(RecognitionLedger.from_events(EVENTS), KOSOVO, until="2021")
    axes = figure.axes[0]

    def test_counts(self) -> None:
        """The line steps through the number of parties surely recognising."""
        (line,) = [line for line in self.axes.lines if line.get_marker() in ("None", "", None)]
        counts = list(line.get_ydata())
        assert counts[0] == 0
        assert max(counts) == 3  # once 2008, the year of the third recognition, is over
        assert counts[-1] == 1  # one withdrawal counted, one only claimed

    def test_band(self) -> None:
        """The band adds those who may recognise: in 2008, the third state (known to the year)."""
        (band,) = self.axes.collections
        top = max(vertex[1] for path in band.get_paths() for vertex in path.vertices)
        assert top == 3

    def test_withdrawals_marked(self) -> None:
        """One filled mark for the withdrawal, one hollow mark for the claim."""
        marks = markers(self.axes, "v")
        assert len(marks) == 2
        faces = sorted(str(mark.get_markerfacecolor()) for mark in marks)
        assert faces[1] == "white"
        texts = {text.get_text() for text in self.axes.texts}
        assert texts == {"State 0", "State 1"}

    def test_labels_and_png(self, tmp_path: Path) -> None:
        """The title names the entity; the figure saves as a PNG without any display."""
        assert self.axes.get_title() == "Recognitions of Kosovo"
        path = tmp_path / "kosovo.png"
        self.figure.savefig(path)
        assert path.read_bytes().startswith(b"\x89PNG")

    def test_events_and_axes(self) -> None:
        """Events instead of a ledger, an id instead of a party, and a given Axes work."""
        from matplotlib.figure import Figure

        axes = Figure().add_subplot()
        figure = plot_recognitions(EVENTS, "state:XKX", ax=axes, title="Kosovo")
        assert figure is axes.figure
        assert axes.get_title() == "Kosovo"

    def test_nothing_to_draw(self) -> None:
        """An entity nobody recognises gives a figure saying so."""
        figure = plot_recognitions(EVENTS, EVENTS[0].recognizer)
        assert figure.axes[0].texts[0].get_text() == "no recognition on record"

    def test_worked_example(self) -> None:
        """The Islamic Emirate: none, then Russia from 3 July 2025."""
        figure = plot_recognitions(example.EVENTS, example.ISLAMIC_EMIRATE)
        (line,) = figure.axes[0].lines
        counts = list(line.get_ydata())
        assert (counts[0], counts[-1]) == (0, 1)


class TestPlotEvents:
    """The event timeline: one row per event, dots for days and bars for windows."""

    def test_rows(self) -> None:
        """Each event since the given day has a labelled row with its date."""
        figure = plot_events(example.EVENTS, since="2021-01-01", title="The events")
        axes = figure.axes[0]
        labels = [tick.get_text() for tick in axes.get_yticklabels()]
        assert len(labels) == len(example.EVENTS) - 1  # the Soviet war ended in 1989
        assert "recognition act: Russia → Islamic Emirate of Afghanistan\n2025-07-03" in labels
        assert axes.get_title() == "The events"

    def test_dots_and_bars(self) -> None:
        """Events known to the day are dots; the others are bars."""
        events = [example.RECOGNITION, example.US_TALIBAN_MEETING, example.TAKEOVER]
        axes = plot_events(events).axes[0]
        assert len(markers(axes, "o")) == 1
        assert len(axes.patches) == 2

    def test_cut_windows(self) -> None:
        """A window reaching past the left edge is cut there, with an arrow at the edge."""
        ties = example.EVENTS[[e.TAG for e in example.EVENTS].index("diplomatic-ties")]
        axes = plot_events([ties, example.RECOGNITION], since="2024-01-01").axes[0]
        (arrow,) = markers(axes, "<")
        assert num(arrow.get_xdata()[0]) == axes.get_xlim()[0]

    def test_nothing(self) -> None:
        """No events give a figure saying so."""
        assert plot_events([]).axes[0].texts[0].get_text() == "no events"


def num(x: Any) -> float:
    """An x value as matplotlib's date number, whether given as a date or a number."""
    from matplotlib.dates import date2num

    return float(date2num(x)) if isinstance(x, datetime.date) else float(x)


def row_of(axes: Any, text: str) -> int:
    """The row whose label contains ``text``."""
    (row,) = [i for i, tick in enumerate(axes.get_yticklabels()) if text in tick.get_text()]
    return row


def x_extent(axes: Any, row: int) -> tuple[float, float]:
    """The first and last x (in matplotlib's date numbers) of the bars of one row."""
    bars = [bar for bar in axes.patches if abs(bar.get_y() + bar.get_height() / 2 - row) < 1e-9]
    assert bars
    return min(bar.get_x() for bar in bars), max(bar.get_x() + bar.get_width() for bar in bars)


def meeting(on: str) -> Meeting:
    return Meeting(on=When.parse(on), participants=(STATES[0], STATES[1]))


class TestOpenIntervals:
    """An open interval is drawn at its known end, with a short stub towards the open side."""

    axes = plot_events(example.EVENTS, since="2021-01-01").axes[0]

    def test_on_or_before_is_a_stub(self) -> None:
        """ "On or before 3 July 2025" does not run across the picture from its left edge."""
        row = row_of(self.axes, "envoy appointment")
        left, right = self.axes.get_xlim()
        first, last = x_extent(self.axes, row)
        assert first > left
        assert last - first < (right - left) / 10
        (dot,) = [m for m in markers(self.axes, "o") if list(m.get_ydata()) == [row]]
        assert dot.get_xdata()[0] == datetime.date(2025, 7, 3)
        (arrow,) = [m for m in markers(self.axes, "<") if list(m.get_ydata()) == [row]]
        assert num(arrow.get_xdata()[0]) == pytest.approx(first)

    def test_sorted_by_its_known_end(self) -> None:
        """Its row comes after the events of April 2025 and before those of 3 July 2025."""
        row = row_of(self.axes, "envoy appointment")
        labels = [tick.get_text() for tick in self.axes.get_yticklabels()]
        assert row == row_of(self.axes, "designation change") + 1
        assert labels[row + 1 :]
        assert all(label.endswith("\n2025-07-03") for label in labels[row + 1 :])

    def test_said_in_words(self) -> None:
        """The label reads "on or before", not EDTF's "../"."""
        label = self.axes.get_yticklabels()[row_of(self.axes, "envoy appointment")].get_text()
        assert label.endswith("\non or before 2025-07-03")

    def test_on_or_after(self) -> None:
        """An open end points right from its known start, and sorts there."""
        axes = plot_events([meeting("2024-06/.."), meeting("2025-01-01"), meeting("2023")]).axes[0]
        labels = [tick.get_text().split("\n")[-1] for tick in axes.get_yticklabels()]
        assert labels == ["2023", "on or after 2024-06", "2025-01-01"]
        (arrow,) = markers(axes, ">")
        assert list(arrow.get_ydata()) == [1]
        assert num(arrow.get_xdata()[0]) < axes.get_xlim()[1]

    def test_known_start_before_the_picture(self) -> None:
        """ "On or after April 1960" in a picture of 2020-2021 is an arrow at the left edge."""
        events = [meeting("1960-04/.."), meeting("2021-01-01"), meeting("2021-06")]
        axes = plot_events(events, since="2020-01-01").axes[0]
        assert all(bar.get_width() > 0 for bar in axes.patches)
        left = axes.get_xlim()[0]
        assert all(num(x) >= left for line in axes.lines for x in line.get_xdata())
        row = row_of(axes, "on or after 1960-04")
        assert [m.get_marker() for m in axes.lines if list(m.get_ydata()) == [row]] == ["<", ">"]


class TestNarrowWindows:
    """A window too short to see at the scale of the picture is marked with a diamond."""

    def test_month_over_seventy_years(self) -> None:
        """A month among events seventy years apart gets a diamond in that month."""
        axes = plot_events([meeting("1950-01-06"), meeting("2020-05"), meeting("2021")]).axes[0]
        (diamond,) = markers(axes, "D")
        assert list(diamond.get_ydata()) == [1]
        assert datetime.date(2020, 5, 1) <= diamond.get_xdata()[0] <= datetime.date(2020, 5, 31)

    def test_not_at_a_close_scale(self) -> None:
        """Over one year, a month is wide enough as a bar: no diamond."""
        axes = plot_events([meeting("2020-01-06"), meeting("2020-05"), meeting("2020")]).axes[0]
        assert markers(axes, "D") == []
        assert len(axes.patches) == 2


class TestLabels:
    """Row labels give the whole CAMEO label, less its catch-all "not specified below"."""

    def test_label_with_commas(self) -> None:
        """CAMEO 0841 is "Return, release person(s)", not "return"."""
        axes = plot_events([example.PRISONERS_RELEASED]).axes[0]
        assert axes.get_yticklabels()[0].get_text().startswith("return, release person(s):")

    def test_not_specified_below(self) -> None:
        """CAMEO 010 "Make statement, not specified below" reads "make statement"."""
        event = CodedEvent(on=When.parse("2025"), cameo="010", description="A statement.",
                           actor=STATES[0])  # fmt: skip
        axes = plot_events([event]).axes[0]
        assert axes.get_yticklabels()[0].get_text() == "make statement: State 0\n2025"

    def test_long_label_wraps(self) -> None:
        """A long label puts what happened and who on lines of their own."""
        axes = plot_events([example.RECOGNITION_EFFORTS]).axes[0]
        lines = axes.get_yticklabels()[0].get_text().split("\n")
        assert lines[0] == "appeal for diplomatic cooperation, such as policy support:"
        assert lines[1] == "Islamic Emirate of Afghanistan → United States"


CHINA = State(name="China", iso3="CHN")
PRC = Government(name="People's Republic of China", state=CHINA)
ROC = Government(name="Republic of China", state=CHINA)


def switch(on: str, away: Government, to: Government) -> RecognitionWithdrawal:
    return RecognitionWithdrawal(on=When.parse(on), withdrawer=STATES[0], recognized=away,
                                 kind=WithdrawalKind.SWITCH, in_favour_of=to)  # fmt: skip


def recognises(on: str, government: Government) -> RecognitionAct:
    return RecognitionAct(on=When.parse(on), recognizer=STATES[0], recognized=government,
                          form=RecognitionForm.EXPRESS)  # fmt: skip


class TestOneMarkPerWithdrawal:
    """Each withdrawal is marked once, however the ledger derives it."""

    def test_switch_then_withdrawal(self) -> None:
        """A switch to the rival and a later plain withdrawal: two marks, not three."""
        events = [
            recognises("1980-05-04", ROC),
            switch("2002-07-21", ROC, PRC),
            recognises("2005-05-14", ROC),
            RecognitionWithdrawal(on=When.parse("2010-01-01"), withdrawer=STATES[0],
                                  recognized=ROC),
        ]  # fmt: skip
        axes = plot_recognitions(events, ROC).axes[0]
        days = sorted(mark.get_xdata()[0] for mark in markers(axes, "v"))
        assert days == [datetime.date(2002, 7, 21), datetime.date(2010, 1, 1)]

    def test_switch_then_recognition_of_the_rival(self) -> None:
        """A switch announced on 15 January and the rival recognised on 24 January: one mark."""
        events = [recognises("1980-05-04", ROC), switch("2024-01-15", ROC, PRC),
                  recognises("2024-01-24", PRC)]  # fmt: skip
        axes = plot_recognitions(events, ROC).axes[0]
        (mark,) = markers(axes, "v")
        assert mark.get_xdata()[0] == datetime.date(2024, 1, 15)


class TestNoDisplay:
    """Plotting never imports pyplot or switches a backend."""

    def test_no_pyplot(self) -> None:
        """Drawing both pictures leaves pyplot unimported."""
        code = (
            "import sys\n"
            "from diplorec.examples.russia_taliban_2025 import EVENTS, ISLAMIC_EMIRATE\n"
            "from diplorec.plot import plot_events, plot_recognitions\n"
            "plot_recognitions(EVENTS, ISLAMIC_EMIRATE).savefig('/dev/null', format='png')\n"
            "plot_events(EVENTS).savefig('/dev/null', format='png')\n"
            "print('matplotlib.pyplot' in sys.modules)\n"
        )
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        assert result.stdout.strip() == "False"

    def test_missing_matplotlib(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without matplotlib, the error names the extra to install."""
        monkeypatch.setitem(sys.modules, "matplotlib.figure", None)
        with pytest.raises(ImportError, match=r'pip install "diplorec\[plot\]"'):
            plot_events(example.EVENTS)
