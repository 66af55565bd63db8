# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% tags=["parameters"]
# The workshop dashboard, served by `make dashboard` (Voila, localhost only): one tab per step
# with that step's decisions and a "Save this decision" button that writes into the client's
# workshop file. Every text it shows comes from the package in the audience's language, so
# this notebook has no prose of its own.
data_dir = "../data/samples"  # the client's folder: tables + workshop file (env WORKBENCH_DATA overrides)
language = "en"  # "en" or "ru" (env WORKBENCH_LANGUAGE overrides)
asof = None  # observation end "YYYY-MM-DD"; None = last transaction date
out_dir = "reports"  # where step 7 writes the deliverables when asked (env WORKBENCH_OUT overrides)

# %% tags=["hide"]
import os

import matplotlib.pyplot as plt
from IPython import get_ipython

import workbench
import workbench.widgets

get_ipython().run_line_magic("matplotlib", "inline")  # plots in the panels, whatever MPLBACKEND says

data_dir = os.environ.get("WORKBENCH_DATA", data_dir)
language = os.environ.get("WORKBENCH_LANGUAGE", language)
out_dir = os.environ.get("WORKBENCH_OUT", out_dir)
workbench.set_language(language)
plt.rcParams["figure.figsize"] = (7, 4.5)

# %% tags=["nbval-ignore-output"]
board = workbench.widgets.dashboard(data_dir, language=language, asof=asof, out_dir=out_dir)
board

# %%
# check (silent in the room): the first page was built from this folder without an error
assert not board.errors, board.errors
assert list(board.panels) == [0] and "load" in board.panels[0]
