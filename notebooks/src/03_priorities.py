# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown] tags=["en"]
# # Step 3 — Setting priorities and weighing our own resources
#
# **Why this step matters to the client.** Steps 1–2 produced a long list of things clients
# would like better. No company can fix everything at once: money, people and management
# attention are limited, and the company has expectations of its own (it must earn on the
# relationship too). This step decides *what to do first*: where clients care most and we
# perform worst, where we can save effort, and which concrete improvement actions give the
# most effect for the budget management is ready to spend. Without it, effort goes to the
# loudest request or to what the company already does well.
#
# **In this notebook we will:**
# 1. place every attribute on the importance–performance matrix (IPA) and read the four
#    quadrants: concentrate here / keep up the good work / low priority / possible overkill;
# 2. look at the quadrants per segment and for another cross-hair — and choose the view that
#    drives the plan;
# 3. list candidate improvement actions with their cost and expected effect (workshop input);
# 4. choose the best set of actions within a budget, and read the trade-off curve;
# 5. choose the budget: the decision of this step;
# 6. try it ourselves (📝 Your turn).

# %% [markdown] tags=["ru"]
# # Шаг 3 — Расстановка приоритетов, оценка собственных ресурсов
#
# **Почему этот шаг важен клиенту.** Шаги 1–2 дали длинный список того, что клиенты хотели бы
# видеть лучше. Ни одна компания не исправит всё сразу: деньги, люди и внимание руководства
# ограничены, а у компании есть и собственные ожидания (она тоже должна зарабатывать на
# отношениях с клиентом). Этот шаг решает, *что делать в первую очередь*: где клиентам важнее
# всего, а мы слабее всего, где можно сэкономить усилия и какие конкретные действия по улучшению
# дают наибольший эффект в рамках бюджета, который руководство готово потратить. Без него
# усилия уходят на самую громкую просьбу или на то, что компания и так делает хорошо.
#
# **В этой тетради мы:**
# 1. разместим каждый параметр на матрице «важность — исполнение» (IPA) и прочитаем четыре
#    квадранта: сосредоточиться здесь / поддерживать уровень / низкий приоритет / возможный
#    избыток;
# 2. посмотрим на квадранты по сегментам и при другом перекрестии — и выберем вид, по которому
#    строится план;
# 3. перечислим возможные действия по улучшению с их стоимостью и ожидаемым эффектом (данные
#    сессии);
# 4. выберем лучший набор действий в рамках бюджета и прочитаем кривую компромисса;
# 5. выберем бюджет: это решение шага;
# 6. попробуем сами (📝 Ваша очередь).

# %% tags=["parameters"]
# Parameters: `workbench run` replaces these (data_dir becomes absolute).
data_dir = "../data/samples"  # folder with the client's tables
asof = None  # observation end "YYYY-MM-DD"; None = last transaction date (unused here)
language = "en"  # "en" or "ru": plots, widgets and computed prose
mapping = None  # optional YAML/JSON column mapping for messy exports
out_dir = None  # where `workbench run` writes deliverables (unused in the workshop)
crosshair = "mean"  # where the IPA quadrant lines cross: "mean", "median" or (importance, performance)
segment_column = "segment"  # column of the customers table that defines the segments
focus_segment = None  # None = plan for all respondents; or one value of the segment column
budget = None  # what we can spend this year, in the unit of the action costs (None: plan.budget of the workshop file)
weight = "importance"  # "none": effect as given; "importance": x importance; "gap": x shortfall

# %% tags=["hide"]
import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import display

import workbench
import workbench.plotting
import workbench.widgets

workbench.set_language(language)
folder = workbench.load_folder(data_dir, mapping=mapping)
workshop = folder.workshop  # the client's workshop file (workshop.yml); empty when there is none
if budget is None:
    budget = workshop.get("plan.budget")
segments = None
if "customers" in folder.tables and segment_column in folder.tables["customers"].columns:
    segments = folder.tables["customers"].set_index("customer_id")[segment_column]

# %%
# one banner names every input this step lacks; the sections that need one skip in silence
banner = workbench.missing_banner(folder, 3, language=language)
if banner:
    print(banner)

# %% [markdown] tags=["en"]
# ## 1. Importance against performance: the four quadrants
#
# Each attribute gets two numbers from the survey: how *important* it is to clients and how
# well we *perform* on it (means, 1–5). The cross-hair (by default the mean of the attribute
# means) splits them into four quadrants:
# **concentrate here** (important, weak — spend here first), **keep up the good work**
# (important, strong — do not cut), **low priority** (weak, but matters little) and
# **possible overkill** (strong on what clients barely care about — resources may move from
# here).

