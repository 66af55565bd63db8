# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Step 5 — Costs and the expected result: is it worth it? (оценка затрат и ожидаемого результата — «стоит ли овчинка выделки?»)
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

# %% tags=["parameters"]
# Parameters: `workbench run` replaces these (data_dir becomes absolute).
data_dir = "../data/samples"  # folder with the client's tables
asof = None  # observation end "YYYY-MM-DD"; None = last transaction date
language = "en"  # "en" or "ru": plots, widgets, tables and computed prose
mapping = None  # optional YAML/JSON column mapping for messy exports
out_dir = None  # where `workbench run` writes deliverables (unused here)
horizon = "90D"  # churn horizon H: no purchase within H after asof = churned
horizons = ["90D", "180D"]  # horizons offered by the retention widget (the first = horizon)
offer_cost = None  # cost of a retention offer per client; None = 10% of the median client value
success_rate = 0.3  # share of would-be leavers the offer keeps
risk_cutoffs = (0.3, 0.6)  # churn probability: below 0.3 low risk, 0.6 and above high risk
margin = None  # margin rate applied to revenue when transactions have no cost column

# %% tags=["hide"]
import matplotlib.pyplot as plt
from IPython.display import display

import workbench
import workbench.plotting
import workbench.widgets

workbench.set_language(language)
folder = workbench.load_folder(data_dir, mapping=mapping)
tx = folder.tables["transactions"]
side = {name: folder.tables.get(name) for name in ("customers", "feedback", "survey")}
past = workbench.backtest_asof(tx, horizon, asof)  # today minus one horizon: outcome known

# %% [markdown]
# ## 1. What is churn when nobody cancels a contract?
#
# A coffee shop or a distributor never receives a letter "we are leaving": clients simply stop
# buying. So we fix a horizon H (here `horizon`) and call a client **churned** when they made
# no purchase within H after a given date. For the last date whose outcome we already know —
# today minus one horizon — `workbench.churn_labels` gives the exact answer for every client.

# %%
# a short export (less than two horizons of purchases) skips the model parts with a sentence
labels_ok = workbench.churn_history_ok(tx, horizon, asof, n_horizons=1, language=language)
if labels_ok:
    labels = workbench.churn_labels(tx, past, horizon)
    print(workbench.describe_churn_labels(labels, past, horizon, language=language))

# %% [markdown]
# This is the base rate every forecast must beat. A high rate is normal when many clients buy
# once (online shoppers); the question of this step is not "how many leave" but "which of
# those who leave are worth keeping, and at what price".

# %% tags=["nbval-check-output"]
# ✅ check: clients labelled at today − H and their churn rate
if labels_ok:
    print(str(past.date()), len(labels), round(float(labels.mean()), 2))

# %% [markdown]
# ## 2. Does the model see it coming? An honest, out-of-time check
#
# We train `workbench.ChurnModel` only on the data up to today − H (it stacks earlier windows:
# features at a date, outcome in the horizon after it) and then score the clients at today − H.
# The outcome of that last horizon was never shown to the model, so the check is what the
# consultant would have seen had they run the model one horizon ago. Alongside, the plain
# **recency baseline** ("the longer since the last purchase, the likelier to leave") is
# measured on the same clients.

# %%
backtest_ok = workbench.churn_history_ok(tx, horizon, asof, n_horizons=2, language=language)
if backtest_ok:
    past_model = workbench.ChurnModel(horizon=horizon).fit(tx, asof=past, **side)
    evaluation = past_model.evaluate(tx, past, **side)
    print(workbench.describe_evaluation(evaluation, language=language))

# %% [markdown]
# How to read it: ROC AUC is the chance that a random leaver is ranked above a random client
# who stays (0.5 = a coin toss); the lift says how much richer in leavers the top 10% of the
# list is; the Brier score and the calibration plot say whether "70%" really means 70 out of
# 100. Only calibrated probabilities can be multiplied by money in section 5.

# %% tags=["nbval-ignore-output"]
if backtest_ok:
    workbench.plotting.plot_calibration(evaluation, language=language)
    plt.show()

# %% tags=["nbval-check-output"]
# ✅ check: ROC AUC, AP, top-decile lift, Brier — model, then recency baseline (2 decimals)
if backtest_ok:
    print(evaluation["metrics"][["roc_auc", "average_precision", "top_decile_lift", "brier"]]
          .round(2).to_numpy().tolist())

