# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown] tags=["en"]
# # Step 7 — Packaging and handing over
#
# **Why this step matters to the client.** Six steps of analysis change nothing until someone
# picks up the phone. Packaging turns the segments, the churn risks and the offers into things
# people can act on: a list per strategy for the sales team (who to call first, how much is at
# stake, what to offer) and one page for management (how many clients, how much value is at
# risk, what the offer is expected to bring). Handing over means the lists reach the people
# who will use them, in their language and in the tool they already use — Excel. The
# seminar's rule for offers holds for our own hand-over too: it must be understandable,
# measurable and well "packaged". Without this step the analysis stays in the consultant's
# laptop, and the clients at risk leave while the report is being read.
#
# **In this notebook we will:**
# 1. score every client once: RFM, ABC-XYZ, loyalty-ladder rung, churn risk, value and the
#    recommended action — and read what goes into the package;
# 2. read the action lists, one per strategy: their size, value and risk, and who comes first;
# 3. write an offer card per strategy: who, why, what to offer, what it is expected to bring;
# 4. export the package (`actions.xlsx` for the sales team, `scores.csv` for the analysts),
#    choosing the language, the lists and the thresholds in a panel;
# 5. hold out a control group in every list, so that step 8 can measure what the offers did;
# 6. try it ourselves (📝 Your turn).

# %% [markdown] tags=["ru"]
# # Шаг 7 — Упаковка и вручение
#
# **Почему этот шаг важен клиенту.** Шесть шагов анализа ничего не меняют, пока кто-то не снимет
# трубку. Упаковка превращает сегменты, риски ухода и предложения в то, с чем люди могут
# работать: список на каждую стратегию для отдела продаж (кому звонить первым, сколько стоит на
# кону, что предложить) и одну страницу для руководства (сколько клиентов, какая ценность под
# угрозой, что должно принести предложение). Вручение означает, что списки доходят до тех, кто
# будет ими пользоваться, на их языке и в привычном им инструменте — Excel. Правило семинара
# для предложений верно и для нашей собственной передачи: она должна быть понятной, измеримой и
# красиво «упакованной». Без этого шага анализ остаётся в ноутбуке консультанта, а клиенты в
# зоне риска уходят, пока читают отчёт.
#
# **В этой тетради мы:**
# 1. один раз оценим каждого клиента: RFM, ABC-XYZ, ступень лестницы приверженности, риск
#    ухода, ценность и рекомендуемое действие — и прочитаем, что входит в пакет;
# 2. прочитаем списки действий, по одному на стратегию: их размер, ценность и риск и кто идёт
#    первым;
# 3. напишем карточку предложения на каждую стратегию: кому, почему, что предложить, что это
#    должно принести;
# 4. выгрузим пакет (`actions.xlsx` для отдела продаж, `scores.csv` для аналитиков), выбрав в
#    панели язык, списки и пороги;
# 5. оставим в каждом списке контрольную группу, чтобы шаг 8 измерил, что дали предложения;
# 6. попробуем сами (📝 Ваша очередь).

# %% tags=["parameters"]
# Parameters: `workbench run` replaces these (data_dir and out_dir become absolute).
data_dir = "../data/samples"  # folder with the client's tables
asof = None  # observation end "YYYY-MM-DD"; None = last transaction date
language = "en"  # "en" or "ru": tables, widgets, computed prose and the Excel file
mapping = None  # optional YAML/JSON column mapping for messy exports
out_dir = None  # where to write actions.xlsx and scores.csv; None = write nothing
horizon = None  # churn and value horizon; None = plan.horizon of the workshop file
offer_cost = None  # cost of the retention offer per client; None = decisions.offer_cost of the workshop file
success_rate = None  # share of the at-risk clients the offer keeps; None = decisions.success_rate of the workshop file
strategies = None  # lists to hand over, e.g. ["retain", "cherish"]; None = every list
min_risk = 0.0  # list only clients whose churn risk is at least this (0 = everyone)
min_value = 0.0  # list only clients whose expected value is at least this (0 = everyone)
only_target = False  # True = list only the clients worth contacting now
rows = 5  # clients shown per list in this notebook (the files hold them all)

# %% tags=["hide"]
import pandas as pd
from IPython.display import display

import workbench
import workbench.report
import workbench.widgets

from workbench._testing import verdict  # tolerant comparisons for the ✅ check cells

workbench.set_language(language)
pd.set_option("display.max_colwidth", 200)  # offer cards and actions are read in full
folder = workbench.load_folder(data_dir, mapping=mapping)

