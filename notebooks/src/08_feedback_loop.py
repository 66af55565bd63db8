# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Step 8 — The feedback channel and the second round (налаживание канала обратной связи)
#
# **Why this step matters to the client.** The offer of step 6 was handed over in step 7; now
# the company must hear what comes back — reminders, check-ins, support, and the measurements
# that tell management whether the work pays. Most unhappy clients never complain: they just
# leave. So a complaint is a gift (жалоба как подарок): it is the one chance to keep a client
# who is about to go, and an unanswered complaint is the surest way to lose them. Refusals
# (отказные листы) say why prospects say no. And the churn list of step 5 is a prediction
# that can be checked: did the clients we expected to leave actually leave? Without this step
# the method is a one-off project; with it, it becomes a cycle — the second round (второй
# круг) starts from what we learnt.
#
# **In this notebook we will:**
# 1. measure the Net Promoter Score overall, by client segment and by period — with a widget;
# 2. read the complaints: how many, how fast they are resolved, and how often complainers
#    leave when their complaint was or was not resolved;
# 3. sort the refusal reasons into a Pareto chart;
# 4. plan the sales funnel backwards: how many calls one new client takes;
# 5. close the loop: check the churn prediction against what happened, and hand the lists to
#    the second round;
# 6. try it ourselves (📝 Your turn).

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
threshold = 0.5  # churn probability from which a client is on the retention list

# %% tags=["hide"]
import matplotlib.pyplot as plt
from IPython.display import display

import workbench
import workbench.plotting
import workbench.widgets

workbench.set_language(language)
folder = workbench.load_folder(data_dir, mapping=mapping)
tx = folder.tables["transactions"]
customers = folder.tables.get("customers")
feedback = folder.tables.get("feedback")

# %% [markdown]
# ## 1. Would clients recommend us? (NPS)
#
# The Net Promoter Score asks one question — "how likely are you to recommend us, 0 to 10?" —
# and subtracts the share of detractors (0–6) from the share of promoters (9–10). We read it
# with its 95% interval: with a few hundred answers a difference of a few points is noise.

# %%
if workbench.needs(folder, "survey", language=language):
    survey = folder.tables["survey"]
    overall_nps = workbench.nps(survey)
    print(workbench.describe_nps(overall_nps, language=language))

# %% [markdown]
# By client segment (from the CRM card) and by period: where is it lowest, and is the
# difference larger than the intervals? Only the answers linked to a client (not anonymous)
# can be split by segment.

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

# %% [markdown]
# The widget shows NPS by period and by segment; pick one segment to see its trend. In a
# workshop, this is where management sees whether the changes of steps 6–7 moved the score.

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

# %% [markdown]
# ## 2. A complaint is a gift
#
# The deck on keeping clients (`003`) cites a study of why clients leave: 65% over poor
# service, 15% over a bad answer to a complaint, only 8% for a better price. Every complaint
# that reaches us is a client telling us how to keep them. We count the complaints, the time
# to resolve them, and — with the transactions — how many clients we lost (no purchase in the
# last `lost_horizon`) among those who never complained, those whose complaint was resolved,
# and those whose complaint is still open.

# %%
if workbench.needs(folder, "feedback", language=language):
    complaints = workbench.complaints_summary(feedback, tx=tx, asof=asof, horizon=lost_horizon)
    print(workbench.describe_complaints(complaints, language=language))
    workbench.plotting.plot_complaint_churn(complaints, language=language)
    plt.show()

# %% [markdown]
# The comparison is descriptive (the unresolved complaints may be the harder cases), but the
# direction is the one the method predicts: a resolved complaint keeps a client at least as
# well as no complaint at all, an unresolved one loses them. The open complaints, oldest
# first, are the first list of the second round:

# %%
if workbench.needs(folder, "feedback", language=language):
    display(workbench.format_open_complaints(complaints, language=language).head(10))

# %% tags=["nbval-check-output", "remove-report"]
# ✅ check: complaints, resolved, open, median days; churn rate per group
if workbench.needs(folder, "feedback", language=language):
    overview = complaints.overview
    print(int(overview["n_complaints"]), int(overview["n_resolved"]), int(overview["n_open"]),
          round(float(overview["median_days"]), 1))
    print(complaints.churn["churn_rate"].round(3).to_dict())

# %% [markdown]
# ## 3. Why prospects say no: refusal sheets (отказные листы)
#
# A refusal sheet records why a client or prospect said no. Sorted from the most frequent
# reason down (a Pareto chart), a few reasons usually explain most refusals — and they tell
# management what to change in the offer.

# %%
if workbench.needs(folder, "feedback", language=language):
    print(workbench.describe_refusals(complaints, language=language))
    workbench.plotting.plot_complaint_pareto(complaints, which="refusals", language=language)
    plt.show()

# %% tags=["nbval-check-output", "remove-report"]
# ✅ check: refusals per reason
if workbench.needs(folder, "feedback", language=language):
    print(complaints.refusals["count"].to_dict())

# %% [markdown]
# ## 4. The sales funnel, planned backwards (воронка продаж)
#
# The course's example: half of the calls lead to a proposal, one proposal in ten to a
# meeting, one meeting in four to a deal. Planned backwards, one new client takes:

