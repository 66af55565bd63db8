# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Step 6 — Offers for the chosen segments (формирование предложений для выбранных сегментов, отстройка от конкурентов)
#
# **Why this step matters to the client.** Steps 4 and 5 told us *whom* to work with and what
# it is worth. Now management decides *what we offer to whom*: one strategy per rung of the
# loyalty ladder (лестница приверженности) — attract, engage, retain, cherish, win back — and
# concrete actions for each segment. An offer that is the same for everyone is an offer for
# no one: the regular café that buys every week and the one-off online shopper need different
# things. And an offer must stand out (отстройка от конкурентов): it should rest on the
# advantages that matter to the client *and* that competitors lack — the "golden drops"
# (золотые капли). Without this step the sales team improvises, discounts become the only
# argument, and the money of step 5 is spent on the wrong clients.
#
# **In this notebook we will:**
# 1. take the segments of step 4 (loyalty ladder, ABC-XYZ) and see how many clients each
#    strategy covers;
# 2. read the default offer per segment — a rule table the client can replace;
# 3. find our golden drops with management, and check them against what clients said in the
#    survey;
# 4. score competitiveness (three 0–20 scales) and the level of client orientation (УКОР);
# 5. agree the offer table with management in a widget — the decision of this step;
# 6. try it ourselves (📝 Your turn).

# %% tags=["parameters"]
# Parameters: `workbench run` replaces these (data_dir becomes absolute).
data_dir = "../data/samples"  # folder with the client's tables
asof = None  # observation end "YYYY-MM-DD"; None = last transaction date
language = "en"  # "en" or "ru": plots, widgets and computed prose
mapping = None  # optional YAML/JSON column mapping for messy exports
out_dir = None  # where `workbench run` writes deliverables (unused here)
importance_min = 4.0  # an advantage matters to clients from this importance (1-5)
competitor_max = 0.3  # competitors lack it when at most this share of them has it (0-1)
survey_importance_min = 4.0  # survey check: an attribute matters from this mean importance

# %% tags=["hide"]
import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import display

import workbench
import workbench.plotting
import workbench.widgets

workbench.set_language(language)
folder = workbench.load_folder(data_dir, mapping=mapping)
tx = folder.tables["transactions"]

# %% [markdown]
# ### ✍️ Workshop input: typed in the room with management
#
# The next cell holds what management says, not data from a file. Edit it live. The example
# is a coffee roaster comparing itself with its four main competitors:
#
# - `advantages`: at least ten advantages of our products and service (the seminar asks for
#   no fewer than 10: the obvious few rarely include the drops), with their **importance** to
#   the client (1–5, ideally from the clients themselves) and **competitor presence** (the
#   share of the main competitors that offer the same: 0 = none, 1 = all);
# - `competitiveness_scores`: the three 0–20 scales of the seminar (internal competencies,
#   external competencies, dynamic capabilities) for us and the strongest competitor;
# - `ukor_answers`: the УКОР self-assessment, one answer 0–4 per statement
#   (0 = not at all, 4 = fully true); the statements are listed in the УКОР widget below.

# %%
advantages = pd.DataFrame(
    [
        ("Обжарка под заказ за 48 часов", 4.6, 0.00),
        ("Стабильный вкус от партии к партии", 4.4, 0.25),
        ("Сервис кофемашин за 24 часа", 4.2, 0.25),
        ("Доставка на следующий день", 4.5, 1.00),
        ("Цена ниже рынка", 4.3, 0.50),
        ("Личный менеджер", 4.0, 0.75),
        ("Отсрочка платежа 30 дней", 4.1, 0.50),
        ("Бесплатное обучение бариста", 3.2, 0.00),
        ("Дегустации для гостей кафе", 3.6, 0.25),
        ("Широкий выбор моносортов", 3.4, 0.50),
        ("Онлайн-заказ круглосуточно", 3.8, 0.75),
        ("Красивая упаковка", 2.8, 0.75),
    ],
    columns=["advantage", "importance", "competitor_presence"],
)
competitiveness_scores = pd.DataFrame(
    {"internal": [15, 13], "external": [10, 14], "dynamic": [8, 12]},
    index=["us", "КофеЛайн"],
)
ukor_answers = {
    "expectations_known": 2, "competitors_known": 3,
    "segments_defined": 2, "client_history": 3,
    "offers_per_segment": 1, "advantages_known": 2,
    "feedback_channel": 2, "satisfaction_measured": 1,
    "complaints_handled": 2, "lost_clients_reviewed": 0,
    "service_standards": 2, "staff_motivation": 1,
    "management_involved": 3, "client_first_culture": 2,
    "key_client_opinion": 1, "key_client_owner": 3,
}

# %% [markdown]
# ## 1. The segments we make offers for
#
# Step 4 placed every client on the loyalty ladder, from potential clients (leads who have not
# bought yet) to advocates (приверженцы), with the lapsed apart; and into the nine ABC-XYZ
# cells (volume × regularity). We recompute both here, with the same defaults.