# %%
# what the parameters leave open (None) comes from the workshop file; one banner names what
# the step lacks and which defaults of the method this run uses meanwhile
settings, banner = workbench.step_settings(folder, 7, language=language, horizon=horizon,
                                           offer_cost=offer_cost, success_rate=success_rate)
horizon, offer_cost, success_rate = (settings[k] for k in ("horizon", "offer_cost",
                                                           "success_rate"))
if banner:
    print(banner)

# %% [markdown] tags=["en"]
# ## 1. What goes into the package
#
# One call scores every client who has bought from us, through the functions of the earlier
# steps: RFM and ABC-XYZ (step 4), the loyalty-ladder rung and its strategy (steps 4 and 6),
# the churn probability and its risk band, the expected value over the horizon and the
# retention plan — whom it pays to contact now (step 5), and the recommended action for the
# client's rung (step 6). This is the only slow call of the notebook: the churn model is
# fitted once, and everything after it only filters and formats.

# %% [markdown] tags=["ru"]
# ## 1. Что входит в пакет
#
# Один вызов оценивает каждого клиента, который у нас покупал, функциями предыдущих шагов: RFM
# и ABC-XYZ (шаг 4), ступень лестницы приверженности и её стратегия (шаги 4 и 6), вероятность
# ухода и группа риска, ожидаемая ценность за горизонт и план удержания — с кем стоит связаться
# сейчас (шаг 5), и рекомендуемое действие для ступени клиента (шаг 6). Это единственный
# медленный вызов тетради: модель ухода обучается один раз, а всё дальнейшее только фильтрует
# и оформляет.

# %%
result = workbench.compute_deliverables(
    folder, asof=asof, language=language, horizon=horizon, offer_cost=offer_cost,
    success_rate=success_rate,
)
print(workbench.describe_deliverables(result, language=language))

# %% [markdown] tags=["en"]
# The lists are cut from the run's one client base (`workbench.client_base`), the same
# clients steps 5, 6 and 8 count, by the same definitions:

# %% [markdown] tags=["ru"]
# Списки нарезаны из единой клиентской базы запуска (`workbench.client_base`) — тех же
# клиентов, которых считают шаги 5, 6 и 8, по тем же определениям:

# %%
print(workbench.describe_definitions(result.base, language=language))
print(workbench.describe_counts(result.base.counts(), language=language))

# %% tags=["hide"]
# what this step hands over, recorded for the run's cross-step check (written only with out_dir)
listed = result.scores
workbench.save_counts(out_dir, 7, {
    "n_clients": len(listed), "n_active": int((listed["status"] == "active").sum()),
    "n_lapsed": int((listed["status"] == "lapsed").sum()),
    "n_advocates": int((listed["rung"] == "advocate").sum()),
    "n_high_risk": int((listed["risk_band"] == "high").sum()),
    "by_rung": listed["rung"].value_counts(),
    "by_strategy": result.summary.set_index("strategy")["n_customers"]})

# %% [markdown] tags=["en"]
# The page for management: one row per strategy — how many clients, how many are worth a
# contact now, how many are at high churn risk, how much of their value is at risk, what the
# contacts are expected to bring net of the offer's cost, and the recommended action.

# %% [markdown] tags=["ru"]
# Страница для руководства: по строке на стратегию — сколько клиентов, скольким стоит
# позвонить сейчас, сколько в высоком риске ухода, какая часть их ценности под угрозой, что
# должны принести контакты за вычетом стоимости предложения и рекомендуемое действие.

# %%
display(workbench.format_summary(result, language=language))

# %% tags=["hide"]
if out_dir is not None:  # the numbers of the report's executive summary (page 1)
    workbench.report.save_summary_facts(out_dir, folder, result)

# %% [markdown] tags=["en"]
# Potential clients (leads) are not in these lists: they have not bought yet, so there is no
# history to score. Attracting them is planned from the leads funnel (steps 6 and 8).

# %% [markdown] tags=["ru"]
# Потенциальных клиентов (лидов) в этих списках нет: они ещё не покупали, поэтому оценивать
# нечего. Их привлечение планируется по воронке лидов (шаги 6 и 8).

# %% tags=["nbval-check-output"]
# ✅ check: clients scored, settings, clients per list; money to 0.1 %, counts at a threshold
# within 5 clients
print(len(result.scores), result.settings["success_rate"], result.summary["n_customers"].tolist())
print(verdict("offer cost", result.settings["offer_cost"], 400, rel=0.001))
print(verdict("to contact per list", result.summary["n_target"], [19, 68, 53, 0], abs=5))
print(verdict("high risk per list", result.summary["n_high_risk"], [0, 770, 0, 0], abs=5))
print(verdict("expected gain", result.summary["expected_gain"].sum(), 101261, rel=0.001))
print(verdict("value at risk", result.summary["value_at_risk"].sum(), 1085420, rel=0.001))

