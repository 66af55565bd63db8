# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown] tags=["en"]
# # Step 8 — The feedback channel and the second round
#
# **Why this step matters to the client.** The offer of step 6 was handed over in step 7; now
# the company must hear what comes back — reminders, check-ins, support, and the measurements
# that tell management whether the work pays. Most unhappy clients never complain: they just
# leave. So a complaint is a gift: it is the one chance to keep a client who is about to go,
# and an unanswered complaint is the surest way to lose them. Refusal sheets say why prospects
# say no. And the churn list of step 5 is a prediction that can be checked: did the clients we
# expected to leave actually leave? Without this step the method is a one-off project; with
# it, it becomes a cycle — the second round starts from what we learnt.
#
# **In this notebook we will:**
# 1. measure the Net Promoter Score overall, by client segment and by period — with a widget;
# 2. read the complaints: how many, how fast they are resolved, and how often complainers
#    leave when their complaint was or was not resolved;
# 3. sort the refusal reasons into a Pareto chart;
# 4. plan the sales funnel backwards: how many calls one new client takes;
# 5. close the loop: check the churn prediction against what happened, and hand the lists to
#    the second round;
# 6. measure the first round: what each offer changed against its control group;
# 7. try it ourselves (📝 Your turn).

# %% [markdown] tags=["ru"]
# # Шаг 8 — Налаживание канала обратной связи и второй круг
#
# **Почему этот шаг важен клиенту.** Предложение шага 6 вручено на шаге 7; теперь компания
# должна услышать, что возвращается, — напоминания, уточнения, поддержка и измерения, которые
# говорят руководству, окупается ли работа. Большинство недовольных клиентов никогда не
# жалуются: они просто уходят. Поэтому жалоба — это подарок: единственный шанс удержать
# клиента, который собирается уйти, а жалоба без ответа — вернейший способ его потерять.
# Отказные листы говорят, почему потенциальные клиенты отвечают «нет». А список ухода шага 5 —
# прогноз, который можно проверить: ушли ли те, чьего ухода мы ждали? Без этого шага метод —
# разовый проект; с ним он становится циклом: второй круг начинается с того, чему мы научились.
#
# **В этой тетради мы:**
# 1. измерим индекс NPS в целом, по сегментам клиентов и по периодам — с виджетом;
# 2. прочитаем жалобы: сколько их, как быстро их решают и как часто уходят пожаловавшиеся,
#    когда их жалобу решили и когда нет;
# 3. разложим причины отказов на диаграмме Парето;
# 4. спланируем воронку продаж в обратную сторону: сколько звонков стоит один новый клиент;
# 5. замкнём цикл: сверим прогноз ухода с тем, что произошло, и передадим списки во второй
#    круг;
# 6. измерим первый круг: что изменило каждое предложение по сравнению с контрольной группой;
# 7. попробуем сами (📝 Ваша очередь).

# %% tags=["parameters"]
# Parameters: `workbench run` replaces these (data_dir becomes absolute).
data_dir = "../data/samples"  # folder with the client's tables
asof = None  # observation end "YYYY-MM-DD"; None = last transaction date
language = "en"  # "en" or "ru": plots, widgets and computed prose
mapping = None  # optional YAML/JSON column mapping for messy exports
out_dir = None  # where `workbench run` writes deliverables (unused here)
nps_period = "M"  # NPS by period: "M" month, "Q" quarter, "Y" year
lost_horizon = "180D"  # complaints: a client is lost after this long without a purchase
target_clients = 10  # new clients wanted from the sales funnel
horizon = "90D"  # loop check: a client left when they made no purchase for this long
threshold = None  # retention list from this churn probability; None = the run's high-risk cut-off
stale_days = None  # an open complaint older than this is a data-quality flag; None = the workshop file's, else 90
save_measured_rate = False  # True: write the measured success rate into the workshop file

# %% tags=["hide"]
import matplotlib.pyplot as plt
from IPython.display import display

import workbench
import workbench.plotting
import workbench.widgets

from workbench._testing import verdict  # tolerant comparisons for the ✅ check cells

