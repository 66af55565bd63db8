# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Step 7 — Packaging and handing over (упаковка и вручение)
#
# **Why this step matters to the client.** Six steps of analysis change nothing until someone
# picks up the phone. Packaging (упаковка) turns the segments, the churn risks and the offers
# into things people can act on: a list per strategy for the sales team (who to call first,
# how much is at stake, what to offer) and one page for management (how many clients, how
# much value is at risk, what the offer is expected to bring). Handing over (вручение) means
# the lists reach the people who will use them, in their language and in the tool they
# already use — Excel. The seminar's rule for offers holds for our own hand-over too: it must
# be understandable, measurable and well "packaged" (красиво «упакованы»). Without this step
# the analysis stays in the consultant's laptop, and the clients at risk leave while the
# report is being read.
#
# **In this notebook we will:**
# 1. score every client once: RFM, ABC-XYZ, loyalty-ladder rung, churn risk, value and the
#    recommended action — and read what goes into the package;
# 2. read the action lists, one per strategy: their size, value and risk, and who comes first;
# 3. write an offer card per strategy: who, why, what to offer, what it is expected to bring;
# 4. export the package (`actions.xlsx` for the sales team, `scores.csv` for the analysts),
#    choosing the language, the lists and the thresholds in a panel;
# 5. try it ourselves (📝 Your turn).

# %% tags=["parameters"]
# Parameters: `workbench run` replaces these (data_dir and out_dir become absolute).
data_dir = "../data/samples"  # folder with the client's tables
asof = None  # observation end "YYYY-MM-DD"; None = last transaction date
language = "en"  # "en" or "ru": tables, widgets, computed prose and the Excel file
mapping = None  # optional YAML/JSON column mapping for messy exports
out_dir = None  # where to write actions.xlsx and scores.csv; None = write nothing
horizon = "90D"  # churn and value horizon
offer_cost = None  # cost of the retention offer per client; None = 10% of the median value
success_rate = 0.3  # share of the at-risk clients the offer keeps
strategies = None  # lists to hand over, e.g. ["retain", "cherish"]; None = every list
min_risk = 0.0  # list only clients whose churn risk is at least this (0 = everyone)
min_value = 0.0  # list only clients whose expected value is at least this (0 = everyone)
only_target = False  # True = list only the clients worth contacting now
rows = 5  # clients shown per list in this notebook (the files hold them all)

# %% tags=["hide"]
import pandas as pd
from IPython.display import display

import workbench
import workbench.widgets

workbench.set_language(language)
pd.set_option("display.max_colwidth", 200)  # offer cards and actions are read in full
folder = workbench.load_folder(data_dir, mapping=mapping)

# %% [markdown]
# ## 1. What goes into the package
#
# One call scores every client who has bought from us, through the functions of the earlier
# steps: RFM and ABC-XYZ (step 4), the loyalty-ladder rung and its strategy (steps 4 and 6),
# the churn probability and its risk band, the expected value over the horizon and the
# retention plan — whom it pays to contact now (step 5), and the recommended action for the
# client's rung (step 6). This is the only slow call of the notebook: the churn model is
# fitted once, and everything after it only filters and formats.

# %%
result = workbench.compute_deliverables(
    folder, asof=asof, language=language, horizon=horizon, offer_cost=offer_cost,
    success_rate=success_rate,
)
print(workbench.describe_deliverables(result, language=language))

# %% [markdown]
# The page for management: one row per strategy — how many clients, how many are worth a
# contact now, how many are at high churn risk, how much of their value is at risk, what the
# contacts are expected to bring net of the offer's cost, and the recommended action.

# %%
display(workbench.format_summary(result, language=language))

# %% [markdown]
# Potential clients (leads) are not in these lists: they have not bought yet, so there is no
# history to score. Attracting them is planned from the leads funnel (steps 6 and 8).

# %% tags=["nbval-check-output"]
# ✅ check: clients scored, settings, and per list (clients, to contact, high risk)
print(len(result.scores), result.settings["offer_cost"], result.settings["success_rate"])
print(result.summary[["n_customers", "n_target", "n_high_risk"]].to_numpy().tolist())
print(round(float(result.summary["expected_gain"].sum())),
      round(float(result.summary["value_at_risk"].sum())))

# %% [markdown]
# ## 2. The action lists, one per strategy
#
# Each strategy becomes one sheet of `actions.xlsx`. The clients are in the order the sales
# team should work: first those with the highest expected gain from a contact (priority 1),
# then by value. Here are the first few of each list, with the list read aloud.

# %%
for strategy in result.summary["strategy"]:
    print(workbench.describe_strategy(result, strategy, language=language))
    display(workbench.format_action_list(result, strategy, language=language, rows=rows))