# %% [markdown] tags=["en"]
# ## 2. The action lists, one per strategy
#
# Each strategy becomes one sheet of `actions.xlsx`. The clients are in the order the sales
# team should work: first those with the highest expected gain from a contact (priority 1),
# then by value. Here are the first few of each list, with the list read aloud.

# %% [markdown] tags=["ru"]
# ## 2. Списки действий, по одному на стратегию
#
# Каждая стратегия становится листом `actions.xlsx`. Клиенты стоят в том порядке, в котором
# отделу продаж стоит работать: сначала те, у кого наибольший ожидаемый выигрыш от контакта
# (приоритет 1), затем по ценности. Вот первые строки каждого списка и сам список, прочитанный
# вслух.

# %%
for strategy in result.summary["strategy"]:
    print(workbench.describe_strategy(result, strategy, language=language))
    display(workbench.format_action_list(result, strategy, language=language, rows=rows))

# %% [markdown] tags=["en"]
# How to read the lists: compare, list by list, the share of clients at high churn risk with
# the value at risk — a list can be large and safe, or small and expensive to lose. "Contact
# now" marks the clients for whom the offer is expected to save more than it costs; the others
# stay on the list for the regular work of their strategy, not for an urgent call.

# %% [markdown] tags=["ru"]
# Как читать списки: сравните, список за списком, долю клиентов в высоком риске ухода с
# ценностью под угрозой — список может быть большим и безопасным или маленьким и дорогим в
# случае потери. «Связаться сейчас» отмечает клиентов, для которых предложение должно сохранить
# больше, чем стоит; остальные остаются в списке для обычной работы по их стратегии, а не для
# срочного звонка.

# %% tags=["nbval-check-output"]
# ✅ check: who comes first in each list; clients at low / medium / high churn risk
print([workbench.format_action_list(result, s, rows=1).index[0]
       for s in result.summary["strategy"]])
print(verdict("clients per risk band (low, medium, high)",
              [(result.scores["risk_band"] == band).sum() for band in ("low", "medium", "high")],
              [703, 286, 770], abs=5))

# %% [markdown] tags=["en"]
# ## 3. Offer cards: who, why, what to offer, what it brings
#
# A sales manager reads the card before the list. One card per strategy: **who** (how many
# clients, on which rungs, in which ABC-XYZ cells), **why** (how many are at high churn risk
# and how much value is at risk), **what to offer** (the actions agreed in step 6), and the
# **expected gain** of contacting the clients marked "contact now".

# %% [markdown] tags=["ru"]
# ## 3. Карточки предложений: кому, почему, что предложить, что это даст
#
# Менеджер по продажам читает карточку раньше списка. Одна карточка на стратегию: **кому**
# (сколько клиентов, на каких ступенях, в каких клетках ABC-XYZ), **почему** (сколько в высоком
# риске ухода и какая ценность под угрозой), **что предложить** (действия, согласованные на
# шаге 6) и **ожидаемый выигрыш** от контакта с клиентами, отмеченными «связаться сейчас».

# %%
cards = workbench.offer_cards(result, language=language)
display(cards)

# %% [markdown] tags=["en"]
# The actions come from the default offer rules (`workbench.OFFER_RULES`). When the offer
# table was edited with management in step 6, pass it as
# `workbench.compute_deliverables(folder, rules=...)`: the cards, the lists and the Excel file
# then carry the agreed offers.

# %% [markdown] tags=["ru"]
# Действия берутся из правил предложений по умолчанию (`workbench.OFFER_RULES`). Если таблицу
# предложений правили вместе с руководством на шаге 6, передайте её как
# `workbench.compute_deliverables(folder, rules=...)`: тогда карточки, списки и файл Excel
# несут согласованные предложения.

# %% tags=["nbval-check-output"]
# ✅ check: one card per list; expected gain per card to 0.1 %
print(cards.shape)
print(verdict("expected gain per card", result.summary["expected_gain"], [7583, 66309, 27369, 0],
              rel=0.001))