workbench.set_language(language)
folder = workbench.load_folder(data_dir, mapping=mapping)
tx = folder.tables["transactions"]
customers = folder.tables.get("customers")
feedback = folder.tables.get("feedback")

# %%
# one banner names every input this step lacks; the sections that need one skip in silence
banner = workbench.missing_banner(folder, 8, language=language)
if banner:
    print(banner)
if stale_days is None:  # step 8's decision, saved in the workshop file (else the method's 90)
    from workbench.client_base import WHY_NOW_DEFAULTS

    stale_days = workbench.read_workshop(data_dir).why_now_options().get(
        "stale_days", WHY_NOW_DEFAULTS["stale_days"])

# %% [markdown] tags=["en"]
# ### The client base this step counts
#
# The loop is closed on the run's one client base (`workbench.client_base`): the same active
# and lapsed clients, by the same definitions, as in steps 5 to 7; today's retention list is
# its high-risk list.

# %% [markdown] tags=["ru"]
# ### Клиентская база, которую считает этот шаг
#
# Цикл замыкается на единой клиентской базе запуска (`workbench.client_base`): те же активные
# и ушедшие клиенты, по тем же определениям, что и в шагах 5–7; сегодняшний список удержания —
# это её список высокого риска.

# %%
base = workbench.client_base(folder, asof=asof)
counts = base.counts()
if threshold is None:  # one retention list for the run: the high-risk band of step 5
    threshold = base.settings["risk_cutoffs"][1]
print(workbench.describe_definitions(base, language=language))
print(workbench.describe_counts(counts, language=language))

# %% [markdown] tags=["en"]
# ## 1. Would clients recommend us? (NPS)
#
# The Net Promoter Score asks one question — "how likely are you to recommend us, 0 to 10?" —
# and subtracts the share of detractors (0–6) from the share of promoters (9–10). We read it
# with its 95% interval: with a few hundred answers a difference of a few points is noise.

# %% [markdown] tags=["ru"]
# ## 1. Порекомендуют ли нас клиенты? (NPS)
#
# Индекс NPS задаёт один вопрос — «насколько вероятно, что вы порекомендуете нас, от 0 до 10?» —
# и вычитает долю критиков (0–6) из доли промоутеров (9–10). Читаем его с 95-процентным
# интервалом: при нескольких сотнях ответов разница в несколько пунктов — шум.

# %%
if workbench.needs(folder, "survey", language=language):
    survey = folder.tables["survey"]
    overall_nps = workbench.nps(survey)
    print(workbench.describe_nps(overall_nps, language=language))

# %% [markdown] tags=["en"]
# By client segment (from the CRM card) and by period: where is it lowest, and is the
# difference larger than the intervals? Only the answers linked to a client (not anonymous)
# can be split by segment.

# %% [markdown] tags=["ru"]
# По сегментам клиентов (из карточки CRM) и по периодам: где он ниже всего и больше ли разница,
# чем интервалы? По сегментам можно разделить только ответы, связанные с клиентом (не
# анонимные).

# %%
if workbench.needs(folder, "survey", language=language):
    segments = None
    if customers is not None and "segment" in customers.columns and "customer_id" in survey:
        segments = customers.set_index("customer_id")["segment"]
        linked = survey[survey["customer_id"].isin(segments.index)]
        segment_nps = workbench.nps(linked, by=segments)
        print(workbench.describe_nps(segment_nps, language=language))
        workbench.plotting.plot_nps(segment_nps, language=language)
        plt.show()
    period_nps = workbench.nps(survey, by=nps_period)
    print(workbench.describe_nps(period_nps, language=language))

# %% [markdown] tags=["en"]
# The widget shows NPS by period and by segment; pick one segment to see its trend. In a
# workshop, this is where management sees whether the changes of steps 6–7 moved the score.

# %% [markdown] tags=["ru"]
# Виджет показывает NPS по периодам и по сегментам; выберите один сегмент, чтобы увидеть его
# динамику. На сессии именно здесь руководство видит, сдвинули ли оценку изменения шагов 6–7.

