# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown] tags=["en"]
# # Start here — the method and the data (client orientation in eight steps)
#
# **Why this matters to the client.** Client orientation is not a slogan: it is a sequence of
# eight concrete steps, from finding out what clients expect to setting up the channel that
# tells us whether we delivered. Every step is a decision the management takes — which
# expectations to meet first, which clients to fight for, what to offer them, what it is worth.
# The workbench lets us take these decisions on the company's *own* data, in the room, with
# numbers everyone can check.
#
# **In this notebook we will:**
# 1. see the method in one page: the eight steps and the notebook for each;
# 2. see which tables the workbench expects, and which columns are required;
# 3. load a messy raw export from the accounting system (1C) with a column mapping, and read
#    the load report: what was kept, what was rejected and why;
# 4. load the whole data folder and check which steps it can feed.

# %% [markdown] tags=["ru"]
# # С чего начать — метод и данные (клиентоориентация: восемь шагов)
#
# **Почему это важно клиенту.** Клиентоориентация — не лозунг, а последовательность из восьми
# конкретных шагов: от выявления ожиданий клиентов до канала обратной связи, который покажет,
# оправдали ли мы их. Каждый шаг — это решение руководства: какие ожидания выполнять в первую
# очередь, за каких клиентов бороться, что им предложить и чего это стоит. Рабочая среда
# позволяет принимать эти решения на *собственных* данных компании, прямо на сессии, по цифрам,
# которые может проверить каждый.
#
# **В этой тетради мы:**
# 1. увидим метод на одной странице: восемь шагов и тетрадь для каждого;
# 2. посмотрим, какие таблицы нужны рабочей среде и какие столбцы в них обязательны;
# 3. загрузим «грязную» выгрузку из учётной системы (1С) с помощью сопоставления столбцов и
#    прочитаем отчёт о загрузке: что принято, что отклонено и почему;
# 4. загрузим всю папку с данными и проверим, для каких шагов её хватает.

# %% tags=["parameters"]
# Parameters: `workbench run` replaces these (data_dir becomes absolute).
data_dir = "../data/samples"  # folder with the client's tables
asof = None  # observation end "YYYY-MM-DD"; None = last transaction date
language = "en"  # "en" or "ru": tables, widgets and computed prose
mapping = None  # optional YAML/JSON column mapping for the client's exports
out_dir = None  # where `workbench run` writes deliverables (unused here)
raw_export = None  # a raw export to practise on; None = raw/*.csv of the data folder, if any
raw_mapping = None  # its column mapping; None = raw/mapping.yml of the data folder, if any

# %% tags=["hide"]
from pathlib import Path

import pandas as pd
from IPython.display import display

import workbench
import workbench.widgets

workbench.set_language(language)
pd.set_option("display.max_colwidth", 80)
raw_dir = Path(data_dir) / "raw"  # the folder's own raw exports (the sample ships one)
raw_files = sorted(raw_dir.glob("*.csv")) if raw_dir.is_dir() else []
raw_path = Path(raw_export) if raw_export is not None else (raw_files[0] if raw_files else None)
if raw_mapping is None and (raw_dir / "mapping.yml").exists():
    raw_mapping = str(raw_dir / "mapping.yml")
has_raw = raw_path is not None and raw_path.exists()

# %% [markdown] tags=["en"]
# ## 1. The method in one page
#
# The technology of client orientation has eight steps. Each has its own notebook; each
# notebook ends with data-backed decisions that feed the next step. Step 7 (packaging and
# handing over) produces the deliverables: the action lists for the sales team
# (`actions.xlsx`), the client scores (`scores.csv`) and one report (`report.html`).

# %% [markdown] tags=["ru"]
# ## 1. Метод на одной странице
#
# Технология клиентоориентации состоит из восьми шагов. У каждого своя тетрадь; каждая тетрадь
# заканчивается решениями, основанными на данных, и они переходят в следующий шаг. Шаг 7
# (упаковка и вручение) выпускает результаты: списки действий для отдела продаж
# (`actions.xlsx`), оценки клиентов (`scores.csv`) и один отчёт (`report.html`).

# %%
steps = workbench.steps_table(language=language)
steps

# %% [markdown] tags=["en"]
# Two ideas run through all eight steps. First, **the client decides**: only the key client's
# opinion says whether we are client-oriented, so we measure expectations and perceptions, not
# our own beliefs. Second, **clients are not equal**: the loyalty ladder, ABC-XYZ and churn
# risk tell us where an effort pays off — is the game worth the candle?

# %% [markdown] tags=["ru"]
# Через все восемь шагов проходят две идеи. Первая: **решает клиент** — только мнение ключевого
# клиента говорит, клиентоориентированы ли мы, поэтому мы измеряем ожидания и восприятие
# клиентов, а не собственные убеждения. Вторая: **клиенты не равны** — лестница
# приверженности, ABC-XYZ и риск ухода показывают, где усилия окупаются: «стоит ли овчинка
# выделки?».

