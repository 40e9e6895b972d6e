"""Timeline pictures: recognitions over time with uncertainty bands, and event timelines."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from diplorec import RecognitionAct, RecognitionForm, RecognitionWithdrawal, State, When
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
        """A window reaching past the left edge is cut there, with an arrow."""
        axes = plot_events([example.APPOINTMENT, example.RECOGNITION]).axes[0]
        assert len(markers(axes, "<")) == 1

    def test_nothing(self) -> None:
        """No events give a figure saying so."""
        assert plot_events([]).axes[0].texts[0].get_text() == "no events"


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
