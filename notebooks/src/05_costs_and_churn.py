# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown] tags=["en"]
# # Step 5 — Costs and the expected result: is it worth it?
#
# **Why this step matters to the client.** Step 4 told us which clients matter; before step 6
# spends money on offers, management needs to know what an action costs and what it is
# expected to bring. For keeping clients the question is concrete: who is likely to stop
# buying, how much of their business is at stake, and for which of them an offer (a call, a
# discount, a gift, fixing an open complaint) pays for itself. The deck on keeping clients
# reminds us that even the best companies lose about 10% of their clients a year, and that a
# company can lose them "without even noticing": most leave over service (65% in the cited
# TARP study, 15% over a bad answer to a complaint), not over price (8%). Without this step the
# retention budget goes either to everyone (wasted on clients who would have stayed) or to no
# one (the valuable leavers walk away silently).
#
# **In this notebook we will:**
# 1. define churn for a business without contracts, and count who churned in the last horizon;
# 2. check honestly, on a period the model never saw, how well a churn model predicts — against
#    the plain rule "whoever has not bought for longest leaves first";
# 3. read what drives churn, in business words, and check the service effect (complaints);
# 4. score every client today and put them in risk bands;
# 5. weigh the value at risk against the cost of an offer: whom to target, what it brings, and
#    the threshold in money — the decisions of this step, in two widgets;
# 6. try it ourselves (📝 Your turn).

# %% [markdown] tags=["ru"]
# # Шаг 5 — Оценка затрат и ожидаемого результата: «стоит ли овчинка выделки?»
#
# **Почему этот шаг важен клиенту.** Шаг 4 показал, какие клиенты важны; прежде чем шаг 6
# потратит деньги на предложения, руководству нужно знать, во что обходится действие и что оно
# должно принести. Для удержания клиентов вопрос конкретен: кто, скорее всего, перестанет
# покупать, какая часть его покупок под угрозой и для кого из них предложение (звонок, скидка,
# подарок, закрытая жалоба) окупается. Материал об удержании клиентов напоминает: даже лучшие
# компании теряют около 10 % клиентов в год, и компания может терять их, «даже не замечая
# этого»: большинство уходит из-за обслуживания (65 % в цитируемом исследовании TARP, 15 % — из-за
# плохого ответа на жалобу), а не из-за цены (8 %). Без этого шага бюджет удержания уходит либо
# всем (впустую на тех, кто и так остался бы), либо никому (ценные клиенты молча уходят).
#
# **В этой тетради мы:**
# 1. определим уход клиента для бизнеса без договоров и посчитаем, кто ушёл за последний
#    горизонт;
# 2. честно проверим на периоде, которого модель не видела, насколько хорошо модель ухода
#    предсказывает, — в сравнении с простым правилом «первым уходит тот, кто дольше всех не
#    покупал»;
# 3. прочитаем, что определяет уход, на языке бизнеса, и проверим влияние сервиса (жалобы);
# 4. оценим каждого клиента сегодня и разложим по группам риска;
# 5. сопоставим ценность под угрозой со стоимостью предложения: кому предлагать, что это
#    принесёт и порог в деньгах — решения этого шага, в двух виджетах;
# 6. попробуем сами (📝 Ваша очередь).

# %% tags=["parameters"]
# Parameters: `workbench run` replaces these (data_dir becomes absolute).
data_dir = "../data/samples"  # folder with the client's tables
asof = None  # observation end "YYYY-MM-DD"; None = last transaction date
language = "en"  # "en" or "ru": plots, widgets, tables and computed prose
mapping = None  # optional YAML/JSON column mapping for messy exports
out_dir = None  # where `workbench run` writes deliverables (unused here)
horizon = None  # churn horizon H (no purchase within H after asof = churned); None = plan.horizon of the workshop file
horizons = None  # horizons offered by the retention widget (the first = horizon); None = horizon and twice it
offer_cost = None  # cost of a retention offer per client; None = decisions.offer_cost of the workshop file
success_rate = None  # share of would-be leavers the offer keeps; None = decisions.success_rate of the workshop file
risk_cutoffs = None  # (low, high) churn-risk cut-offs; None = the workshop's threshold, else 0.3/0.6
margin = None  # margin rate applied to revenue when transactions have no cost column

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
side = {name: folder.tables.get(name) for name in ("customers", "feedback", "survey")}