# %% tags=["nbval-ignore-output"]
if workbench.needs(folder, "survey", language=language):
    nps_panel = workbench.widgets.nps_panel(survey, segments=segments, language=language)
    display(nps_panel)

# %% tags=["nbval-check-output", "remove-report"]
# ✅ check: overall NPS, its interval and the number of answers; NPS per segment
if workbench.needs(folder, "survey", language=language):
    print(overall_nps[["nps", "ci_low", "ci_high"]].round(1).iloc[0].to_dict(),
          int(overall_nps["n"].iloc[0]))
    if segments is not None:
        print(segment_nps["nps"].round(1).to_dict())

# %% [markdown] tags=["en"]
# ## 2. A complaint is a gift
#
# The deck on keeping clients cites a study of why clients leave: 65% over poor service, 15%
# over a bad answer to a complaint, only 8% for a better price. Every complaint that reaches
# us is a client telling us how to keep them. We count the complaints, the time to resolve
# them, and — with the transactions — how many clients we lost (no purchase in the last
# `lost_horizon`) among those who never complained, those whose complaint was resolved, and
# those whose complaint is still open.

# %% [markdown] tags=["ru"]
# ## 2. Жалоба — это подарок
#
# Материал об удержании клиентов цитирует исследование причин ухода: 65 % — из-за плохого
# обслуживания, 15 % — из-за плохого ответа на жалобу и лишь 8 % — ради лучшей цены. Каждая
# дошедшая до нас жалоба — это клиент, который говорит, как его удержать. Считаем жалобы, время
# их решения и — вместе с продажами — сколько клиентов мы потеряли (нет покупки за последние
# `lost_horizon`) среди тех, кто никогда не жаловался, тех, чья жалоба решена, и тех, чья жалоба
# всё ещё открыта.

# %%
if workbench.needs(folder, "feedback", language=language):
    complaints = workbench.complaints_summary(feedback, tx=tx, asof=asof, horizon=lost_horizon)
    print(workbench.describe_complaints(complaints, language=language))
    workbench.plotting.plot_complaint_churn(complaints, language=language)
    plt.show()

# %% [markdown] tags=["en"]
# The comparison is descriptive (the unresolved complaints may be the harder cases), but the
# direction is the one the method predicts: a resolved complaint keeps a client at least as
# well as no complaint at all, an unresolved one loses them. The complaints open for at most
# `stale_days` days, oldest first, are the first list of the second round; older "open" ones
# are a question for the data owner (below), not calls:

# %% [markdown] tags=["ru"]
# Сравнение описательное (нерешённые жалобы могут быть самыми трудными случаями), но направление
# то, которое предсказывает метод: решённая жалоба удерживает клиента не хуже, чем отсутствие
# жалоб, нерешённая — теряет его. Жалобы, открытые не дольше `stale_days` дней, начиная с
# самых старых, — первый список второго круга; более старые «открытые» — вопрос к владельцу
# данных (ниже), а не звонки:

# %%
if workbench.needs(folder, "feedback", language=language):
    display(workbench.format_open_complaints(complaints, language=language,
                                             max_age_days=stale_days).head(10))
    stale = workbench.stale_open_complaints(feedback, base.asof, max_age_days=stale_days)
    print(workbench.describe_stale_complaints(stale, stale_days, language=language))

# %% tags=["nbval-check-output", "remove-report"]
# ✅ check: complaints, resolved, open, median days; churn rate per group
if workbench.needs(folder, "feedback", language=language):
    overview = complaints.overview
    print(int(overview["n_complaints"]), int(overview["n_resolved"]), int(overview["n_open"]),
          round(float(overview["median_days"]), 1))
    print(complaints.churn["churn_rate"].round(3).to_dict())

# %% [markdown] tags=["en"]
# ## 3. Why prospects say no: refusal sheets
#
# A refusal sheet records why a client or prospect said no. Sorted from the most frequent
# reason down (a Pareto chart), a few reasons usually explain most refusals — and they tell
# management what to change in the offer.

