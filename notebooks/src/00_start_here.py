# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Start here — the method and the data (клиентоориентация: восемь шагов)
#
# **Why this matters to the client.** Client orientation (клиентоориентация) is not a slogan:
# it is a sequence of eight concrete steps, from finding out what clients expect to setting up
# the channel that tells us whether we delivered. Every step is a decision the management takes
# — which expectations to meet first, which clients to fight for, what to offer them, what it
# is worth. The workbench lets us take these decisions on the company's *own* data, in the
# room, with numbers everyone can check.
#
# **In this notebook we will:**
# 1. see the method in one page: the eight steps and the notebook for each;
# 2. see which tables the workbench expects, and which columns are required;
# 3. load a messy raw export from the accounting system (1C) with a column mapping, and read
#    the load report: what was kept, what was rejected and why;
# 4. load the whole data folder and check which steps it can feed.

# %% tags=["parameters"]
# Parameters: `workbench run` replaces these (data_dir becomes absolute).
data_dir = "../data/samples"  # folder with the client's tables
asof = None  # observation end "YYYY-MM-DD"; None = last transaction date
language = "en"  # "en" or "ru": tables, widgets and computed prose
mapping = None  # optional YAML/JSON column mapping for the client's exports
out_dir = None  # where `workbench run` writes deliverables (unused here)
raw_export = "../data/samples/raw/transactions_1c_export.csv"  # a messy export to practise on
raw_mapping = "../data/samples/raw/mapping.yml"  # its column mapping

# %% tags=["hide"]
from pathlib import Path

import pandas as pd
from IPython.display import display

import workbench
import workbench.widgets

workbench.set_language(language)
pd.set_option("display.max_colwidth", 80)

# %% [markdown]
# ## 1. The method in one page
#
# The technology of client orientation (технология клиентоориентации) has eight steps. Each
# has its own notebook; each notebook ends with data-backed decisions that feed the next step.
# Step 7 (packaging, упаковка и вручение) produces the deliverables: the action lists for the
# sales team (`actions.xlsx`), the client scores (`scores.csv`) and one report (`report.html`).

# %%
steps = workbench.steps_table(language=language)
steps

# %% [markdown]
# Two ideas run through all eight steps. First, **the client decides**: only the key client's
# opinion says whether we are client-oriented, so we measure expectations and perceptions, not
# our own beliefs. Second, **clients are not equal**: the loyalty ladder (лестница
# приверженности), ABC-XYZ and churn risk tell us where an effort pays off — "стоит ли
# овчинка выделки?".

# %% tags=["nbval-check-output"]
# ✅ check: eight steps, one notebook each
print(len(steps), list(steps.iloc[:, 2]))

# %% [markdown]
# ## 2. The data the workbench expects
#
# Five tables, each a CSV/Excel/Parquet file in one folder. Only **transactions** is needed
# for most steps; the survey feeds steps 1–3 and the feedback log step 8. Required columns
# are marked; everything else is optional and unlocks more analysis (for example `cost` gives
# profit = sales − costs).

# %%
model = workbench.data_model_table(language=language)
model

# %% [markdown]
# A client's export rarely uses these names. A **mapping** (source column → canonical column)
# fixes that without touching the file: raw data is read, never rewritten.

# %% tags=["nbval-check-output"]
# ✅ check: required columns per table
from workbench.schema import TABLES

print({name: list(spec.required) for name, spec in TABLES.items()})

# %% [markdown]
# ## 3. Loading a messy export from the accounting system
#
# This is what a transactions export from 1C typically looks like: Windows-1251 encoding,
# semicolons, decimal commas, Russian headers, dates as dd.mm.yyyy — and a few broken rows.

# %%
raw_path = Path(raw_export)
if raw_path.exists():
    print("".join(raw_path.read_bytes().decode("cp1251", errors="replace").splitlines(True)[:6]))
else:
    print(f"{raw_path.name} not found: this part shows the sample's raw export only.")