# %%
# what the parameters leave open (None) comes from the workshop file; one banner names what
# the step lacks and which defaults of the method this run uses meanwhile
settings, banner = workbench.step_settings(folder, 5, language=language, horizon=horizon,
                                           offer_cost=offer_cost, success_rate=success_rate)
horizon, offer_cost, success_rate = (settings[k] for k in ("horizon", "offer_cost",
                                                           "success_rate"))
if horizons is None:  # the horizon and twice it, for the retention widget
    horizons = [horizon, f"{2 * workbench.churn.horizon_days(horizon)}D"]
if banner:
    print(banner)
past = workbench.backtest_asof(tx, horizon, asof)  # today minus one horizon: outcome known

# %% [markdown] tags=["en"]
# ### The client base this step counts
#
# Every step counts the same clients by one definition: `workbench.client_base` places each
# client once — rung, ABC-XYZ cell, RFM segment, churn risk, strategy — and every notebook
# reads it. What "lapsed", "active" and "churn risk" mean in this run, and how many clients
# each covers:

# %% [markdown] tags=["ru"]
# ### Клиентская база, которую считает этот шаг
#
# Все шаги считают одних и тех же клиентов по одному определению: `workbench.client_base`
# один раз определяет для каждого клиента ступень, клетку ABC-XYZ, сегмент RFM, риск ухода и
# стратегию, и каждая тетрадь читает этот результат. Что в этом запуске значат «ушедший»,
# «активный» и «риск ухода» и сколько клиентов в каждой группе:

# %%
base = workbench.client_base(folder, asof=asof, horizon=horizon, risk_cutoffs=risk_cutoffs)
risk_cutoffs = base.settings["risk_cutoffs"]  # one set of risk bands for the whole run
counts = base.counts()
print(workbench.describe_definitions(base, language=language))
print(workbench.describe_counts(counts, language=language))

# %% [markdown] tags=["en"]
# ## 1. What is churn when nobody cancels a contract?
#
# A business whose clients buy without a contract never receives a letter "we are leaving":
# clients simply stop buying. So we fix a horizon H (here `horizon`) and call a client
# **churned** when they made no purchase within H after a given date. For the last date whose
# outcome we already know — today minus one horizon — `workbench.churn_labels` gives the exact
# answer for every client.

# %% [markdown] tags=["ru"]
# ## 1. Что такое уход, если никто не расторгает договор?
#
# Компания, у которой клиенты покупают без договора, никогда не получит письма «мы уходим»:
# клиенты просто перестают покупать. Поэтому мы задаём горизонт H (здесь `horizon`) и называем
# клиента **ушедшим**, если он ничего не купил в течение H после заданной даты. Для последней
# даты, исход которой уже известен, — сегодня минус один горизонт — `workbench.churn_labels`
# даёт точный ответ по каждому клиенту.

# %%
# a short export (less than two horizons of purchases) skips the model parts with a sentence
labels_ok = workbench.churn_history_ok(tx, horizon, asof, n_horizons=1, language=language)
if labels_ok:
    labels = workbench.churn_labels(tx, past, horizon)
    print(workbench.describe_churn_labels(labels, past, horizon, language=language))

# %% [markdown] tags=["en"]
# This is the base rate every forecast must beat. A high rate is normal when many clients buy
# once (online shoppers); the question of this step is not "how many leave" but "which of
# those who leave are worth keeping, and at what price".

# %% [markdown] tags=["ru"]
# Это базовая доля, которую должен превзойти любой прогноз. Высокая доля нормальна, когда
# многие клиенты покупают один раз (интернет-покупатели); вопрос этого шага не «сколько
# уходит», а «кого из уходящих стоит удерживать и за какую цену».