# %% [markdown] tags=["ru"]
# ## 3. Почему отвечают «нет»: отказные листы
#
# Отказной лист фиксирует, почему клиент или потенциальный клиент отказался. Если отсортировать
# причины от самой частой (диаграмма Парето), обычно несколько причин объясняют большинство
# отказов — и подсказывают руководству, что изменить в предложении.

# %%
if workbench.needs(folder, "feedback", language=language):
    print(workbench.describe_refusals(complaints, language=language))
    workbench.plotting.plot_complaint_pareto(complaints, which="refusals", language=language)
    plt.show()

# %% tags=["nbval-check-output", "remove-report"]
# ✅ check: refusals per reason
if workbench.needs(folder, "feedback", language=language):
    print(complaints.refusals["count"].to_dict())

# %% [markdown] tags=["en"]
# ## 4. The sales funnel, planned backwards
#
# The course's example: half of the calls lead to a proposal, one proposal in ten to a
# meeting, one meeting in four to a deal. Planned backwards, one new client takes:

# %% [markdown] tags=["ru"]
# ## 4. Воронка продаж, спланированная в обратную сторону
#
# Пример курса: половина звонков ведёт к предложению, одно предложение из десяти — к встрече,
# одна встреча из четырёх — к сделке. В обратную сторону один новый клиент требует:

# %%
course_plan = workbench.plan_backwards(1, [0.5, 0.1, 0.25])
print(workbench.describe_plan(course_plan, language=language))

# %% [markdown] tags=["en"]
# With the client's own leads we measure the conversions per source, and plan the work for
# `target_clients` new clients with the conversions of the whole funnel.

# %% [markdown] tags=["ru"]
# По собственным лидам клиента измеряем конверсии по источникам и планируем работу для
# `target_clients` новых клиентов по конверсиям всей воронки.

# %%
if workbench.needs(folder, "leads", language=language):
    leads = folder.tables["leads"]
    by_source = workbench.funnel(leads, by="source")
    print(workbench.describe_funnel(by_source, language=language))
    workbench.plotting.plot_funnel(by_source, language=language)
    plt.show()

# %%
plannable = False  # a funnel with a stage nobody reached (no deals yet) cannot be planned
if workbench.needs(folder, "leads", language=language):
    whole = workbench.funnel(leads, by=None)
    plannable = bool((whole["step_conversion"].iloc[1:] > 0).all())
if plannable:
    plan = workbench.plan_backwards(target_clients, whole)
    print(workbench.describe_plan(plan, language=language))

# %% tags=["nbval-check-output", "remove-report"]
# ✅ check: the course example; leads per stage and the plan on the client's data
print(course_plan["needed"].tolist())
if plannable:
    print(whole["reached"].tolist(), plan["needed"].tolist())

# %% [markdown] tags=["en"]
# ## 5. Closing the loop: did the predicted clients leave?
#
# Step 5 named the clients likely to leave. Here we replay it: we train the churn model on the
# data up to one `horizon` before the end, score the clients who were still active then (not
# already lapsed), and check who actually made no purchase in the following `horizon`. The hit
# rate (how many of the listed clients left) is read against the base rate (how many left
# overall): calling the list must beat calling at random.

# %% [markdown] tags=["ru"]
# ## 5. Замыкаем цикл: ушли ли те, чей уход мы предсказали?
#
# Шаг 5 назвал клиентов, которые, вероятно, уйдут. Здесь мы проигрываем это заново: обучаем
# модель ухода на данных до даты за один `horizon` до конца, оцениваем клиентов, которые тогда
# ещё были активны (не ушли к тому времени), и проверяем, кто на самом деле ничего не купил в
# следующий `horizon`. Долю попаданий (сколько клиентов из списка ушли) читаем в сравнении с
# базовой долей (сколько ушли всего): звонки по списку должны быть лучше звонков наугад.