# %% [markdown]
# ## 3. What drives churn, in business words
#
# Permutation importance: shuffle one feature and see how much the ranking quality (ROC AUC)
# drops. Features are named in business words (days since the last purchase, irregularity of
# purchases, unresolved complaints …).

# %%
if backtest_ok:
    drivers = past_model.explain(language=language)
    print(workbench.describe_drivers(drivers, language=language))

# %% tags=["nbval-ignore-output"]
if backtest_ok:
    workbench.plotting.plot_importances(drivers, top=12, language=language)
    plt.show()

# %% [markdown]
# Correlated features share their importance (recency, the BG/NBD probabilities and recent
# counts all say "has not bought lately"), so a service feature with a small number can
# still matter a lot for the few clients it concerns. The plain comparison below checks the
# service effect directly: the share of clients lost among those who never complained, those
# whose complaint was resolved, and those whose complaint is still open.

# %%
if workbench.needs(folder, "feedback", language=language):
    complaints = workbench.complaints_summary(folder.tables["feedback"], tx, asof=asof)
    print(complaints.describe(language))
    workbench.plotting.plot_complaint_churn(complaints, language=language)
    plt.show()

# %% [markdown]
# A resolved complaint keeps the client; an unresolved one loses them — the cheapest
# retention offer is often to close the open complaints ("a complaint is a gift").

# %% tags=["nbval-check-output"]
# ✅ check: features used, and the churn rate per complaint group
if backtest_ok:
    print(len(drivers))
if workbench.needs(folder, "feedback", language=language):
    print(complaints.churn["churn_rate"].round(2).tolist())  # never / resolved / unresolved

# %% [markdown]
# ## 4. Who is at risk today?
#
# Now the model for today: trained on all the data up to today (the last window's outcome is
# known), it scores every client for the horizon that starts today. The risk bands use the
# cut-offs `risk_cutoffs`; they are for the conversation with the sales team — the money-optimal
# line comes in section 5.

# %%
today_ok = workbench.churn_history_ok(tx, horizon, asof, n_horizons=1, language=language)
if today_ok:
    model = workbench.ChurnModel(horizon=horizon).fit(tx, asof=asof, **side)
    probabilities = model.predict_proba(tx, asof=asof, **side)
    print(workbench.describe_risk(probabilities, risk_cutoffs, language=language))

# %% tags=["nbval-ignore-output"]
if today_ok:
    workbench.plotting.plot_risk_bands(probabilities, risk_cutoffs, language=language)
    plt.show()

# %% tags=["nbval-check-output"]
# ✅ check: clients scored, and per risk band today (low, medium, high)
if today_ok:
    bands = workbench.risk_band(probabilities, risk_cutoffs)
    print(len(probabilities), bands.value_counts().sort_index().tolist())

# %% [markdown]
# ## 5. Is it worth it? Value at risk, the offer and the threshold
#
# What a client would bring over the horizon if they stay (`workbench.expected_value`: margin
# of the last year at the client's own pace), times the churn probability, is the **value at
# risk**. An offer to a client is worth making when the margin it is expected to save —
# probability × success rate × value — exceeds its cost. `workbench.retention_plan` ranks
# the clients by that expected gain, targets down to the point where the total gain is
# largest, and rolls the result up per rung of the loyalty ladder (лестница приверженности).

# %%
value = workbench.expected_value(tx, asof=asof, horizon=horizon, margin=margin).clip(lower=0)
cost = workbench.default_offer_cost(value) if offer_cost is None else offer_cost
rungs = workbench.loyalty_ladder(tx, asof=asof, survey=side["survey"])["rung"]
if today_ok:
    plan = workbench.retention_plan(probabilities, value, cost, success_rate, segments=rungs)
    print(workbench.describe_retention_plan(plan, language=language))

# %%
if today_ok:
    display(workbench.format_retention_segments(plan, language=language))

# %% tags=["nbval-check-output"]
# ✅ check: offer cost, clients to target, expected net gain and value at risk (whole units)
if today_ok:
    print(cost, plan.n_target, round(plan.total_gain),
          round(float(plan.table["value_at_risk"].sum())))