# %% tags=["nbval-check-output"]
# ✅ check: clients labelled at today − H and their churn rate
if labels_ok:
    print(str(past.date()), len(labels), round(float(labels.mean()), 2))

# %% [markdown] tags=["en", "analyst"]
# ## 2. Does the model see it coming? An honest, out-of-time check
#
# We train `workbench.ChurnModel` only on the data up to today − H (it stacks earlier windows:
# features at a date, outcome in the horizon after it) and then score the clients at today − H.
# The outcome of that last horizon was never shown to the model, so the check is what the
# consultant would have seen had they run the model one horizon ago. Alongside, the plain
# **recency baseline** ("the longer since the last purchase, the likelier to leave") is
# measured on the same clients.

# %% [markdown] tags=["ru", "analyst"]
# ## 2. Видит ли модель уход заранее? Честная проверка на будущем периоде
#
# Обучаем `workbench.ChurnModel` только на данных до «сегодня − H» (она складывает более ранние
# окна: признаки на дату, исход — в горизонте после неё) и затем оцениваем клиентов на дату
# «сегодня − H». Исход этого последнего горизонта модели никогда не показывали, поэтому проверка
# показывает то, что увидел бы консультант, запусти он модель на один горизонт раньше. Рядом на
# тех же клиентах измерена простая **базовая модель по давности** («чем дольше с последней
# покупки, тем вероятнее уход»).

# %% tags=["analyst"]
backtest_ok = workbench.churn_history_ok(tx, horizon, asof, n_horizons=2, language=language)
if backtest_ok:
    past_model = workbench.ChurnModel(horizon=horizon).fit(tx, asof=past, **side)
    evaluation = past_model.evaluate(tx, past, **side)
    print(workbench.describe_evaluation(evaluation, language=language))

# %% [markdown] tags=["en", "analyst"]
# How to read it: ROC AUC is the chance that a random leaver is ranked above a random client
# who stays (0.5 = a coin toss); the lift says how much richer in leavers the top 10% of the
# list is; the Brier score and the calibration plot say whether "70%" really means 70 out of
# 100. Only calibrated probabilities can be multiplied by money in section 5.

# %% [markdown] tags=["ru", "analyst"]
# Как читать: ROC AUC — вероятность того, что случайный ушедший окажется в списке выше
# случайного оставшегося (0,5 — подбрасывание монеты); подъём (lift) показывает, во сколько раз
# верхние 10 % списка богаче уходящими; оценка Брайера и график калибровки говорят, значит ли
# «70 %» на самом деле 70 из 100. Только откалиброванные вероятности можно умножать на деньги в
# разделе 5.

# %% tags=["nbval-ignore-output", "analyst"]
if backtest_ok:
    workbench.plotting.plot_calibration(evaluation, language=language)
    plt.show()

# %% tags=["nbval-check-output"]
# ✅ check: ROC AUC, AP and Brier to 0.005, top-decile lift to 0.02 — model, then recency baseline
if backtest_ok:
    metrics = evaluation["metrics"]  # rows: the model, then the recency baseline
    print(verdict("ROC AUC", metrics["roc_auc"], [0.876, 0.840], abs=0.005))
    print(verdict("average precision", metrics["average_precision"], [0.899, 0.877], abs=0.005))
    print(verdict("top-decile lift", metrics["top_decile_lift"], [1.459, 1.436], abs=0.02))
    print(verdict("Brier score", metrics["brier"], [0.125, 0.151], abs=0.005))

# %% [markdown] tags=["en"]
# ## 3. What drives churn, in business words
#
# Permutation importance: shuffle one feature and see how much the ranking quality (ROC AUC)
# drops. Features are named in business words (days since the last purchase, irregularity of
# purchases, unresolved complaints …).

# %% [markdown] tags=["ru"]
# ## 3. Что определяет уход, на языке бизнеса
#
# Перестановочная важность: перемешиваем один признак и смотрим, насколько падает качество
# ранжирования (ROC AUC). Признаки названы словами бизнеса (дни с последней покупки,
# нерегулярность покупок, нерешённые жалобы …).