# %%
ladder = workbench.loyalty_ladder(tx, asof=asof, leads=folder.tables.get("leads"))
cells = workbench.abc_xyz(tx, asof=asof)
workbench.plotting.plot_ladder(ladder, language=language)
plt.show()

# %% [markdown]
# Each rung has its strategy: attract the potential client, engage the first-time buyer and
# the buyer, retain the regular, cherish the advocate, win back the lapsed. How many clients
# does each strategy cover?

# %%
ladder_offers = workbench.offer_matrix(ladder["rung"], language=language)
cell_offers = workbench.offer_matrix(cells["cell"], language=language)
print(workbench.describe_offer_matrix(ladder_offers, language=language))
print(workbench.describe_offer_matrix(cell_offers, language=language))

# %% [markdown]
# Read it as a workload: the biggest strategy is not automatically the most important one.
# Attracting many potential clients is cheap per client; cherishing a few advocates is
# personal work, and they are the ones who bring others.

# %% tags=["nbval-check-output", "remove-report"]
# ✅ check: clients per rung and per ABC-XYZ cell
print(ladder["rung"].value_counts().sort_index().to_dict())
print(cells["cell"].value_counts().sort_index().to_dict())

# %% [markdown]
# ## 2. The default offer per segment
#
# The method's defaults live in a rule table, `workbench.OFFER_RULES`: for every segment key
# (a ladder rung, an ABC-XYZ cell, an RFM segment) a strategy and a few concrete actions. It is
# a starting point for the conversation, not the answer: the client replaces it (as a dict or
# as the frame `workbench.offer_rules_frame()`), or edits it in the widget of section 5.

# %%
display(workbench.format_offer_matrix(ladder_offers, language=language))

# %% [markdown]
# The ABC-XYZ cells give a second, complementary view: key accounts that buy steadily (AX)
# are kept close by a senior manager, small and rare buyers (CZ) are served at the lowest
# cost — through self-service, standard terms and prepayment.

# %%
display(workbench.format_offer_matrix(cell_offers, language=language))

# %% tags=["nbval-check-output", "remove-report"]
# ✅ check: strategy of every rung and every cell; nobody left without a rule
print(ladder_offers.set_index("segment")["strategy"].to_dict())
print(cell_offers.set_index("segment")["strategy"].to_dict())
print(bool(ladder_offers["has_rule"].all()), bool(cell_offers["has_rule"].all()))

# %% [markdown]
# ## 3. Golden drops: what the offer stands on
#
# The seminar's exercise: list at least ten advantages of our products; keep those that matter
# to the client; of those, keep the ones competitors lack. What remains are the golden drops
# (золотые капли) — the arguments of every offer and every sales conversation. An advantage
# that matters but every competitor has is *table stakes*: we must have it, but it sells
# nothing. One that competitors lack but clients do not care about is a cost, not an asset.

# %%
drops = workbench.golden_drops(
    advantages, importance_min=importance_min, competitor_max=competitor_max
)
workbench.plotting.plot_golden_drops(drops, language=language)
plt.show()

# %%
print(workbench.describe_golden_drops(drops, language=language))
display(workbench.format_golden_drops(drops, language=language))

# %% [markdown]
# That is management's view. The survey is the clients' view: on which attributes that
# matter to them do they rate us *above* our main competitor (a drop they confirm), and on
# which *below* (something to fix before we advertise it)? The difference is paired per
# respondent, with a 95% interval, so only clear differences count.

# %%
if workbench.needs(folder, "survey", language=language):
    clients_view = workbench.survey_advantages(
        folder.tables["survey"], importance_min=survey_importance_min
    )
    print(workbench.describe_survey_advantages(clients_view, language=language))

# %% [markdown]
# Where the two views disagree, ask the segment the offer is for: an attribute of average
# importance overall may matter a lot to one segment (run `workbench.survey_advantages` on
# that segment's answers), and an advantage management rates highly may simply be unknown to
# clients — then the offer must tell them.

# %% tags=["nbval-check-output", "remove-report"]
# ✅ check: the golden drops, and the survey's verdicts
print(sorted(drops.index[drops["golden_drop"]]))
if workbench.needs(folder, "survey", language=language):
    print(clients_view["verdict"].sort_index().to_dict())

# %% [markdown]
# ## 4. Competitiveness and the level of client orientation (УКОР)
#
# Two self-assessments frame the offer. **Competitiveness** (deck `000`): three scales of
# 0–20 points — internal competencies (what our people and processes can do), external
# competencies (relations with clients, suppliers, partners; the brand) and dynamic
# capabilities (how fast we learn and change). The weakest scale is where improvement pays
# first.