# %%
prediction_date = workbench.backtest_asof(tx, horizon=horizon, asof=asof)
model = workbench.ChurnModel(horizon=horizon).fit(
    tx, asof=prediction_date, customers=customers, feedback=feedback
)
scores_then = workbench.active_only(
    model.predict_proba(tx, asof=prediction_date, customers=customers, feedback=feedback),
    tx, asof=prediction_date,
)
print(workbench.describe_risk(scores_then, language=language))

# %% [markdown] tags=["en"]
# That was the list, as of `prediction_date`. What happened in the following `horizon`?

# %% [markdown] tags=["ru"]
# Это был список на `prediction_date`. Что произошло за следующий `horizon`?

# %%
loop = workbench.loop_check(
    scores_then, tx, asof=prediction_date, horizon=horizon, threshold=threshold,
    observed_until=asof,
)
print(workbench.describe_loop_check(loop, language=language))
workbench.plotting.plot_loop_check(loop, language=language)
plt.show()

# %% tags=["nbval-check-output", "remove-report"]
# ✅ check: the 2x2 table within 5 clients a cell; hit rate, recall and base rate to 0.01
print(verdict("2x2 table (left: leave, stay; stayed: leave, stay)",
              loop.table.to_numpy().T.ravel(), [659, 117, 211, 678], abs=5))
print(verdict("hit rate, recall, base rate",
              loop.metrics[["hit_rate", "recall", "base_rate"]], [0.757, 0.849, 0.466],
              abs=0.01))

# %% [markdown] tags=["en"]
# ## 6. The second round
#
# The loop check hands three lists back to steps 5 and 6: the clients predicted to leave who
# did leave (win them back one by one, by their reasons), those who left without warning (read
# their history: what does the model not see yet?), and those predicted to leave who stayed
# (what kept them — the offer, the manager, luck?). Today's scores of the client base (the
# model of step 5) then give the next retention list: the active clients at high risk.

# %% [markdown] tags=["ru"]
# ## 6. Второй круг
#
# Проверка цикла возвращает три списка на шаги 5 и 6: клиенты, чей уход предсказан и кто
# действительно ушёл (возвращаем их по одному, по их причинам), те, кто ушёл без
# предупреждения (читаем их историю: чего модель пока не видит?), и те, чей уход предсказан,
# но кто остался (что их удержало — предложение, менеджер, удача?). Сегодняшние оценки
# клиентской базы (модель шага 5) дают следующий список удержания: активных клиентов с высоким
# риском.

# %%
scores_now = base.active["churn_probability"].dropna()  # today's risk of the active clients
print(workbench.describe_second_round(loop, scores=scores_now, threshold=threshold,
                                      language=language))

# %% tags=["nbval-check-output", "remove-report"]
# ✅ check: outcomes of the loop, and the size of the next list
outcomes = loop.customers["outcome"].value_counts()
print(sorted(outcomes.index))
print(verdict("clients per outcome", outcomes.sort_index(), [659, 211, 117, 678], abs=5))
print(len(scores_now), verdict("next list", (scores_now >= threshold).sum(), 770, abs=5))

# %% [markdown] tags=["en"]
# ## 7. Who leaves, and how quietly
#
# Two numbers from the seeds put the loop in proportion. Even the best companies lose about
# 10% of their clients a year: what is ours, by the one definition of "lapsed"? And most
# clients who leave never complain — they leave silently, so the complaints of section 2 are
# only the visible part.

# %% [markdown] tags=["ru"]
# ## 7. Кто уходит и насколько тихо
#
# Два числа из материалов метода задают масштаб цикла. Даже лучшие компании теряют около 10 %
# клиентов в год: сколько теряем мы, по единому определению «ушедшего»? И большинство
# уходящих клиентов никогда не жалуются — они уходят молча, поэтому жалобы раздела 2 — лишь
# видимая часть.

# %%
attrition = workbench.yearly_attrition(tx, asof=asof)
print(workbench.describe_attrition(attrition, language=language))
leavers = workbench.silent_leavers(base, feedback)
if feedback is not None:
    print(workbench.describe_silent_leavers(leavers, language=language))