# %%
if backtest_ok:
    drivers = past_model.explain()
    print(workbench.describe_drivers(drivers, language=language))

# %% tags=["nbval-ignore-output"]
if backtest_ok:
    workbench.plotting.plot_importances(drivers, top=12, language=language)
    plt.show()

# %% [markdown] tags=["en"]
# Correlated features share their importance (recency, the BG/NBD probabilities and recent
# counts all say "has not bought lately"), so a service feature with a small number can
# still matter a lot for the few clients it concerns. The plain comparison below checks the
# service effect directly: the share of clients lost among those who never complained, those
# whose complaint was resolved, and those whose complaint is still open.

# %% [markdown] tags=["ru"]
# Связанные признаки делят важность между собой (давность, вероятности BG/NBD и недавние
# количества — всё это «давно не покупал»), поэтому сервисный признак с маленьким числом может
# много значить для тех немногих клиентов, которых он касается. Простое сравнение ниже
# проверяет влияние сервиса напрямую: доля потерянных клиентов среди тех, кто никогда не
# жаловался, тех, чья жалоба решена, и тех, чья жалоба всё ещё открыта.

# %%
if workbench.needs(folder, "feedback", language=language):
    complaints = workbench.complaints_summary(folder.tables["feedback"], tx, asof=asof)
    print(workbench.describe_complaints(complaints, language, topics=False))
    workbench.plotting.plot_complaint_churn(complaints, language=language)
    plt.show()

# %% [markdown] tags=["en"]
# A resolved complaint keeps the client; an unresolved one loses them — the cheapest
# retention offer is often to close the open complaints ("a complaint is a gift").

# %% [markdown] tags=["ru"]
# Решённая жалоба удерживает клиента; нерешённая — теряет его: самое дешёвое предложение
# для удержания — часто закрыть открытые жалобы («жалоба — это подарок»).

# %% tags=["nbval-check-output"]
# ✅ check: features used, and the churn rate per complaint group
if backtest_ok:
    print(len(drivers))
if workbench.needs(folder, "feedback", language=language):
    print(complaints.churn["churn_rate"].round(2).tolist())  # never / resolved / unresolved

# %% [markdown] tags=["en"]
# ## 4. Who is at risk today?
#
# Now the model for today: trained on all the data up to today (the last window's outcome is
# known), it scores every active client for the horizon that starts today (the client base
# above holds it; lapsed clients have already left and are a win-back population, not a risk).
# The risk bands use the cut-offs `risk_cutoffs`; they are for the conversation with the sales
# team — the money-optimal line comes in section 5.
#
# The model earns this only by beating the simple rule: when, on the client's own last horizon
# (section 2), its ROC AUC is not at least 0.02 above recency's with a Brier score no worse, the
# list is ranked by the days since the last purchase instead, and the risk is the recency
# curve's. The sentence under the bands says which of the two this run uses.

# %% [markdown] tags=["ru"]
# ## 4. Кто в зоне риска сегодня?
#
# Теперь модель на сегодня: обученная на всех данных до сегодняшнего дня (исход последнего
# окна известен), она оценивает каждого активного клиента на горизонт, который начинается
# сегодня (её оценки хранит клиентская база выше; ушедшие клиенты уже ушли — их возвращают, а
# не удерживают). Группы риска используют границы `risk_cutoffs`; они для разговора с отделом
# продаж — оптимальная по деньгам граница появится в разделе 5.
#
# Это место модель заслуживает, только если она лучше простого правила: когда на последнем
# горизонте собственной истории клиента (раздел 2) её ROC AUC не выше, чем у давности, хотя бы
# на 0,02 при оценке Брайера не хуже, список упорядочивается по дням с последней покупки, а риск
# берётся с кривой давности. Предложение под группами говорит, что из двух использует этот
# запуск.

