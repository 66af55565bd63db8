# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Step N — <English name> (<Russian name, e.g. «расстановка приоритетов»>)
#
# **Why this step matters to the client.** One paragraph in plain words: what decision the
# client's management takes with this step, and what goes wrong without it.
#
# **In this notebook we will:**
# 1. load the client's tables and check what is there;
# 2. <first analysis>;
# 3. <second analysis, with a widget to change a real decision>;
# 4. try it ourselves (📝 Your turn).

# %% tags=["parameters"]
# Parameters: `workbench run` replaces these (data_dir becomes absolute).
data_dir = "../data/samples"  # folder with the client's tables
asof = None  # observation end "YYYY-MM-DD"; None = last transaction date
language = "en"  # "en" or "ru": plots, widgets and computed prose
mapping = None  # optional YAML/JSON column mapping for messy exports
out_dir = None  # where `workbench run` writes deliverables (unused in the workshop)
threshold = 0.5  # the step's own thresholds, each with a comment

# %% tags=["hide"]
import workbench
import workbench.widgets

workbench.set_language(language)
folder = workbench.load_folder(data_dir, mapping=mapping)

# %% [markdown]
# ## 1. What data do we have?
#
# One sentence saying what we look at and why.

# %%
folder

# %% [markdown]
# Prose that *reads* the output, computed (the numbers come from the data):

# %%
print(workbench.folder_summary(folder, language=language))  # illustrative: a computed sentence

# %% tags=["nbval-check-output"]
# ✅ check: small deterministic summary of this section (rounded numbers, sorted keys)
print(sorted(folder.tables))

# %% [markdown]
# ## 2. <Analysis that needs the survey>
#
# Graceful degradation: a folder with only transactions must not crash. Guard every cell that
# needs an optional table with `workbench.needs(folder, "survey")`: it prints which table (and
# file) is missing, in the chosen language, and returns False.

# %%
if workbench.needs(folder, "survey", language=language):
    survey = folder.tables["survey"]
    print(len(survey))

# %% tags=["nbval-ignore-output"]
# Widget: built by a tested workbench.widgets factory (pytest drives it without a browser).
panel = workbench.widgets.language_panel(language=language)
panel

# %% tags=["nbval-check-output"]
# ✅ check
print(round(threshold, 2))

# %% [markdown] tags=["workshop-only"]
# ## 📝 Your turn
#
# An exercise for the workshop: "change X to Y and read how Z moves". The solution cells are
# tagged `solution`; `tools/make_exercises.py` removes them (and cuts code after `# solution`)
# to write `notebooks/exercises/`.

# %% tags=["solution"]
print(round(threshold * 2, 2))

# %% [markdown] tags=["workshop-only"]
# ## Control questions (контрольные вопросы)
#
# A few of the course's 43 control questions that fit this step, in Russian with a short
# English gloss, e.g.:
# - 22. Какие из восьми шагов, составляющих технологию клиентоориентации, Вы используете и
#   какие проблемы при этом возникают? (Which of the eight steps do you use, and what gets in
#   the way?)

# %% [markdown]
# ## In this notebook we:
# - loaded …;
# - found that … (restate the decision, not the code);
# - next step: <link to the next notebook>.

# %% tags=["nbval-ignore-output"]
print(workbench.versions())
