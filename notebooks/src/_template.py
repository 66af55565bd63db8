# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown] tags=["en"]
# # Step N — <English name>
#
# **Why this step matters to the client.** One paragraph in plain words: what decision the
# client's management takes with this step, and what goes wrong without it.
#
# **In this notebook we will:**
# 1. load the client's tables and check what is there;
# 2. <first analysis>;
# 3. <second analysis, with a widget to change a real decision>;
# 4. try it ourselves (📝 Your turn).

# %% [markdown] tags=["ru"]
# # Шаг N — <название по-русски>
#
# **Почему этот шаг важен клиенту.** Один абзац простыми словами: какое решение руководство
# клиента принимает на этом шаге и что идёт не так без него.
#
# **В этой тетради мы:**
# 1. загрузим таблицы клиента и проверим, что в них есть;
# 2. <первый анализ>;
# 3. <второй анализ, с виджетом, который меняет настоящее решение>;
# 4. попробуем сами (📝 Ваша очередь).

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

# %% [markdown] tags=["en"]
# ## 1. What data do we have?
#
# One sentence saying what we look at and why.

# %% [markdown] tags=["ru"]
# ## 1. Какие данные у нас есть?
#
# Одно предложение о том, на что мы смотрим и зачем.

# %%
folder

# %% [markdown] tags=["en"]
# Prose that *reads* the output, computed (the numbers come from the data):

# %% [markdown] tags=["ru"]
# Текст, который *читает* результат, рассчитанный (числа берутся из данных):

# %%
print(workbench.folder_summary(folder, language=language))  # illustrative: a computed sentence

# %% tags=["nbval-check-output"]
# ✅ check: small deterministic summary of this section (rounded numbers, sorted keys)
print(sorted(folder.tables))

# %% [markdown] tags=["en"]
# ## 2. <Analysis that needs the survey>
#
# Graceful degradation: a folder with only transactions must not crash. Guard every cell that
# needs an optional table with `workbench.needs(folder, "survey")`: it prints which table (and
# file) is missing, in the chosen language, and returns False.

# %% [markdown] tags=["ru"]
# ## 2. <Анализ, которому нужны анкеты>
#
# Папка только с продажами не должна ломать тетрадь. Каждую ячейку, которой нужна
# необязательная таблица, защищайте `workbench.needs(folder, "survey")`: она печатает на
# выбранном языке, какой таблицы (и файла) нет, и возвращает False.

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

# %% [markdown] tags=["en", "workshop-only"]
# ## 📝 Your turn
#
# An exercise for the workshop: "change X to Y and read how Z moves". The solution cells are
# tagged `solution`; `tools/make_exercises.py` removes them (and cuts code after `# solution`)
# to write `notebooks/exercises/`.

# %% [markdown] tags=["ru", "workshop-only"]
# ## 📝 Ваша очередь
#
# Упражнение для сессии: «поменяйте X на Y и прочитайте, как меняется Z». Ячейки решения
# помечены `solution`; `tools/make_exercises.py` удаляет их (и обрезает код после
# `# solution`), чтобы записать `notebooks/exercises/`.

# %% tags=["solution"]
print(round(threshold * 2, 2))

# %% [markdown] tags=["en", "workshop-only"]
# ## Control questions
#
# A few of the course's 43 control questions that fit this step, rendered in English, e.g.:
# - 22\. Which of the eight steps of client orientation do you use, and what gets in the way?

# %% [markdown] tags=["ru", "workshop-only"]
# ## Контрольные вопросы
#
# Несколько из 43 контрольных вопросов курса, подходящих к шагу, в исходной формулировке,
# например:
# - 22\. Какие из восьми шагов, составляющих технологию клиентоориентации, Вы используете и
#   какие проблемы при этом возникают?

# %% [markdown] tags=["en"]
# ## In this notebook we:
# - loaded …;
# - found that … (restate the decision, not the code);
# - next step: <link to the next notebook>.

# %% [markdown] tags=["ru"]
# ## В этой тетради мы:
# - загрузили …;
# - выяснили, что … (повторяем решение, а не код);
# - следующий шаг: <ссылка на следующую тетрадь>.

# %% tags=["nbval-ignore-output"]
print(workbench.versions())