# %% tags=["nbval-check-output", "remove-report"]
# ✅ check: yearly attrition (newest year first) and the silent share of the lapsed
print(attrition[["active_at_start", "lapsed_by_end"]].to_numpy().tolist())
print(leavers["n_lapsed"], leavers["n_silent"])

# %% [markdown] tags=["en"]
# ## 8b. One client's card, before the call
#
# Before calling a client of the next list, the manager reads their history on one page
# (`workbench.client_card`): the orders, the rung of the loyalty ladder quarter by quarter,
# the complaints and contacts, the survey answers. Here the client at the highest risk of
# the next list; the widget below opens any other client.

# %% [markdown] tags=["ru"]
# ## 8b. Карточка клиента перед звонком
#
# Перед звонком клиенту из следующего списка менеджер читает его историю на одной странице
# (`workbench.client_card`): заказы, ступень лестницы лояльности по кварталам, жалобы и
# обращения, ответы в анкете. Здесь — клиент с самым высоким риском из следующего списка;
# виджет ниже открывает любого другого клиента.

# %%
next_list = scores_now[scores_now >= threshold].sort_values(ascending=False, kind="mergesort")
card_id = str(next_list.index[0]) if len(next_list) else str(base.buyers.index[0])
card = workbench.client_card(folder, card_id)
print(workbench.widgets.describe_client_card(card, card_id, language=language))

# %% tags=["nbval-ignore-output"]
display(workbench.widgets.client_card_panel(folder, customer_id=card_id, language=language))

# %% tags=["nbval-check-output", "remove-report"]
# ✅ check: the card holds this client's orders only, and their count and sum are the history's
mine = tx[tx["customer_id"] == card_id]
print(verdict("orders on the card", len(card["orders"]),
              mine["order_id"].nunique() if "order_id" in mine else len(mine), abs=0))
print(verdict("amount on the card", card["orders"]["amount"].sum(), mine["amount"].sum(),
              rel=1e-9))

# %% [markdown] tags=["en"]
# ## 8c. Decisions for the next round
#
# Two choices of this step reach the next run. How old may an "open" complaint be before it
# is a question for the data owner rather than the first call (`stale_days`)? And which share
# of each action list is held out, not contacted, so that the next round can be measured
# (the control group of step 7)? The panel shows what each choice means on this client's
# data; "Save this decision" writes both into the workshop file, where step 7's action lists
# and this step read them.

# %% [markdown] tags=["ru"]
# ## 8c. Решения для следующего круга
#
# Два решения этого шага переходят в следующий запуск. Сколько дней «открытая» жалоба может
# висеть, прежде чем она станет вопросом к владельцу данных, а не первым звонком
# (`stale_days`)? И какую долю каждого списка действий оставить без контакта, чтобы следующий
# круг можно было измерить (контрольная группа шага 7)? Панель показывает, что значит каждый
# выбор на данных клиента; «Сохранить решение» записывает оба значения в файл воркшопа,
# откуда их читают списки действий шага 7 и этот шаг.

# %% tags=["nbval-ignore-output"]
next_lists = {k: v for k, v in counts["by_strategy"].items() if k != "attract"}
second_round = workbench.widgets.second_round_panel(
    feedback, base.asof, list_sizes=next_lists, stale_days=stale_days,
    control_share=workbench.read_workshop(data_dir).get("plan.control_share"),
    language=language, workshop=data_dir,
)
display(second_round)

# %% tags=["nbval-check-output", "remove-report"]
# ✅ check: open complaints (calls + stale) at the chosen age; the control clients of the lists
r = second_round.result
print(verdict("open complaints: calls, stale", [r["n_calls"], len(r["stale"])], [16, 88],
              abs=0))
print(verdict("control clients of the next lists", r["n_control"], 293, abs=3))

# %% tags=["hide"]
# what this step shows, recorded for the run's cross-step check (written only with out_dir)
workbench.save_counts(out_dir, 8, {
    "n_clients": counts["n_clients"], "n_active": len(base.active),
    "n_lapsed": leavers["n_lapsed"], "n_high_risk": int((scores_now >= threshold).sum())})