# %%
competitive = workbench.competitiveness(competitiveness_scores)
workbench.plotting.plot_competitiveness(competitive, language=language)
plt.show()
print(workbench.describe_competitiveness(competitive, language=language))

# %% [markdown]
# **УКОР** (уровень клиентоориентации, the level of client orientation) is a questionnaire
# over the method's themes, two statements each. Kharsky's three levels: *spontaneous*
# (стихийная — it depends on individual goodwill), *regulated* (регламентированная — written
# standards and measurement) and *cultural* (культурная — the client comes first without being
# told). Only the key clients' opinion finally decides; a high self-score they would not
# confirm is itself a finding. Move the sliders with management: the score, the level and the
# weakest themes update.

# %% tags=["nbval-ignore-output"]
ukor_panel = workbench.widgets.ukor_panel(language=language, answers=ukor_answers)
ukor_panel

# %%
level = workbench.ukor(ukor_answers)
print(level.describe(language))

# %% tags=["nbval-check-output", "remove-report"]
# ✅ check: competitiveness totals and weakest scale; УКОР score, level and weakest themes
print(competitive["total"].round(1).to_dict(), competitive["weakest"].to_dict())
print(round(level.score, 1), level.level, level.weakest)

# %% [markdown]
# ## 5. The agreed offer table — the decision of this step
#
# Now the management team edits the offer for each rung: pick the strategy, rewrite the
# actions in their own words (separated by `;`), build the golden drops into them. Choosing
# "No rule" flags a segment to be discussed again. The table under the controls is the agreed
# offer; `panel.result` carries it to step 7, where it becomes the action lists for the sales
# team.

# %% tags=["nbval-ignore-output"]
panel = workbench.widgets.offer_table_panel(ladder["rung"], language=language)
panel

# %%
agreed_offers = panel.result
print(workbench.describe_offer_matrix(agreed_offers, language=language))

# %% tags=["nbval-check-output", "remove-report"]
# ✅ check: clients per strategy in the offer table as it opens (the method's defaults)
print(agreed_offers.groupby("strategy")["n_customers"].sum().sort_index().to_dict())

# %% [markdown] tags=["workshop-only"]
# ## 📝 Your turn
#
# 1. Management is not sure about the importance scores: lower `importance_min` to 3.5 and
#    read again which advantages become golden drops. Which one would you *test* with clients
#    before building an offer on it?
# 2. Make the offer for the ABC-XYZ cells instead of the ladder: open the offer table for
#    `cells["cell"]`, give the CZ cell (small, rare buyers) the strategy "Engage and develop"
#    with the actions `upsell; self_service` (action keys of the catalogue are translated;
#    free text is kept as typed), and read how many clients change strategy.

# %% tags=["solution"]
relaxed = workbench.golden_drops(advantages, importance_min=3.5, competitor_max=competitor_max)
print(workbench.describe_golden_drops(relaxed, language=language))

# %% tags=["solution"]
cells_panel = workbench.widgets.offer_table_panel(cells["cell"], language=language)
if "CZ:strategy" in cells_panel.controls:
    cells_panel.controls["CZ:strategy"].value = "engage"
    cells_panel.controls["CZ:actions"].value = "upsell; self_service"
print(workbench.describe_offer_matrix(cells_panel.result, language=language))

# %% [markdown] tags=["workshop-only"]
# ## Control questions (контрольные вопросы)
#
# - 13\. Что можно отнести к критическим факторам успеха на Вашем рынке? А как Вы определяете
#   свои конкурентные (с точки зрения клиентов) преимущества? (What are the critical success
#   factors of your market, and how do you find your advantages *as clients see them*?)
# - 30\. Всегда ли нужно бороться за лояльность потребителей, приведите примеры программ
#   лояльности и оцените их эффективность. (Must we always fight for loyalty? Give examples of
#   loyalty programmes and judge whether they pay.)
# - 36\. Цены и ценности. Способы обоснования цен и ухода от ценовой конкуренции. (Prices and
#   values: how to justify a price and escape price competition?)
# - 43\. Каким образом Вы могли бы измерить УКОР (уровень клиентоориентации) для своей фирмы,
#   Вашего основного поставщика и основного клиента? (How would you measure УКОР for your firm,
#   your main supplier and your main client?)

# %% [markdown]
# ## In this notebook we:
# - took the segments of step 4 and saw how many clients each strategy — attract, engage,
#   retain, cherish, win back — covers;
# - read the method's default offer per ladder rung and per ABC-XYZ cell;
# - found the golden drops with management and checked them against the clients' own ratings
#   of us and the main competitor: the offer is built on what clients value and competitors
#   lack, and what clients rate below the competitor is fixed before it is advertised;
# - scored competitiveness and УКОР, and named the weakest scale and themes;
# - agreed the offer table, the decision of this step. Next: `07_packaging` — the offer
#   becomes action lists for the sales team (упаковка и вручение).

# %% tags=["nbval-ignore-output"]
print(workbench.versions())