# %%
today_ok = workbench.churn_history_ok(tx, horizon, asof, n_horizons=1, language=language)
if today_ok:  # the active clients' churn probability, from the client base
    probabilities = base.active["churn_probability"].dropna()
    print(workbench.describe_risk(probabilities, risk_cutoffs, language=language))
    # the model ranks the list only if it beat recency on the client's own last horizon
    print(workbench.describe_churn_ranking(base.settings["churn_ranking"], language=language))

# %% tags=["nbval-ignore-output"]
if today_ok:
    workbench.plotting.plot_risk_bands(probabilities, risk_cutoffs, language=language)
    plt.show()

# %% tags=["nbval-check-output"]
# ✅ check: active clients scored, what ranks them, and per risk band today (low, medium, high)
if today_ok:
    bands = workbench.risk_band(probabilities, risk_cutoffs)
    print(len(probabilities), counts["n_lapsed"], base.settings["churn_ranking"]["rank_by"])
    print(verdict("clients per band (low, medium, high)",
                  bands.value_counts().reindex(["low", "medium", "high"], fill_value=0),
                  [703, 286, 770], abs=5))

# %% tags=["hide"]
# what this step shows, recorded for the run's cross-step check (written only with out_dir)
shown = {"n_clients": counts["n_clients"], "n_lapsed": counts["n_lapsed"],
         "n_active": len(base.active)}
if today_ok:
    shown.update(n_active=len(probabilities), n_high_risk=int((bands == "high").sum()))
workbench.save_counts(out_dir, 5, shown)

# %% [markdown] tags=["en"]
# ## 5. Is it worth it? Value at risk, the offer and the threshold
#
# What a client would bring over the horizon if they stay (`workbench.retention_value`: the
# customer-value model's margin, or the last year's margin at the client's own pace when that
# predicted the client's own last horizon better), times the churn probability, is the **value at
# risk**. An offer to a client is worth making when the margin it is expected to save —
# probability × success rate × value — exceeds its cost. `workbench.retention_plan` ranks
# the clients by that expected gain, targets down to the point where the total gain is
# largest, and rolls the result up per rung of the loyalty ladder.

# %% [markdown] tags=["ru"]
# ## 5. Стоит ли? Ценность под угрозой, предложение и порог
#
# То, что клиент принёс бы за горизонт, если останется (`workbench.retention_value`: маржа по
# модели ценности клиента или маржа последнего года в собственном темпе клиента — что точнее
# предсказало его последний горизонт), умноженное на вероятность ухода, — это
# **ценность под угрозой**. Предложение клиенту имеет смысл, когда маржа, которую оно должно
# сохранить, — вероятность × доля успеха × ценность — больше его стоимости.
# `workbench.retention_plan` упорядочивает клиентов по этому ожидаемому выигрышу, выбирает их до
# точки, где суммарный выигрыш наибольший, и сводит результат по ступеням лестницы
# приверженности.

# %%
if margin is None:  # the workshop file's margin rate, when transactions have no cost column
    margin = folder.workshop.get("company.margin")
# the value model or last year's pace, whichever predicted the last horizon better (as step 7)
value, value_backtest = workbench.retention_value(tx, asof=asof, horizon=horizon, margin=margin)
value = value.clip(lower=0)
cost = offer_cost  # None: the workshop file prices no offer (the banner names the field)
offer_priced = today_ok and cost is not None  # no offer is priced that the room has not priced
rungs = base.table["rung"]  # the run's loyalty ladder (with the survey), from the client base
if offer_priced:
    plan = workbench.retention_plan(probabilities, value, cost, success_rate, segments=rungs)
    print(workbench.describe_retention_plan(plan, language=language))

# %%
if offer_priced:
    display(workbench.format_retention_segments(plan, language=language))

# %% tags=["nbval-check-output"]
# ✅ check: offer cost, gain and value at risk to 0.1 %, clients to target within 5
if offer_priced:
    print(verdict("offer cost", cost, 400, rel=0.001))
    print(verdict("clients to target", plan.n_target, 140, abs=5))
    print(verdict("expected net gain", plan.total_gain, 101261, rel=0.001))
    print(verdict("value at risk", plan.table["value_at_risk"].sum(), 1085420, rel=0.001))