# %% [markdown] tags=["ru"]
# ## 1. Важность против исполнения: четыре квадранта
#
# Каждый параметр получает из анкет два числа: насколько он *важен* клиентам и насколько хорошо
# мы его *исполняем* (средние, 1–5). Перекрестие (по умолчанию среднее из средних по
# параметрам) делит их на четыре квадранта: **сосредоточиться здесь** (важно, но слабо —
# тратить сюда в первую очередь), **поддерживать уровень** (важно и сильно — не сокращать),
# **низкий приоритет** (слабо, но значит мало) и **возможный избыток** (сильны в том, что
# клиентам почти безразлично, — ресурсы можно перенести отсюда).

# %%
if workbench.needs(folder, "survey", language=language):
    survey = folder.tables["survey"]
    ipa = workbench.importance_performance(survey, crosshair=crosshair)
    display(workbench.format_importance_performance(ipa, language=language))

# %% tags=["nbval-ignore-output"]
if workbench.needs(folder, "survey", language=language):
    workbench.plotting.plot_ipa(ipa, language=language, intervals=True)
    plt.show()

# %% [markdown] tags=["en"]
# Read aloud:

# %% [markdown] tags=["ru"]
# Читаем вслух:

# %%
if workbench.needs(folder, "survey", language=language):
    print(workbench.describe_importance_performance(ipa, language=language))

# %% [markdown] tags=["en"]
# The quadrants are *relative*: with a mean cross-hair some attribute always lands in each
# half. The error bars are the confidence intervals — an attribute whose bars cross a line is
# not reliably on either side.

# %% [markdown] tags=["ru"]
# Квадранты *относительны*: при перекрестии по среднему какой-то параметр всегда окажется в
# каждой половине. Отрезки погрешности — доверительные интервалы: параметр, чей отрезок
# пересекает линию, надёжно не относится ни к одной из сторон.

# %% tags=["nbval-check-output"]
# ✅ check: quadrant per attribute and the cross-hair
if workbench.needs(folder, "survey", language=language):
    print(ipa["quadrant"].sort_index().to_dict())
    print(round(float(ipa["crosshair_importance"].iloc[0]), 2),
          round(float(ipa["crosshair_performance"].iloc[0]), 2))

# %% [markdown] tags=["en"]
# ## 2. Per segment: does every client type want the same?
#
# Segments weigh attributes differently: the view the management settles on is the one the
# plan below serves.

# %% [markdown] tags=["ru"]
# ## 2. По сегментам: все ли клиенты хотят одного и того же?
#
# Сегменты по-разному взвешивают параметры: план ниже служит тому виду, на котором
# остановится руководство.

# %% [markdown] tags=["en", "workshop-only"]
# Move the cross-hair and pick a segment (from the customers table; anonymous respondents
# count only under "all respondents"). Set `focus_segment` to the view you settle on.

# %% [markdown] tags=["ru", "workshop-only"]
# Подвигайте перекрестие и выберите сегмент (из таблицы клиентов; анонимные респонденты
# учитываются только в «все респонденты»). Задайте `focus_segment` по виду, на котором вы
# остановитесь.

# %% tags=["nbval-ignore-output"]
if workbench.needs(folder, "survey", language=language):
    ipa_widget = workbench.widgets.ipa_panel(survey, segments=segments, language=language)
    display(ipa_widget)

# %% [markdown] tags=["en"]
# Read aloud per segment — which attributes each segment puts in "concentrate here":

# %% [markdown] tags=["ru"]
# Читаем вслух по сегментам — какие параметры каждый сегмент ставит в «сосредоточиться
# здесь»:

# %%
if workbench.needs(folder, "survey", language=language) and workbench.needs(
        folder, "customers", language=language):
    ipa_by_segment = workbench.importance_performance(survey, by=segments, crosshair=crosshair)
    print(workbench.describe_importance_performance(ipa_by_segment, language=language))

# %% tags=["nbval-check-output"]
# ✅ check: "concentrate here" attributes per segment
if workbench.needs(folder, "survey", language=language) and workbench.needs(
        folder, "customers", language=language):
    print(ipa_by_segment.index[ipa_by_segment["quadrant"] == "concentrate_here"].tolist())

# %% [markdown] tags=["en"]
# ## 3. Candidate actions: what could we do, at what cost? (workshop input)
#
# The survey says *where*; the management team says *how* and *at what cost*. The table below
# is filled in during the workshop: one row per candidate action, the survey attribute it
# improves, its cost for a year (in the unit of the budget) and its expected effect (how many
# points of the 1–5 performance score it should add on that attribute).