# %% [markdown] tags=["en"]
# ## 4. The export: what is handed over
#
# `workbench.select_deliverables` keeps the lists and the clients to hand over (the
# parameters `strategies`, `min_risk`, `min_value`, `only_target`), instantly — the scores
# are not recomputed. `workbench.export_deliverables` writes `actions.xlsx` (a summary sheet,
# then one sheet per strategy, in the chosen language) and `scores.csv` (every client, with
# canonical column names, for the analysts and the CRM) into `out_dir`. When `out_dir` is not
# set, as in a workshop, it writes nothing and says what the package would hold.

# %% [markdown] tags=["ru"]
# ## 4. Выгрузка: что передаём
#
# `workbench.select_deliverables` оставляет списки и клиентов для передачи (параметры
# `strategies`, `min_risk`, `min_value`, `only_target`) мгновенно — оценки не пересчитываются.
# `workbench.export_deliverables` пишет в `out_dir` файл `actions.xlsx` (сводный лист, затем по
# листу на стратегию, на выбранном языке) и `scores.csv` (все клиенты со стандартными
# названиями столбцов, для аналитиков и CRM). Когда `out_dir` не задан, как на сессии, он
# ничего не пишет и говорит, что содержал бы пакет.

# %%
package = workbench.select_deliverables(
    result, strategies=strategies, min_risk=min_risk, min_value=min_value,
    only_target=only_target,
)
export = workbench.export_deliverables(package, out_dir)
print(workbench.describe_export(export, language=language))

# %% tags=["nbval-check-output"]
# ✅ check: clients per sheet, rows of scores.csv
print(list(export.sheets.values()), export.n_scores)

# %% [markdown] tags=["en", "workshop-only"]
# **The decision of this step: what do we hand over?** In the panel, choose the language of
# the files, the lists, the minimum churn risk and value, or only the clients worth
# contacting now; the text below the controls says how many clients each sheet would hold.
# Tick "Write the files" to write them (into `out_dir`, or a `reports/` folder next to the
# notebook when `out_dir` is not set); the text then says what was written, sheet by sheet.

# %% [markdown] tags=["ru", "workshop-only"]
# **Решение этого шага: что мы передаём?** В панели выберите язык файлов, списки, минимальный
# риск ухода и ценность или только клиентов, с которыми стоит связаться сейчас; текст под
# элементами управления говорит, сколько клиентов будет на каждом листе. Отметьте «Записать
# файлы», чтобы записать их (в `out_dir` или в папку `reports/` рядом с тетрадью, когда
# `out_dir` не задан); текст тогда скажет, что записано, лист за листом.

# %% tags=["nbval-ignore-output", "workshop-only"]
panel = workbench.widgets.deliverables_panel(
    result, out_dir=out_dir or "reports", language=language
)
panel

# %% tags=["nbval-check-output"]
# ✅ check: the panel starts with every list and writes nothing until asked
print(len(panel.result.files),
      sum(panel.result.sheets.values()) + panel.result.n_control - len(result.scores))

# %% [markdown] tags=["en"]
# ## 5. The control group: so that step 8 can measure what the offers did
#
# Step 5 assumed that the offer keeps a share of the clients who would otherwise leave; nothing
# so far checks that guess. The only fair check is a comparison with clients who were *not*
# contacted: some clients stop buying anyway and some stay anyway, so "the contacted clients
# bought" proves nothing. So every list holds out a random **control group** — the workshop
# file's `plan.control_share` of the list (10 % when it is empty), drawn at random with a
# recorded seed. The control clients are not on the strategy sheets: `actions.xlsx` lists them
# on a sheet of their own marked "do not contact", and `campaign.json` beside it records who
# was contacted, with which offer and when, and who was held out. In step 8 this record and
# the next export of the transactions show, list by list, what the contact changed.

# %% [markdown] tags=["ru"]
# ## 5. Контрольная группа: чтобы шаг 8 измерил, что дали предложения
#
# Шаг 5 предположил, что предложение удерживает часть клиентов, которые иначе ушли бы; пока
# эту догадку ничто не проверяет. Честная проверка одна — сравнение с клиентами, с которыми
# *не* связывались: одни клиенты перестают покупать в любом случае, другие остаются в любом
# случае, поэтому «клиенты после звонка покупали» ничего не доказывает. Поэтому в каждом
# списке остаётся случайная **контрольная группа** — доля списка `plan.control_share` из
# файла воркшопа (10 %, если она не заполнена), выбранная случайно с записанным зерном.
# Клиентов контрольной группы нет на листах стратегий: `actions.xlsx` перечисляет их на
# отдельном листе с пометкой «не связываться», а `campaign.json` рядом записывает, с кем, с
# каким предложением и когда связались и кто оставлен без контакта. На шаге 8 эта запись и
# следующая выгрузка продаж покажут, список за списком, что изменил контакт.