# %% [markdown] tags=["en"]
# **The decision: the offer.** For the offer's cost, its success rate and the horizon, the
# panel reads how many clients it pays to target and what the campaign is expected to bring.
# The curve rises while each next offer saves more than it costs, and falls after the optimum.
# (For each horizon the panel uses a churn model fitted for that horizon.)

# %% [markdown] tags=["ru"]
# **Решение: предложение.** По стоимости предложения, доле успеха и горизонту панель
# показывает, скольким клиентам выгодно предлагать и что должна принести кампания. Кривая
# растёт, пока каждое следующее предложение сохраняет больше, чем стоит, и падает после
# оптимума. (Для каждого горизонта панель использует модель ухода, обученную на этот горизонт.)

# %% [markdown] tags=["en", "workshop-only"]
# Move the offer's cost, its success rate and the horizon with the team, and read the answer.

# %% [markdown] tags=["ru", "workshop-only"]
# Двигайте стоимость предложения, долю успеха и горизонт вместе с командой и читайте ответ.

# %% tags=["nbval-ignore-output"]
if offer_priced:  # a longer horizon needs a longer history: left out when the data are short
    by_horizon = {h: workbench.ChurnModel(horizon=h).fit(tx, asof=asof, **side)
                  .predict_proba(tx, asof=asof, **side) for h in horizons[1:]
                  if workbench.churn_history_ok(tx, h, asof, n_horizons=1, language=language)}
    by_horizon = {h: p[p.index.isin(base.active.index)] for h, p in by_horizon.items()}
    by_horizon = {horizons[0]: probabilities, **by_horizon}
    values = workbench.retention_value_by_horizon(tx, list(by_horizon), asof=asof,
                                                  margin=margin, positive=True)
    panel = workbench.widgets.retention_panel(by_horizon, values, segments=rungs,
                                              offer_cost=cost, success_rate=success_rate,
                                              language=language)
    display(panel)

# %% [markdown] tags=["en"]
# **The decision: the threshold, tested on the past.** A probability threshold ("call everyone
# above 60%") is what a sales team can act on. What would it have cost or brought last time?
# We take the scores the past model gave one horizon ago, what each client was worth then, and
# what really happened: the confusion matrix in money. The `risk_cutoffs` high line is the
# starting point.

# %% [markdown] tags=["ru"]
# **Решение: порог, проверенный на прошлом.** Порог вероятности («звоним всем, у кого больше
# 60 %») — то, с чем отдел продаж может работать. Чего бы он стоил или что принёс бы в прошлый
# раз? Берём оценки, которые прошлая модель дала один горизонт назад, ценность каждого клиента
# на тот момент и то, что произошло на самом деле: матрицу ошибок в деньгах. Отправная точка —
# верхняя граница `risk_cutoffs`.

# %%
if backtest_ok and cost is not None:
    past_probabilities = past_model.predict_proba(tx, asof=past, **side)
    past_value = workbench.expected_value(tx, asof=past, horizon=horizon,
                                          margin=margin).clip(lower=0)
    backtest = workbench.money_confusion(past_probabilities, labels, past_value, cost,
                                         success_rate, threshold=risk_cutoffs[1])
    print(workbench.describe_money_confusion(backtest, language=language))

# %% tags=["nbval-ignore-output"]
if backtest_ok and cost is not None:
    threshold_panel = workbench.widgets.threshold_panel(
        past_probabilities, labels, past_value, cost, success_rate, threshold=risk_cutoffs[1],
        language=language)
    display(threshold_panel)

# %% tags=["nbval-check-output"]
# ✅ check: back-test at the high-risk cut-off: contacted; clients per cell (left & offer,
# left & no offer, stayed & offer, stayed & no offer) within 5; net and missed to 0.1 %
if backtest_ok and cost is not None:
    print(verdict("contacted", backtest.attrs["n_targeted"], 1942, abs=5))
    print(verdict("clients per cell", backtest["n"], [1613, 128, 329, 680], abs=5))
    print(verdict("net", backtest.attrs["net"], -369721, rel=0.001))
    print(verdict("missed", backtest.attrs["missed"], -626567, rel=0.001))