# %% [markdown] tags=["en"]
# ## 8. The second round, measured: what did each offer change?
#
# Step 7 held out a random control group in every list and recorded the campaign in
# `campaign.json`. With that record in the data folder and the transactions after the
# campaign (a new export, or `followup/transactions.csv`), we compare, list by list, the
# contacted clients with their control group over the campaign's window: the share still
# buying, the revenue per client and the churn (no purchase in the window). Each difference
# comes with its interval: a list whose interval covers zero has shown no effect we can tell
# from chance, and the text says how many clients per group the next round needs to see one.

# %% [markdown] tags=["ru"]
# ## 8. Второй круг, измеренный: что изменило каждое предложение?
#
# Шаг 7 оставил в каждом списке случайную контрольную группу и записал кампанию в
# `campaign.json`. Когда эта запись лежит в папке данных вместе с продажами после кампании
# (новой выгрузкой или файлом `followup/transactions.csv`), мы сравниваем, список за списком,
# клиентов, с которыми связались, с их контрольной группой за окно кампании: долю тех, кто
# ещё покупает, выручку на клиента и уход (ни одной покупки за окно). У каждой разницы есть
# интервал: список, чей интервал накрывает ноль, не показал эффекта, который можно отличить от
# случайности, и текст говорит, сколько клиентов в каждой группе нужно следующему кругу, чтобы
# его увидеть.

# %%
second = workbench.load_second_round(folder, mapping=mapping)
if second is None:
    print(workbench.describe_no_campaign(language=language))
else:
    effect = workbench.measure_campaign(second.campaign, second.transactions)
    print(workbench.describe_campaign_effect(effect, language=language))

# %% [markdown] tags=["en"]
# The same, as a table and a picture: each point is a list's difference in the share still
# buying (contacted minus control), the bar its interval, the dashed line "no effect".

# %% [markdown] tags=["ru"]
# То же таблицей и картинкой: каждая точка — разница в доле покупающих (с контактом минус
# контроль) для списка, отрезок — её интервал, пунктир — «эффекта нет».

# %%
if second is not None:
    display(workbench.format_campaign_effect(effect, language=language))
    workbench.plotting.plot_campaign_effect(effect, language=language)
    plt.show()

# %% [markdown] tags=["en"]
# The share of would-be leavers the contacts kept is the success rate step 5 had to guess.
# The next round's step 5 takes the measured one: set `save_measured_rate = True` in the
# parameters to write it into the workshop file (`decisions.success_rate`, with who and when),
# where steps 5 and 7 read it. The sample's folder is left as it is.

# %% [markdown] tags=["ru"]
# Доля удержанных из тех, кто ушёл бы, — это процент успеха, который шагу 5 пришлось угадывать.
# Шаг 5 следующего круга берёт измеренный: поставьте `save_measured_rate = True` в параметрах,
# чтобы записать его в файл воркшопа (`decisions.success_rate`, с тем, кто и когда), откуда его
# читают шаги 5 и 7. Папку примера мы не меняем.

# %%
if second is not None and save_measured_rate:
    workbench.save_success_rate(effect, data_dir)
    print(workbench.read_workshop(data_dir).get("decisions.success_rate"))

# %% tags=["nbval-check-output", "remove-report"]
# ✅ check: clients per group and list; the difference per list to 0.005; verdicts; the rate
if second is not None:
    print(effect.complete, effect.table["verdict"].to_dict())
    print(verdict("contacted per list", effect.table["n_treated"], [231, 137, 687], abs=0))
    print(verdict("control per list", effect.table["n_control"], [26, 15, 76], abs=0))
    print(verdict("still buying, contacted minus control", effect.table["uplift"],
                  [0.051, 0.332, 0.108], abs=0.005))
    print(verdict("measured success rate", effect.success_rate, 0.141, abs=0.005))

