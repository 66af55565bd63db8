# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Workshop dashboard (клиентоориентация)
#
# Move the sliders and read the result: the same package functions as the step notebooks,
# without code. Served by `make dashboard` (Voila, localhost only).

# %% tags=["parameters"]
data_dir = "../data/samples"  # folder with the client's tables (env WORKBENCH_DATA overrides)
language = "en"  # "en" or "ru" (env WORKBENCH_LANGUAGE overrides)
asof = None  # observation end "YYYY-MM-DD"; None = last transaction date

# %% tags=["hide"]
import os

import matplotlib.pyplot as plt

import workbench
import workbench.widgets

data_dir = os.environ.get("WORKBENCH_DATA", data_dir)
language = os.environ.get("WORKBENCH_LANGUAGE", language)
workbench.set_language(language)
folder = workbench.load_folder(data_dir)
plt.rcParams["figure.figsize"] = (7, 4.5)

# %% [markdown]
# ## ABC-XYZ: who brings the money, and how steadily (step 4)

# %% tags=["nbval-ignore-output"]
abc_panel = workbench.widgets.abc_xyz_panel(folder.tables["transactions"], asof=asof,
                                            language=language)
abc_panel

# %% tags=["nbval-check-output"]
# ✅ check: the A class and the AX cell at the default thresholds
summary = abc_panel.result
print(int(summary.loc[summary["abc"] == "A", "clients"].sum()), int(summary.loc["AX", "clients"]))

# %% [markdown]
# ## Level of client orientation (УКОР): a self-assessment

# %% tags=["nbval-ignore-output"]
workbench.widgets.ukor_panel(language=language)