# %% [markdown] tags=["en"]
# ## 6. Every planned action in money: cost, result, ROI, payback
#
# The retention offer is one of several things the workshop plans. Step 3 chose improvements
# of the attributes clients rate (with a cost for a year), step 6 agreed an offer per segment
# (a cost per client), and sales may buy or generate leads. `workbench.action_economics`
# weighs them all the same way, from the workshop file: whom each action reaches (clients of
# its segment, the at-risk clients worth the retention offer, new leads), its cost (one-off +
# per client; a yearly cost carries the horizon's share), the expected result over the
# horizon with its assumption stated (the share of would-be leavers it keeps, the growth of
# what staying clients buy, or leads × conversion × value of a new client, the conversion
# measured in the leads table), the net, ROI, payback and who does it — in-house or bought
# in. A client's value is the one the back-test prefers (model or last year's pace). An
# action the file does not price is listed with the fields to fill: nothing is invented.
# Each row is the action alone; the chosen set counts each client once per horizon — where a
# segment's offer and the retention offer reach the same client, the one that keeps more of
# that client's value at risk is credited with it, and the other's claim is deducted.

# %% [markdown] tags=["ru"]
# ## 6. Все запланированные действия в деньгах: затраты, результат, рентабельность, окупаемость
#
# Удерживающее предложение — лишь одно из того, что планирует воркшоп. На шаге 3 выбраны
# улучшения атрибутов, которые оценивают клиенты (со стоимостью на год), на шаге 6 — по
# предложению на сегмент (стоимость на клиента), а продажи могут покупать или получать лиды.
# `workbench.action_economics` взвешивает их одинаково, по файлу воркшопа: кого затрагивает
# действие (клиентов его сегмента, клиентов под риском, которым окупается удерживающее
# предложение, новых лидов), во что обходится (разово + на клиента; из годовой стоимости за
# горизонт берётся его доля), что должно принести за горизонт — с явным допущением (доля
# уходящих, которых оно удержит, рост покупок остающихся или лиды × конверсия × ценность нового
# клиента; конверсия — по таблице лидов), чистый итог, рентабельность, окупаемость и кто делает —
# своими силами или подрядчик. Ценность клиента — та, которую предпочла обратная проверка
# (модель или темп прошлого года). Действие, которое файл не позволяет оценить, показано с
# полями, которые нужно заполнить: ничего не придумывается. Каждая строка — действие само по
# себе; выбранный набор учитывает каждого клиента один раз за горизонт: если предложение
# сегменту и удерживающее предложение достаются одному клиенту, его ценность под риском
# засчитывается тому, что удерживает больше, а притязание другого вычитается.

# %%
economics = workbench.action_economics(folder, asof=asof)
print(workbench.describe_action_economics(economics, language=language))

# %%
display(workbench.format_action_economics(economics, language=language))

# %% tags=["nbval-ignore-output"]
workbench.plotting.plot_action_economics(economics, language=language);

# %% [markdown] tags=["en"]
# **The decision: the plan of actions.** Pick an action, change its assumptions (the share it
# keeps, the growth, the costs, a source's conversion), tick or untick it, and read what the
# chosen set costs and brings. "Save this decision" writes the chosen set and the assumptions
# back into the workshop file, so the next run and the report start from the room's choice.

# %% [markdown] tags=["ru"]
# **Решение: план действий.** Выберите действие, измените его допущения (долю удержанных,
# рост, затраты, конверсию источника), отметьте его или снимите отметку и читайте, сколько
# стоит и что приносит выбранный набор. «Сохранить решение» записывает выбранный набор и
# допущения обратно в файл воркшопа: следующий запуск и отчёт начнутся с решения, принятого в
# зале.