# %% [markdown]
# How to read the lists: compare, list by list, the share of clients at high churn risk with
# the value at risk — a list can be large and safe, or small and expensive to lose. "Contact
# now" marks the clients for whom the offer is expected to save more than it costs; the others
# stay on the list for the regular work of their strategy, not for an urgent call.

# %% tags=["nbval-check-output"]
# ✅ check: who comes first in each list; clients at low / medium / high churn risk
print([workbench.format_action_list(result, s, rows=1).index[0]
       for s in result.summary["strategy"]])
print([int((result.scores["risk_band"] == band).sum()) for band in ("low", "medium", "high")])

# %% [markdown]
# ## 3. Offer cards: who, why, what to offer, what it brings
#
# A sales manager reads the card before the list. One card per strategy: **who** (how many
# clients, on which rungs, in which ABC-XYZ cells), **why** (how many are at high churn risk
# and how much value is at risk), **what to offer** (the actions agreed in step 6), and the
# **expected gain** of contacting the clients marked "contact now".

# %%
cards = workbench.offer_cards(result, language=language)
display(cards)

# %% [markdown]
# The actions come from the default offer rules (`workbench.OFFER_RULES`). When the offer
# table was edited with management in step 6, pass it as
# `workbench.compute_deliverables(folder, rules=...)`: the cards, the lists and the Excel file
# then carry the agreed offers.

# %% tags=["nbval-check-output"]
# ✅ check: one card per list; expected gain per card (whole units)
print(cards.shape, cards.iloc[:, -1].tolist())

# %% [markdown]
# ## 4. The export: what is handed over
#
# `workbench.select_deliverables` keeps the lists and the clients to hand over (the
# parameters `strategies`, `min_risk`, `min_value`, `only_target`), instantly — the scores
# are not recomputed. `workbench.export_deliverables` writes `actions.xlsx` (a summary sheet,
# then one sheet per strategy, in the chosen language) and `scores.csv` (every client, with
# canonical column names, for the analysts and the CRM) into `out_dir`. When `out_dir` is not
# set, as in a workshop, it writes nothing and says what the package would hold.

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

# %% [markdown]
# **The decision of this step: what do we hand over?** In the panel, choose the language of
# the files, the lists, the minimum churn risk and value, or only the clients worth
# contacting now; the text below the controls says how many clients each sheet would hold.
# Tick "Write the files" to write them (into `out_dir`, or a `reports/` folder next to the
# notebook when `out_dir` is not set); the text then says what was written, sheet by sheet.

# %% tags=["nbval-ignore-output"]
panel = workbench.widgets.deliverables_panel(
    result, out_dir=out_dir or "reports", language=language
)
panel

# %% tags=["nbval-check-output"]
# ✅ check: the panel starts with every list and writes nothing until asked
print(len(panel.result.files), sum(panel.result.sheets.values()) - len(result.scores))

# %% [markdown] tags=["workshop-only"]
# ## 📝 Your turn
#
# The sales team has time for a short campaign this month. Build the package for it: only the
# "retain" and "engage" lists, only clients with a churn risk of at least 50%, only those
# worth contacting now. Read how many clients remain and how much the campaign is expected to
# bring, compared with the whole package in section 1. Which list carries most of the gain?

# %% tags=["solution"]
campaign = workbench.select_deliverables(
    result, strategies=["retain", "engage"], min_risk=0.5, only_target=True
)
print(workbench.describe_deliverables(campaign, language=language))
print(workbench.describe_export(workbench.export_deliverables(campaign), language=language))

# %% [markdown] tags=["workshop-only"]
# ## Control questions (контрольные вопросы)
#
# - 38\. Приведите 2-3 примера трансляции проблем и предложений на язык коллег – других
#   функциональных специалистов. (Give 2–3 examples of translating problems and proposals
#   into the language of colleagues in other functions — here: the sales team and finance.)
# - 34\. Основные способы взаимодействия с клиентом, какие чаще используете Вы? (The main ways
#   of interacting with a client: which do you use most — and which suits each list?)
# - 30\. Всегда ли нужно бороться за лояльность потребителей, приведите примеры программ
#   лояльности и оцените их эффективность. (Must we always fight for loyalty? Give examples of
#   loyalty programmes and judge their effectiveness.)

# %% [markdown]
# ## In this notebook we:
# - scored every client once — segment, rung, churn risk, value, the recommended action —
#   and read the package for management: the lists, whom to contact now, what it brings;
# - read each action list and its first clients, and wrote an offer card per strategy;
# - decided what to hand over (lists, thresholds, language) and exported it: `actions.xlsx`
#   for the sales team, `scores.csv` for the analysts;
# - next step: `08_feedback_loop` — set up the feedback channel and, after the campaign,
#   check whether the clients we predicted to leave did leave.

# %% tags=["nbval-ignore-output"]
print(workbench.versions())