# %% tags=["nbval-check-output"]
# ✅ check: eight steps, one notebook each
print(len(steps), list(steps.iloc[:, 1]))

# %% [markdown] tags=["en"]
# ## 2. The data the workbench expects
#
# Five tables, each a CSV/Excel/Parquet file in one folder. Only **transactions** is needed
# for most steps; the survey feeds steps 1–3 and the feedback log step 8. Required columns
# are marked; everything else is optional and unlocks more analysis (for example `cost` gives
# profit = sales − costs).

# %% [markdown] tags=["ru"]
# ## 2. Какие данные нужны рабочей среде
#
# Пять таблиц, каждая — файл CSV, Excel или Parquet в одной папке. Для большинства шагов
# достаточно **продаж** (transactions); анкеты питают шаги 1–3, журнал обратной связи — шаг 8.
# Обязательные столбцы отмечены; остальные необязательны и открывают дополнительный анализ
# (например, `cost` даёт прибыль = продажи − затраты).

# %%
model = workbench.data_model_table(language=language)
model

# %% [markdown] tags=["en"]
# A client's export rarely uses these names. A **mapping** (source column → canonical column)
# fixes that without touching the file: raw data is read, never rewritten.

# %% [markdown] tags=["ru"]
# В выгрузке клиента столбцы почти никогда не называются так. **Сопоставление** (столбец
# источника → стандартный столбец) решает это, не трогая файл: исходные данные только читаются
# и никогда не переписываются.

# %% tags=["nbval-check-output"]
# ✅ check: required columns per table
from workbench.schema import TABLES

print({name: list(spec.required) for name, spec in TABLES.items()})

# %% [markdown] tags=["en"]
# ## 3. Loading a raw export from the accounting system
#
# When the data folder holds raw exports (a `raw/` subfolder), this section shows how the
# loader reads one. A transactions export from 1C typically comes in Windows-1251 encoding,
# with semicolons, decimal commas, Russian headers, dates as dd.mm.yyyy — and a few broken
# rows. Here are its first lines:

# %% [markdown] tags=["ru"]
# ## 3. Загрузка исходной выгрузки из учётной системы
#
# Если в папке с данными есть исходные выгрузки (подпапка `raw/`), этот раздел показывает, как
# загрузчик читает одну из них. Выгрузка продаж из 1С обычно приходит в кодировке
# Windows-1251, с точкой с запятой в качестве разделителя, десятичной запятой, русскими
# заголовками, датами вида дд.мм.гггг — и несколькими испорченными строками. Вот её первые
# строки:

# %%
if has_raw:
    print("".join(raw_path.read_bytes().decode("cp1251", errors="replace").splitlines(True)[:6]))

# %% [markdown] tags=["en"]
# The mapping file tells the loader which column is which:

# %% [markdown] tags=["ru"]
# Файл сопоставления говорит загрузчику, какой столбец чем является:

# %%
if has_raw and raw_mapping is not None:
    print(Path(raw_mapping).read_text(encoding="utf-8"))

# %% [markdown] tags=["en"]
# We load it with `workbench.load_transactions(path, mapping=...)`. The loader detects the
# encoding, the delimiter, the decimal mark and the date format itself, and returns the clean
# table together with a **load report**. Nothing is dropped silently: every rejected row is
# kept in the report, with its row number in the file and the reason.

# %% [markdown] tags=["ru"]
# Загружаем её функцией `workbench.load_transactions(path, mapping=...)`. Загрузчик сам
# определяет кодировку, разделитель, десятичный знак и формат дат и возвращает чистую таблицу
# вместе с **отчётом о загрузке**. Ничего не пропадает молча: каждая отклонённая строка
# остаётся в отчёте, с номером строки в файле и причиной.

# %%
if has_raw:
    raw_tx, raw_report = workbench.load_transactions(raw_path, mapping=raw_mapping)
    print(workbench.describe_load(raw_report, language=language, name=raw_path.name))

# %% [markdown] tags=["en"]
# The rows the loader refused, with the reason for each. These go back to whoever owns the
# source system: fixing them at the source fixes every future export.

# %% [markdown] tags=["ru"]
# Строки, которые загрузчик отклонил, и причина для каждой. Их стоит вернуть владельцу
# исходной системы: исправление в источнике исправит и все будущие выгрузки.

# %%
if has_raw:
    display(workbench.format_rejected(raw_report, language, rows=10))

# %% [markdown] tags=["en"]
# And the first rows of the clean, canonical table:

# %% [markdown] tags=["ru"]
# И первые строки чистой стандартной таблицы:

# %%
if has_raw:
    display(raw_tx.head())

# %% tags=["nbval-check-output"]
# ✅ check: rows read = rows kept + rows rejected (nothing lost)
if has_raw:
    print(raw_report.rows_read, raw_report.rows_kept, len(raw_report.rejected),
          raw_report.rows_read == raw_report.rows_kept + len(raw_report.rejected))
    print(raw_tx.dtypes.astype(str).to_dict())