# %% [markdown]
# The mapping file tells the loader which column is which:

# %%
if Path(raw_mapping).exists():
    print(Path(raw_mapping).read_text(encoding="utf-8"))

# %% [markdown]
# We load it with `workbench.load_transactions(path, mapping=...)`. The loader detects the
# encoding, the delimiter, the decimal mark and the date format itself, and returns the clean
# table together with a **load report**. Nothing is dropped silently: every rejected row is
# kept in the report, with its row number in the file and the reason.

# %%
if raw_path.exists():
    raw_tx, raw_report = workbench.load_transactions(raw_export, mapping=raw_mapping)
    print(workbench.describe_load(raw_report, language=language, name=raw_path.name))

# %% [markdown]
# The rows the loader refused, with the reason for each. These go back to whoever owns the
# source system: fixing them at the source fixes every future export.

# %%
if raw_path.exists():
    display(raw_report.rejected.head(10))

# %% [markdown]
# And the first rows of the clean, canonical table:

# %%
if raw_path.exists():
    display(raw_tx.head())

# %% tags=["nbval-check-output"]
# ✅ check: rows read = rows kept + rows rejected (nothing lost)
if raw_path.exists():
    print(raw_report.rows_read, raw_report.rows_kept, len(raw_report.rejected),
          raw_report.rows_read == raw_report.rows_kept + len(raw_report.rejected))
    print(raw_tx.dtypes.astype(str).to_dict())

# %% [markdown]
# ## 4. The whole data folder
#
# `workbench.load_folder` loads every canonical table it finds in the folder, with one load
# report each, and lists what is missing. The step notebooks start this way.

# %%
folder = workbench.load_folder(data_dir, mapping=mapping)
print(workbench.describe_folder(folder, language=language))

# %% [markdown]
# Pick a table to read its load report (a widget you can use live with the client):

# %% tags=["nbval-ignore-output"]
panel = workbench.widgets.load_report_panel(folder, language=language)
panel

# %% [markdown]
# When a table is missing, a step says what it needs and goes on with what it can do. For
# example, steps 1–3 need the survey:

# %%
if workbench.needs(folder, "survey", language=language):
    survey = folder.tables["survey"]
    print(survey["respondent_id"].nunique(), survey["attribute"].nunique())

# %% tags=["nbval-check-output"]
# ✅ check: tables found and their row counts
print({name: len(frame) for name, frame in sorted(folder.tables.items())})
print(sorted(folder.missing))

# %% [markdown] tags=["workshop-only"]
# ## 📝 Your turn
#
# Which column caused the most rejected rows of the raw export? Count the rejected rows by
# column (hint: `raw_report.rejected` is a DataFrame with a `column` and a `reason` for each
# row), then compare with `raw_report.rejected_by_reason(language)`.

# %% tags=["solution"]
if raw_path.exists():
    print(raw_report.rejected["column"].value_counts().to_dict())
    print(raw_report.rejected_by_reason(language).to_dict())

# %% [markdown] tags=["workshop-only"]
# ## Control questions (контрольные вопросы)
#
# - 1\. Когда не нужна клиентоориентация? Приведите примеры. (When is client orientation *not*
#   needed?)
# - 22\. Какие из восьми шагов, составляющих технологию клиентоориентации, Вы используете и
#   какие проблемы при этом возникают? (Which of the eight steps do you already use, and what
#   gets in the way?)
# - 35\. Основные требования к информации, способы ее сбора, интерпретации, использования.
#   (What must information satisfy, and how do we collect, interpret and use it?)

# %% [markdown]
# ## In this notebook we:
# - saw the eight steps of client orientation and the notebook for each;
# - saw the five tables the workbench reads, and that only transactions are required;
# - loaded a raw 1C export with a mapping and read its load report: every row is accounted
#   for, and the rejected rows say what to fix at the source;
# - loaded the whole folder. Next: `01_expectations` — what do our clients expect?

# %% tags=["nbval-ignore-output"]
print(workbench.versions())