# %% [markdown] tags=["en", "workshop-only"]
# ## 📝 Your turn
#
# 1. The complaint effect mixes business clients with one-off online shoppers, who leave
#    often anyway. Repeat the complaint comparison for business clients only (`type == "B2B"`
#    in the customers table): does the gap between resolved and unresolved complaints grow?
# 2. Tighten the retention list: set the threshold to 0.7 and read how the hit rate and the
#    recall of the loop check move. Which would you choose if a retention call costs a
#    manager's hour?
# 3. Measure the first round with 95% intervals instead of 90%: which verdicts change, and
#    how many more clients per group would the next round need?

# %% [markdown] tags=["ru", "workshop-only"]
# ## 📝 Ваша очередь
#
# 1. Эффект жалоб смешивает бизнес-клиентов с разовыми интернет-покупателями, которые и так
#    часто уходят. Повторите сравнение жалоб только для бизнес-клиентов (`type == "B2B"` в
#    таблице клиентов): растёт ли разрыв между решёнными и нерешёнными жалобами?
# 2. Сузьте список удержания: поставьте порог 0,7 и прочитайте, как меняются доля попаданий и
#    полнота проверки цикла. Что бы вы выбрали, если звонок для удержания стоит часа работы
#    менеджера?
# 3. Измерьте первый круг с интервалами 95 % вместо 90 %: какие выводы меняются и насколько
#    больше клиентов в каждой группе понадобится следующему кругу?

# %% tags=["solution"]
b2b = customers.loc[customers["type"] == "B2B", "customer_id"] if (
    customers is not None and "type" in customers.columns) else []
if feedback is not None and len(b2b):  # a folder without business clients has nothing to split
    b2b_complaints = workbench.complaints_summary(
        feedback[feedback["customer_id"].isin(b2b)], tx=tx[tx["customer_id"].isin(b2b)],
        asof=asof, horizon=lost_horizon,
    )
    print(workbench.describe_complaints(b2b_complaints, language=language))

# %% tags=["solution"]
strict = workbench.loop_check(
    scores_then, tx, asof=prediction_date, horizon=horizon, threshold=0.7, observed_until=asof
)
print(workbench.describe_loop_check(strict, language=language))

# %% tags=["solution"]
if second is not None:
    strict_effect = workbench.measure_campaign(second.campaign, second.transactions, level=0.95)
    print(workbench.describe_campaign_effect(strict_effect, language=language))

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
    workbench.survey.control_checklist(folder.workshop, step=8), language))

# %% [markdown] tags=["en"]
# ## In this notebook we:
# - measured NPS with its interval, by segment and by period, and learnt to compare groups
#   only when their intervals separate;
# - read the complaints: how fast they are resolved, which topics are slow or left open, and
#   how much more often clients with an unresolved complaint leave — a complaint is a gift;
# - sorted the refusal reasons: a few of them explain most refusals;
# - planned the funnel backwards, from the course's 80 → 40 → 4 → 1 to the client's own
#   conversions;
# - closed the loop: checked the churn list against who actually left, and handed the
#   win-back list, the lessons and today's retention list to the second round;
# - measured the first round against its control groups: what each offer changed, with its
#   interval, and the success rate that replaces step 5's guess.
#   Next: back to step 1 with the new questions — the method is a cycle.

# %% [markdown] tags=["ru"]
# ## В этой тетради мы:
# - измерили NPS с интервалом, по сегментам и по периодам, и научились сравнивать группы, только
#   когда их интервалы расходятся;
# - прочитали жалобы: как быстро их решают, какие темы решаются медленно или остаются
#   открытыми и насколько чаще уходят клиенты с нерешённой жалобой — жалоба это подарок;
# - разложили причины отказов: несколько из них объясняют большинство отказов;
# - спланировали воронку в обратную сторону, от примера курса 80 → 40 → 4 → 1 до собственных
#   конверсий клиента;
# - замкнули цикл: сверили список ухода с тем, кто действительно ушёл, и передали во второй
#   круг список на возврат, выводы и сегодняшний список удержания;
# - измерили первый круг по контрольным группам: что изменило каждое предложение, с
#   интервалом, и процент успеха, который заменяет догадку шага 5.
#   Дальше: снова шаг 1 с новыми вопросами — метод это цикл.

# %% tags=["nbval-ignore-output"]
print(workbench.versions())