# %% [markdown] tags=["en"]
# ## 4. The client's data folder
#
# `workbench.load_folder` loads every canonical table it finds in the folder, with one load
# report each, and lists what is missing. The step notebooks start this way.

# %% [markdown] tags=["ru"]
# ## 4. Папка с данными клиента
#
# `workbench.load_folder` загружает все стандартные таблицы, которые находит в папке, с
# отчётом о загрузке для каждой, и перечисляет, чего не хватает. Так начинается каждая тетрадь
# шагов.

# %%
folder = workbench.load_folder(data_dir, mapping=mapping)
print(workbench.describe_folder(folder, language=language))

# %% [markdown] tags=["en"]
# The folder's **data passport**: the period and size of the client base, which tables and which
# workshop inputs (the `workshop.yml` file of the folder) are there — and therefore which steps
# can run today and what each of the others still needs.

# %% [markdown] tags=["ru"]
# **Паспорт данных** папки: период и размер клиентской базы, какие таблицы и какие данные сессии
# (файл `workshop.yml` в папке) есть — а значит, какие шаги можно пройти уже сегодня и чего
# не хватает остальным.

# %%
passport = workbench.data_passport(folder)
print(workbench.describe_passport(passport, language=language))
display(workbench.format_passport(passport, language=language))

# %% [markdown] tags=["en"]
# Pick a table to read its load report (a widget you can use live with the client):

# %% [markdown] tags=["ru"]
# Выберите таблицу, чтобы прочитать её отчёт о загрузке (виджет для работы вместе с клиентом):

# %% tags=["nbval-ignore-output"]
panel = workbench.widgets.load_report_panel(folder, language=language)
panel

# %% [markdown] tags=["en"]
# When a table is missing, a step says what it needs and goes on with what it can do. For
# example, steps 1–3 need the survey:

# %% [markdown] tags=["ru"]
# Если какой-то таблицы нет, шаг говорит, что ему нужно, и делает то, что может. Например,
# шагам 1–3 нужны анкеты:

# %%
if workbench.needs(folder, "survey", language=language):
    survey = folder.tables["survey"]
    print(survey["respondent_id"].nunique(), survey["attribute"].nunique())

# %% tags=["nbval-check-output"]
# ✅ check: tables found and their row counts
print({name: len(frame) for name, frame in sorted(folder.tables.items())})
print(sorted(folder.missing))

# %% [markdown] tags=["en", "workshop-only"]
# ## 📝 Your turn
#
# Which column caused the most rejected rows of the raw export? Count the rejected rows by
# column (hint: `raw_report.rejected` is a DataFrame with a `column` and a `reason` for each
# row), then compare with `raw_report.rejected_by_reason(language)`.

# %% [markdown] tags=["ru", "workshop-only"]
# ## 📝 Ваша очередь
#
# Какой столбец дал больше всего отклонённых строк исходной выгрузки? Посчитайте отклонённые
# строки по столбцам (подсказка: `raw_report.rejected` — таблица, где для каждой строки указаны
# `column` и `reason`), затем сравните с `raw_report.rejected_by_reason(language)`.

# %% tags=["solution"]
if has_raw:
    print(raw_report.rejected["column"].value_counts().to_dict())
    print(raw_report.rejected_by_reason(language).to_dict())

# %% [markdown] tags=["en", "workshop-only"]
# ## Control questions
#
# The course closes with 43 control questions, each tied to one of the eight steps: every step's
# notebook ends with its own, and the room's answers go into the workshop file
# (`control_questions:`, by number). The report prints all 43 with their answers in its
# appendix. How far the room has got:

# %% [markdown] tags=["ru", "workshop-only"]
# ## Контрольные вопросы
#
# Курс завершается 43 контрольными вопросами, каждый относится к одному из восьми шагов: каждая
# тетрадь шага заканчивается своими вопросами, а ответы участников записываются в файл воркшопа
# (`control_questions:`, по номеру). Отчёт печатает все 43 с ответами в приложении. Сколько уже
# обсудили:

# %% tags=["workshop-only"]
print(workbench.describe_control_questions(
    workbench.survey.control_checklist(folder.workshop), language))

# %% [markdown] tags=["en"]
# ## In this notebook we:
# - saw the eight steps of client orientation and the notebook for each;
# - saw the five tables the workbench reads, and that only transactions are required;
# - loaded a raw export with a mapping and read its load report: every row is accounted
#   for, and the rejected rows say what to fix at the source;
# - loaded the client's folder. Next: `01_expectations` — what do our clients expect?

# %% [markdown] tags=["ru"]
# ## В этой тетради мы:
# - увидели восемь шагов клиентоориентации и тетрадь для каждого;
# - увидели пять таблиц, которые читает рабочая среда, и что обязательны только продажи;
# - загрузили исходную выгрузку с сопоставлением столбцов и прочитали отчёт о загрузке: каждая
#   строка учтена, а отклонённые строки говорят, что исправить в источнике;
# - загрузили папку клиента. Дальше: `01_expectations` — чего ждут наши клиенты?

# %% tags=["nbval-ignore-output"]
print(workbench.versions())
