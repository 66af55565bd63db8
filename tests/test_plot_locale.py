"""Numbers on the plots are written in the language's marks (issue 11 §4)."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from workbench.plotting import plot_expectation_ladder  # noqa: E402
from workbench.plotting._base import LocaleFormatter, localized  # noqa: E402


def _ticks(axis):
    axis.figure.canvas.draw()
    return [t.get_text() for t in axis.get_ticklabels() if t.get_text()]


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def test_the_formatter_keeps_matplotlibs_decimals_in_the_languages_marks():
    fig, ax = plt.subplots()
    ax.plot([0, 1], [-0.5, 2500])
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(LocaleFormatter("ru"))
    ax.yaxis.set_major_formatter(LocaleFormatter("en"))
    assert _ticks(ax.xaxis) == ["0,0", "0,2", "0,4", "0,6", "0,8", "1,0"]
    assert "2,500" in _ticks(ax.yaxis) and "0" in _ticks(ax.yaxis)
    fig2, ax2 = plt.subplots()
    ax2.plot([0, 1], [-5000, 20000])
    ax2.yaxis.set_major_formatter(LocaleFormatter("ru"))
    ticks = _ticks(ax2.yaxis)
    assert "−5\xa0000" in ticks and "20\xa0000" in ticks


def test_a_localized_plot_writes_every_default_axis_in_the_language_of_the_call():
    @localized
    def plot_line(values, ax=None, language=None):
        ax = ax or plt.subplots()[1]
        ax.plot(values, [v / 10 for v in values])
        return ax

    ax = plot_line([0, 1, 2, 3], language="ru")
    assert all("." not in t for t in _ticks(ax.yaxis)) and any("," in t for t in _ticks(ax.yaxis))
    ax = plot_line([0, 1, 2, 3], language="en")
    assert any("." in t for t in _ticks(ax.yaxis))


def test_share_axes_read_as_percents():
    summary = pd.DataFrame({"share": [0.45, 0.34, 0.21]},
                           index=pd.Index(["disappointed", "satisfied", "delighted"]))
    ax = plot_expectation_ladder(summary, language="ru")
    assert _ticks(ax.xaxis)[:3] == ["0\xa0%", "20\xa0%", "40\xa0%"]
    assert " 45\xa0%" in [t.get_text() for t in ax.texts]