# %% [markdown]
# **The decision: the offer.** Move the offer's cost, its success rate and the horizon, and
# read how many clients it pays to target and what the campaign is expected to bring. The
# curve rises while each next offer saves more than it costs, and falls after the optimum.
# (For each horizon the panel uses a churn model fitted for that horizon.)

# %% tags=["nbval-ignore-output"]
if today_ok:  # a longer horizon needs a longer history: it is left out when the data are short
    by_horizon = {h: workbench.ChurnModel(horizon=h).fit(tx, asof=asof, **side)
                  .predict_proba(tx, asof=asof, **side) for h in horizons[1:]
                  if workbench.churn_history_ok(tx, h, asof, n_horizons=1, language=language)}
    by_horizon = {horizons[0]: probabilities, **by_horizon}
    values = {h: workbench.expected_value(tx, asof=asof, horizon=h, margin=margin).clip(lower=0)
              for h in by_horizon}
    panel = workbench.widgets.retention_panel(by_horizon, values, segments=rungs,
                                              offer_cost=cost, success_rate=success_rate,
                                              language=language)
    display(panel)

# %% [markdown]
# **The decision: the threshold, tested on the past.** A probability threshold ("call everyone
# above 60%") is what a sales team can act on. What would it have cost or brought last time?
# We take the scores the past model gave one horizon ago, what each client was worth then, and
# what really happened: the confusion matrix in money. The `risk_cutoffs` high line is the
# starting point.

# %%
if backtest_ok:
    past_probabilities = past_model.predict_proba(tx, asof=past, **side)
    past_value = workbench.expected_value(tx, asof=past, horizon=horizon,
                                          margin=margin).clip(lower=0)
    backtest = workbench.money_confusion(past_probabilities, labels, past_value, cost,
                                         success_rate, threshold=risk_cutoffs[1])
    print(workbench.describe_money_confusion(backtest, language=language))

# %% tags=["nbval-ignore-output"]
if backtest_ok:
    threshold_panel = workbench.widgets.threshold_panel(
        past_probabilities, labels, past_value, cost, success_rate, threshold=risk_cutoffs[1],
        language=language)
    display(threshold_panel)

# %% tags=["nbval-check-output"]
# ✅ check: back-test at the high-risk cut-off: contacted; clients per cell (left & offer,
# left & no offer, stayed & offer, stayed & no offer); net and missed (whole money units)
if backtest_ok:
    print(backtest.attrs["n_targeted"], backtest["n"].tolist(),
          round(backtest.attrs["net"]), round(backtest.attrs["missed"]))

# %% [markdown] tags=["workshop-only"]
# ## 📝 Your turn
#
# 1. Roll the same plan up by ABC-XYZ cell instead of ladder rung (hint:
#    `workbench.abc_xyz(tx, asof=asof)["cell"]` as `segments=`). Which cell holds the most
#    value at risk, and which brings the most expected gain?
# 2. Halve the success rate. How many clients is the offer still worth making to?

# %% tags=["solution"]
if today_ok:
    cells = workbench.abc_xyz(tx, asof=asof)["cell"]
    plan_cells = workbench.retention_plan(probabilities, value, cost, success_rate,
                                          segments=cells)
    print(workbench.describe_retention_plan(plan_cells, language=language))
    display(workbench.format_retention_segments(plan_cells, language=language))

# %% tags=["solution"]
if today_ok:
    plan_half = workbench.retention_plan(probabilities, value, cost, success_rate / 2,
                                         segments=rungs)
    print(workbench.describe_retention_plan(plan_half, language=language))

# %% [markdown] tags=["workshop-only"]
# ## Control questions (контрольные вопросы)
#
# - 6\. Как вы воспринимаете потребительскую ценность основных своих клиентов? (How do you see
#   the value of your main clients — and does the value at risk match that view?)
# - 30\. Всегда ли нужно бороться за лояльность потребителей, приведите примеры программ
#   лояльности и оцените их эффективность. (Is loyalty always worth fighting for? Give examples
#   of loyalty programmes and judge whether they pay off.)
# - 42\. Управление жизненным циклом потребителя. Отношения как объект управления. Почему жалобу
#   клиента специалисты предлагают рассматривать как «подарок судьбы»? (Managing the client's
#   life cycle; why is a complaint called a gift?)

# %% [markdown]
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

# %% tags=["nbval-ignore-output"]
print(workbench.versions())