# %%
campaign = result.campaign  # drawn by compute_deliverables; a selection draws its own
if campaign is not None:
    print(workbench.describe_campaign(campaign, language=language))
    display(workbench.format_campaign(campaign, language=language))

# %% [markdown] tags=["en"]
# Potential clients (leads) are not in the campaign: whether they became clients shows in the
# funnel of step 8, not in the transactions. A list too small for a control group at this
# share is named above: its effect will not be measurable. After the campaign, put
# `campaign.json` into the client's data folder together with the next export of the
# transactions (a new `transactions` file, or `followup/transactions.csv` beside the old one)
# and run step 8.

# %% [markdown] tags=["ru"]
# Потенциальных клиентов (лидов) в кампании нет: стали ли они клиентами, покажет воронка шага 8,
# а не продажи. Список, слишком малый для контрольной группы при такой доле, назван выше: его
# эффект измерить не получится. После кампании положите `campaign.json` в папку данных клиента
# вместе со следующей выгрузкой продаж (новым файлом `transactions` или файлом
# `followup/transactions.csv` рядом со старым) и запустите шаг 8.

# %% tags=["nbval-check-output"]
# ✅ check: every list holds out round(share x size) clients; nobody held out is on a sheet
if campaign is not None:
    counts = campaign.counts()
    share = campaign.control_share
    print(share, bool((counts["control"] == (share * counts["total"] + 0.5) // 1).all()))
    # the sheets hold the contacted clients only: sheets + control = every listed client
    print(export.n_control, sum(export.sheets.values()) + export.n_control == len(package.scores))

# %% [markdown] tags=["en", "workshop-only"]
# ## 📝 Your turn
#
# The sales team has time for a short campaign this month. Build the package for it: only the
# "retain" and "engage" lists, only clients with a churn risk of at least 50%, only those
# worth contacting now. Read how many clients remain and how much the campaign is expected to
# bring, compared with the whole package in section 1. Which list carries most of the gain?

# %% [markdown] tags=["ru", "workshop-only"]
# ## 📝 Ваша очередь
#
# У отдела продаж в этом месяце есть время на короткую кампанию. Соберите для неё пакет: только
# списки «удерживать» и «вовлекать», только клиенты с риском ухода не меньше 50 %, только те, с
# кем стоит связаться сейчас. Прочитайте, сколько клиентов осталось и сколько должна принести
# кампания по сравнению со всем пакетом из раздела 1. Какой список несёт бо́льшую часть
# выигрыша?

# %% tags=["solution"]
campaign = workbench.select_deliverables(
    result, strategies=["retain", "engage"], min_risk=0.5, only_target=True
)
print(workbench.describe_deliverables(campaign, language=language))
print(workbench.describe_export(workbench.export_deliverables(campaign), language=language))

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
    workbench.survey.control_checklist(folder.workshop, step=7), language))

# %% [markdown] tags=["en"]
# ## In this notebook we:
# - scored every client once — segment, rung, churn risk, value, the recommended action —
#   and read the package for management: the lists, whom to contact now, what it brings;
# - read each action list and its first clients, and wrote an offer card per strategy;
# - decided what to hand over (lists, thresholds, language) and exported it: `actions.xlsx`
#   for the sales team, `scores.csv` for the analysts;
# - held out a random control group in every list (not contacted) and recorded the campaign
#   in `campaign.json`, so that step 8 measures what each offer did;
# - next step: `08_feedback_loop` — set up the feedback channel and, after the campaign,
#   check whether the clients we predicted to leave did leave.

# %% [markdown] tags=["ru"]
# ## В этой тетради мы:
# - один раз оценили каждого клиента — сегмент, ступень, риск ухода, ценность, рекомендуемое
#   действие — и прочитали пакет для руководства: списки, с кем связаться сейчас, что это даст;
# - прочитали каждый список действий и его первых клиентов и написали карточку предложения на
#   каждую стратегию;
# - решили, что передаём (списки, пороги, язык), и выгрузили: `actions.xlsx` для отдела продаж,
#   `scores.csv` для аналитиков;
# - оставили в каждом списке случайную контрольную группу (без контакта) и записали кампанию в
#   `campaign.json`, чтобы шаг 8 измерил, что дало каждое предложение;
# - следующий шаг: `08_feedback_loop` — налаживаем канал обратной связи и после кампании
#   проверяем, ушли ли клиенты, уход которых мы предсказали.

# %% tags=["nbval-ignore-output"]
print(workbench.versions())