# %% tags=["nbval-ignore-output"]
actions_panel = workbench.widgets.action_economics_panel(economics, language=language,
                                                         workshop=data_dir)
display(actions_panel)

# %% tags=["nbval-check-output"]
# ✅ check: actions priced and chosen; the chosen set's cost, result (each client counted once)
# and the overlap deducted, to 0.5 %
priced = economics.table["priced"]
chosen_set = economics.totals()
print(verdict("actions", [len(priced), int(priced.sum()), len(economics.chosen)],
              [22, 21, 6], abs=0))
print(verdict("chosen cost", chosen_set["cost"], 576052, rel=0.005))
print(verdict("chosen result", chosen_set["money"], 1201181, rel=0.005))
print(verdict("overlap deducted", chosen_set["overlap"], 204707, rel=0.005))

# %% [markdown] tags=["en", "workshop-only"]
# ## 📝 Your turn
#
# 1. Roll the same plan up by ABC-XYZ cell instead of ladder rung (hint:
#    `workbench.abc_xyz(tx, asof=asof)["cell"]` as `segments=`). Which cell holds the most
#    value at risk, and which brings the most expected gain?
# 2. Halve the success rate. How many clients is the offer still worth making to?

# %% [markdown] tags=["ru", "workshop-only"]
# ## 📝 Ваша очередь
#
# 1. Сведите тот же план по клеткам ABC-XYZ вместо ступеней лестницы (подсказка:
#    `workbench.abc_xyz(tx, asof=asof)["cell"]` как `segments=`). В какой клетке больше всего
#    ценности под угрозой и какая приносит наибольший ожидаемый выигрыш?
# 2. Уменьшите долю успеха вдвое. Скольким клиентам всё ещё стоит делать предложение?

# %% tags=["solution"]
if offer_priced:
    cells = workbench.abc_xyz(tx, asof=asof)["cell"]
    plan_cells = workbench.retention_plan(probabilities, value, cost, success_rate,
                                          segments=cells)
    print(workbench.describe_retention_plan(plan_cells, language=language))
    display(workbench.format_retention_segments(plan_cells, language=language))

# %% tags=["solution"]
if offer_priced:
    plan_half = workbench.retention_plan(probabilities, value, cost, success_rate / 2,
                                         segments=rungs)
    print(workbench.describe_retention_plan(plan_half, language=language))

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
    workbench.survey.control_checklist(folder.workshop, step=5), language))

# %% [markdown] tags=["en"]
# ## In this notebook we:
# - defined churn for a business without contracts (no purchase within the horizon) and
#   counted who churned in the last complete horizon;
# - checked the churn model on a period it never saw, against the recency rule, and read
#   whether its probabilities can be trusted with money;
# - read what drives churn and saw the service effect: clients with an open complaint leave
#   far more often than those whose complaint was resolved;
# - scored every client today, and weighed the value at risk against the cost of an offer:
#   the number of clients worth an offer, the expected net gain and the threshold in money are
#   the decisions we take to management;
# - next step: `06_offers` — what exactly to offer to each rung and segment.

# %% [markdown] tags=["ru"]
# ## В этой тетради мы:
# - определили уход для бизнеса без договоров (нет покупки в течение горизонта) и посчитали,
#   кто ушёл за последний полный горизонт;
# - проверили модель ухода на периоде, которого она не видела, в сравнении с правилом давности
#   и прочитали, можно ли доверять её вероятностям деньги;
# - прочитали, что определяет уход, и увидели влияние сервиса: клиенты с открытой жалобой
#   уходят гораздо чаще тех, чья жалоба решена;
# - оценили каждого клиента сегодня и сопоставили ценность под угрозой со стоимостью
#   предложения: число клиентов, которым стоит предлагать, ожидаемый чистый выигрыш и порог в
#   деньгах — решения, которые мы несём руководству;
# - следующий шаг: `06_offers` — что именно предложить каждой ступени и сегменту.

# %% tags=["nbval-ignore-output"]
print(workbench.versions())