# %%
course_plan = workbench.plan_backwards(1, [0.5, 0.1, 0.25])
print(workbench.describe_plan(course_plan, language=language))

# %% [markdown]
# With the client's own leads we measure the conversions per source, and plan the work for
# `target_clients` new clients with the conversions of the whole funnel.

# %%
if workbench.needs(folder, "leads", language=language):
    leads = folder.tables["leads"]
    by_source = workbench.funnel(leads, by="source")
    print(workbench.describe_funnel(by_source, language=language))
    workbench.plotting.plot_funnel(by_source, language=language)
    plt.show()

# %%
if workbench.needs(folder, "leads", language=language):
    whole = workbench.funnel(leads, by=None)
    plan = workbench.plan_backwards(target_clients, whole)
    print(workbench.describe_plan(plan, language=language))

# %% tags=["nbval-check-output", "remove-report"]
# ✅ check: the course example; leads per stage and the plan on the client's data
print(course_plan["needed"].tolist())
if workbench.needs(folder, "leads", language=language):
    print(whole["reached"].tolist(), plan["needed"].tolist())

# %% [markdown]
# ## 5. Closing the loop: did the predicted clients leave?
#
# Step 5 named the clients likely to leave. Here we replay it: we train the churn model on the
# data up to one `horizon` before the end, score the clients who were still active then (not
# already lapsed), and check who actually made no purchase in the following `horizon`. The hit
# rate (how many of the listed clients left) is read against the base rate (how many left
# overall): calling the list must beat calling at random.

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

# %% [markdown]
# That was the list, as of `prediction_date`. What happened in the following `horizon`?

# %%
loop = workbench.loop_check(
    scores_then, tx, asof=prediction_date, horizon=horizon, threshold=threshold,
    observed_until=asof,
)
print(workbench.describe_loop_check(loop, language=language))
workbench.plotting.plot_loop_check(loop, language=language)
plt.show()

# %% tags=["nbval-check-output", "remove-report"]
# ✅ check: the 2x2 table and the hit rate, recall and base rate
print(loop.table.to_dict())
print(loop.metrics[["hit_rate", "recall", "base_rate"]].round(2).to_dict())

# %% [markdown]
# ## 6. The second round (второй круг)
#
# The loop check hands three lists back to steps 5 and 6: the clients predicted to leave who
# did leave (win them back one by one, by their reasons), those who left without warning (read
# their history: what does the model not see yet?), and those predicted to leave who stayed
# (what kept them — the offer, the manager, luck?). The same model then scores the clients as
# of today: the next retention list.

# %%
scores_now = workbench.active_only(
    model.predict_proba(tx, asof=asof, customers=customers, feedback=feedback), tx, asof=asof
)
print(workbench.describe_second_round(loop, scores=scores_now, threshold=threshold,
                                      language=language))

# %% tags=["nbval-check-output", "remove-report"]
# ✅ check: outcomes of the loop, and the size of the next list
print(loop.customers["outcome"].value_counts().sort_index().to_dict())
print(int((scores_now >= threshold).sum()), len(scores_now))

# %% [markdown] tags=["workshop-only"]
# ## 📝 Your turn
#
# 1. The complaint effect mixes business clients with one-off online shoppers, who leave
#    often anyway. Repeat the complaint comparison for business clients only (`type == "B2B"`
#    in the customers table): does the gap between resolved and unresolved complaints grow?
# 2. Tighten the retention list: set the threshold to 0.7 and read how the hit rate and the
#    recall of the loop check move. Which would you choose if a retention call costs a
#    manager's hour?

# %% tags=["solution"]
if feedback is not None and customers is not None and "type" in customers.columns:
    b2b = customers.loc[customers["type"] == "B2B", "customer_id"]
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

# %% [markdown] tags=["workshop-only"]
# ## Control questions (контрольные вопросы)
#
# - 41\. Как по-вашему, нужны ли в Вашей организации база отзывов, база ситуаций, база вопросов
#   и ответов, «отказные» листы. Если нет, то почему, если да, что они могут дать. (Does your
#   company need a base of reviews, of situations, of questions and answers, refusal sheets?
#   What would they give?)
# - 42\. Управление жизненным циклом потребителя. Отношения как объект управления. Почему
#   жалобу клиента специалисты предлагают рассматривать как «подарок судьбы»? (Managing the
#   client life cycle; why is a complaint "a gift of fate"?)
# - 35\. Основные требования к информации, способы ее сбора, интерпретации, использования.
#   (What must information satisfy, and how do we collect, interpret and use it?)

# %% [markdown]
# ## In this notebook we:
# - measured NPS with its interval, by segment and by period, and learnt to compare groups
#   only when their intervals separate;
# - read the complaints: how fast they are resolved, which topics are slow or left open, and
#   how much more often clients with an unresolved complaint leave — a complaint is a gift;
# - sorted the refusal reasons: a few of them explain most refusals;
# - planned the funnel backwards, from the course's 80 → 40 → 4 → 1 to the client's own
#   conversions;
# - closed the loop: checked the churn list against who actually left, and handed the
#   win-back list, the lessons and today's retention list to the second round (второй круг).
#   Next: back to step 1 with the new questions — the method is a cycle.

# %% tags=["nbval-ignore-output"]
print(workbench.versions())