# %% [markdown] tags=["ru"]
# ## 3. Возможные действия: что мы можем сделать и за сколько? (данные сессии)
#
# Анкеты говорят, *где*; руководство говорит, *как* и *за сколько*. Таблица ниже заполняется на
# сессии: по строке на возможное действие, параметр анкеты, который оно улучшает, стоимость на
# год (в единицах бюджета) и ожидаемый эффект (на сколько баллов шкалы 1–5 оно должно поднять
# оценку исполнения этого параметра).

# %%
# ✏️ WORKSHOP INPUT — the candidate actions come from the `actions:` section of the client's
# workshop file (attribute, action, cost in the unit of the budget, effect in points of the
# 1–5 scale); the budget from `plan.budget`. Missing: the banner says what to fill in.
actions = workshop.actions()
planning = actions is not None and budget is not None
if planning:  # without them the banner at the top named the missing fields
    display(workbench.format_actions(actions, language=language))

# %% [markdown] tags=["en"]
# Not every action deserves the same weight: a point of improvement on an attribute clients
# care about counts more. With `weight = "importance"` each action's value is its effect ×
# the attribute's mean importance (of `focus_segment`, or of all respondents); with `"gap"`
# only improvements where we fall short of what matters count.

# %% [markdown] tags=["ru"]
# Не всякое действие заслуживает одинакового веса: балл улучшения по параметру, который важен
# клиентам, стоит больше. При `weight = "importance"` ценность действия — его эффект × средняя
# важность параметра (для `focus_segment` или для всех респондентов); при `"gap"` считаются
# только улучшения там, где мы не дотягиваем до важного.

# %%
plan_ipa = None
if planning and workbench.needs(folder, "survey", language=language):
    plan_ipa = ipa if focus_segment is None else workbench.importance_performance(
        survey, by=segments, crosshair=crosshair).loc[focus_segment]
    if not actions["attribute"].isin(plan_ipa.index).all():
        plan_ipa = None  # actions name attributes this survey did not ask about: not weighed
plan_weight = weight if plan_ipa is not None else "none"  # without a survey: effects as given

# %% tags=["nbval-check-output"]
# ✅ check: number of actions, their total cost, attributes covered
if planning:
    print(len(actions), int(actions["cost"].sum()), actions["attribute"].nunique())

# %% [markdown] tags=["en"]
# ## 4. The best set of actions within the budget
#
# `workbench.priorities` considers every combination of actions (exactly, for up to 25) and
# keeps the one with the largest total value whose cost fits the budget.

# %% [markdown] tags=["ru"]
# ## 4. Лучший набор действий в рамках бюджета
#
# `workbench.priorities` перебирает все сочетания действий (точно, до 25 действий) и оставляет
# то, у которого наибольшая суммарная ценность при стоимости в пределах бюджета.

# %%
plan = workbench.priorities(plan_ipa, actions, budget, weight=plan_weight) if planning else None
if planning:
    print(workbench.describe_priorities(plan, language=language))

# %%
if planning:
    display(workbench.format_priorities(plan, language=language))

# %% [markdown] tags=["en"]
# The trade-off curve: for every budget, the best value reachable. Flat stretches mean extra
# money buys little; a step means a slightly larger budget unlocks a valuable action.

# %% [markdown] tags=["ru"]
# Кривая компромисса: для каждого бюджета — лучшая достижимая ценность. Пологие участки
# означают, что дополнительные деньги дают мало; ступенька — что чуть больший бюджет открывает
# ценное действие.

# %% tags=["nbval-ignore-output"]
if planning:
    workbench.plotting.plot_priorities(plan, language=language)
    plt.show()

# %%
if planning:
    print(workbench.describe_tradeoff(plan, language=language))

# %% tags=["nbval-check-output"]
# ✅ check: chosen actions, their cost and value
if planning:
    print(sorted(plan.chosen["action"]))
    print(round(plan.total_cost, 1), round(plan.total_value, 3), plan.method)

# %% [markdown] tags=["en"]
# ## 5. The decision: how much do we spend?
#
# The text above the curve names the actions that fit the budget; the curve shows where the
# next unit of money stops paying. The budget agreed on, and its list of actions, is the output
# of this step.

# %% [markdown] tags=["ru"]
# ## 5. Решение: сколько мы тратим?
#
# Текст над кривой называет действия, которые помещаются в бюджет; кривая показывает, где
# следующий рубль перестаёт окупаться. Согласованный бюджет и его список действий — результат
# этого шага.

