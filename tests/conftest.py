"""Shared fixtures: close figures after each test, fixed seeds."""

from __future__ import annotations

import os

import numpy as np
import pytest

os.environ.setdefault("MPLBACKEND", "Agg")


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    import sys

    if "matplotlib.pyplot" in sys.modules:
        import matplotlib.pyplot as plt

        plt.close("all")


@pytest.fixture(autouse=True)
def _language_and_currency():
    """Each test starts in English with no currency (loading a folder sets its currency)."""
    yield
    from workbench import i18n

    i18n.set_language("en")
    i18n.set_currency(None)


@pytest.fixture
def rng():
    return np.random.default_rng(0)