# %% [markdown] tags=["en", "workshop-only"]
# Move the budget and the weighting together with the client's management: the curve and the
# text follow.

# %% [markdown] tags=["ru", "workshop-only"]
# Двигайте бюджет и способ взвешивания вместе с руководством клиента: кривая и текст
# пересчитываются сразу.

# %% tags=["nbval-ignore-output"]
priorities_widget = None  # without candidate actions or a budget there is nothing to decide
if planning:  # "Save this decision" writes the budget into the workshop file (plan.budget)
    priorities_widget = workbench.widgets.priorities_panel(
        plan_ipa, actions, budget=budget, language=language, workshop=data_dir)
priorities_widget

# %% tags=["nbval-check-output"]
# ✅ check: value bought at half and at the full cost of all actions
if planning:
    print(round(workbench.priorities(plan_ipa, actions, actions["cost"].sum() / 2,
                                     weight=plan_weight).total_value, 3),
          round(workbench.priorities(plan_ipa, actions, actions["cost"].sum(),
                                     weight=plan_weight).total_value, 3))

# %% [markdown] tags=["en", "workshop-only"]
# ## 📝 Your turn
#
# Segments rarely weigh the attributes alike. Take the segment whose importance ratings differ
# most from all respondents' and build the plan for it alone (`focus_segment`, the same
# budget, `weight = "gap"`): which actions enter, which leave, and what does that say about a
# separate offer for this segment (step 6)?

# %% [markdown] tags=["ru", "workshop-only"]
# ## 📝 Ваша очередь
#
# Сегменты редко одинаково оценивают важность параметров. Возьмите сегмент, чьи оценки
# важности сильнее всего отличаются от оценок всех респондентов, и постройте план только для
# него (`focus_segment`, тот же бюджет, `weight = "gap"`): какие действия входят, какие
# выпадают и что это говорит об отдельном предложении для этого сегмента (шаг 6)?

# %% tags=["solution"]
if planning and segments is not None and "survey" in folder.tables:
    by_segment = workbench.importance_performance(survey, by=segments)
    overall = workbench.importance_performance(survey)["importance"]
    attributes = by_segment.index.get_level_values(1)
    distance = ((by_segment["importance"] - overall.reindex(attributes).to_numpy()).abs()
                .groupby(level=0).mean())
    exercise_segment = distance.idxmax()  # the segment that weighs the attributes most apart
    segment_ipa = by_segment.loc[exercise_segment]
    if actions["attribute"].isin(segment_ipa.index).all():
        print(exercise_segment)
        segment_plan = workbench.priorities(segment_ipa, actions, budget, weight="gap")
        print(workbench.describe_priorities(segment_plan, language=language))

# %% [markdown] tags=["en", "workshop-only"]
# ## Control questions
#
# The course's control questions of this step, with the room's answers from the workshop file
# (`control_questions:`, by number; empty = not discussed yet). The report prints all 43 with
# their answers in its appendix.

# %% [markdown] tags=["ru", "workshop-only"]
# ## Контрольные вопросы
#
# Контрольные вопросы курса к этому шагу и ответы участников из файла воркшопа
# (`control_questions:`, по номеру; пусто — ещё не обсуждали). Отчёт печатает все 43 с ответами
# в приложении.

# %% tags=["workshop-only"]
display(workbench.format_control_questions(
    workbench.survey.control_checklist(folder.workshop, step=3), language))

# %% [markdown] tags=["en"]
# ## In this notebook we:
# - placed the attributes on the importance–performance matrix and saw which need effort
#   first, which to keep up and where we may over-deliver — overall and per segment;
# - listed candidate actions with the client's own cost and effect estimates;
# - chose the set of actions with the largest weighted effect within the budget, and read
#   what more (or less) money would change;
# - agreed the budget: its list of actions is this step's decision.
# - Next: `04_segmentation` — which clients to serve first, and with what.

# %% [markdown] tags=["ru"]
# ## В этой тетради мы:
# - разместили параметры на матрице «важность — исполнение» и увидели, какие требуют усилий в
#   первую очередь, какие поддерживать и где мы, возможно, даём лишнее, — в целом и по
#   сегментам;
# - перечислили возможные действия с оценками стоимости и эффекта от самого клиента;
# - выбрали набор действий с наибольшим взвешенным эффектом в рамках бюджета и прочитали, что
#   изменят бо́льшие (или меньшие) деньги;
# - согласовали бюджет: его список действий — решение шага.
# - Дальше: `04_segmentation` — каких клиентов обслуживать в первую очередь и чем.

# %% tags=["nbval-ignore-output"]
print(workbench.versions())
