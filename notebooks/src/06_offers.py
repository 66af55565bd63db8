# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown] tags=["en"]
# # Step 6 — Offers for the chosen segments, standing out from competitors
#
# **Why this step matters to the client.** Steps 4 and 5 told us *whom* to work with and what
# it is worth. Now management decides *what we offer to whom*: one strategy per rung of the
# loyalty ladder — attract, engage, retain, cherish, win back — and concrete actions for each
# segment. An offer that is the same for everyone is an offer for no one: the regular client
# who buys every week and the one-off online shopper need different things. And an offer must
# stand out from the competitors: it should rest on the advantages that matter to the client
# *and* that competitors lack — the "golden drops". Without this step the sales team
# improvises, discounts become the only argument, and the money of step 5 is spent on the
# wrong clients.
#
# **In this notebook we will:**
# 1. take the segments of step 4 (loyalty ladder, ABC-XYZ) and see how many clients each
#    strategy covers;
# 2. read the default offer per segment — a rule table the client can replace;
# 3. find our golden drops with management, and check them against what clients said in the
#    survey;
# 4. score competitiveness (three 0–20 scales) and the level of client orientation (UKOR);
# 5. agree the offer table with management in a widget — the decision of this step;
# 6. try it ourselves (📝 Your turn).

# %% [markdown] tags=["ru"]
# # Шаг 6 — Формирование предложений для выбранных сегментов, отстройка от конкурентов
#
# **Почему этот шаг важен клиенту.** Шаги 4 и 5 сказали, *с кем* работать и чего это стоит.
# Теперь руководство решает, *что и кому мы предлагаем*: одна стратегия на ступень лестницы
# приверженности — привлекать, вовлекать, удерживать, беречь, возвращать — и конкретные
# действия для каждого сегмента. Предложение, одинаковое для всех, — предложение ни для кого:
# постоянному клиенту, который покупает каждую неделю, и разовому интернет-покупателю нужно
# разное. И предложение должно отстраивать от конкурентов: опираться на преимущества, которые
# важны клиенту *и* которых нет у конкурентов, — «золотые капли». Без этого шага продавцы
# импровизируют, скидка становится единственным аргументом, а деньги шага 5 тратятся не на тех
# клиентов.
#
# **В этой тетради мы:**
# 1. возьмём сегменты шага 4 (лестница приверженности, ABC-XYZ) и посмотрим, сколько клиентов
#    охватывает каждая стратегия;
# 2. прочитаем предложение по умолчанию для каждого сегмента — таблицу правил, которую клиент
#    может заменить;
# 3. найдём вместе с руководством наши золотые капли и сверим их с тем, что клиенты сказали в
#    анкетах;
# 4. оценим конкурентоспособность (три шкалы 0–20) и уровень клиентоориентации (УКОР);
# 5. согласуем с руководством таблицу предложений в виджете — решение этого шага;
# 6. попробуем сами (📝 Ваша очередь).

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
from workbench._testing import verdict  # tolerant comparisons for the ✅ check cells

workbench.set_language(language)
folder = workbench.load_folder(data_dir, mapping=mapping)
tx = folder.tables["transactions"]

# %% [markdown] tags=["en"]
# ### ✍️ Workshop input: typed in the room with management
#
# What management says is kept in the client's workshop file (`workshop.yml` in the data
# folder, written by `workbench init`), not typed into this notebook; edit it there, or live in
# the room, and re-run. The sections:
#
# - `advantages`: at least ten advantages of our products and service (the seminar asks for
#   no fewer than 10: the obvious few rarely include the drops), with their **importance** to
#   the client (1–5, ideally from the clients themselves) and **competitor presence** (the
#   share of the main competitors that offer the same: 0 = none, 1 = all);
# - `competitiveness`: the three 0–20 scales of the seminar (internal competencies,
#   external competencies, dynamic capabilities) for us and the strongest competitor;
# - `ukor`: the UKOR self-assessment, one answer 0–4 per statement
#   (0 = not at all, 4 = fully true); the statements are listed in the UKOR widget below.

# %% [markdown] tags=["ru"]
# ### ✍️ Данные сессии: вводятся в зале вместе с руководством
#
# То, что говорит руководство, хранится в файле сессии клиента (`workshop.yml` в папке с
# данными, его создаёт `workbench init`), а не набирается в этой тетради; правьте его там или
# вживую в зале и перезапускайте. Разделы:
#
# - `advantages`: не меньше десяти преимуществ наших продуктов и сервиса (семинар требует не
#   меньше 10: в очевидные несколько капли попадают редко), с их **важностью** для клиента (1–5,
#   лучше всего — со слов самих клиентов) и **присутствием у конкурентов** (доля главных
#   конкурентов, у которых это тоже есть: 0 — ни у кого, 1 — у всех);
# - `competitiveness`: три шкалы семинара по 0–20 баллов (внутренние компетенции,
#   внешние компетенции, динамические способности) для нас и сильнейшего конкурента;
# - `ukor`: самооценка УКОР, один ответ 0–4 на каждое утверждение (0 — совсем нет, 4 —
#   полностью верно); утверждения перечислены в виджете УКОР ниже.

# %%
workshop = folder.workshop  # the client's workshop file; empty when there is none
advantages = workshop.advantages()  # None until the `advantages:` section is filled
competitiveness_scores = workshop.competitiveness()  # None until `competitiveness:` is filled
ukor_answers = workshop.ukor_answers()  # None until the `ukor:` answers are given
banner = workbench.missing_banner(folder, 6, language=language)
if banner:
    print(banner)

# %% [markdown] tags=["en"]
# ## 1. The segments we make offers for
#
# Step 4 placed every client on the loyalty ladder, from potential clients (leads who have not
# bought yet) to advocates, with the lapsed apart; and into the nine ABC-XYZ cells (volume ×
# regularity). Both come from the run's one client base (`workbench.client_base`: the ladder
# with the survey's advocates, the workshop's ABC-XYZ thresholds), so this step counts the
# same clients as steps 5, 7 and 8.

# %% [markdown] tags=["ru"]
# ## 1. Сегменты, для которых мы делаем предложения
#
# Шаг 4 поставил каждого клиента на лестницу приверженности — от потенциальных клиентов (лидов,
# которые ещё не покупали) до приверженцев, с ушедшими отдельно — и в одну из девяти клеток
# ABC-XYZ (объём × регулярность). И то и другое берём из единой клиентской базы запуска
# (`workbench.client_base`: лестница с приверженцами по анкетам, пороги ABC-XYZ из файла
# воркшопа), поэтому этот шаг считает тех же клиентов, что и шаги 5, 7 и 8.

# %%
base = workbench.client_base(folder, asof=asof, churn=False)  # rungs and cells of the run
counts = base.counts()
ladder = base.table  # every client and lead: rung, status, ABC-XYZ cell, strategy
cells = base.buyers.rename(columns={"abc_xyz": "cell"})
print(workbench.describe_definitions(base, language=language))
print(workbench.describe_counts(counts, language=language))
workbench.plotting.plot_ladder(ladder, language=language)
plt.show()

# %% [markdown] tags=["en"]
# Each rung has its strategy: attract the potential client, engage the first-time buyer and
# the buyer, retain the regular, cherish the advocate, win back the lapsed. How many clients
# does each strategy cover?

# %% [markdown] tags=["ru"]
# У каждой ступени своя стратегия: потенциального клиента привлекаем, купившего впервые и
# покупателя вовлекаем, постоянного удерживаем, приверженца бережём, ушедшего возвращаем.
# Сколько клиентов охватывает каждая стратегия?

# %%
ladder_offers = workbench.offer_matrix(ladder["rung"], language=language)
cell_offers = workbench.offer_matrix(cells["cell"], language=language)
print(workbench.describe_offer_matrix(ladder_offers, language=language))
print(workbench.describe_offer_matrix(cell_offers, language=language))

# %% [markdown] tags=["en"]
# Read it as a workload: the biggest strategy is not automatically the most important one.
# Attracting many potential clients is cheap per client; cherishing a few advocates is
# personal work, and they are the ones who bring others.

# %% [markdown] tags=["ru"]
# Читайте это как объём работы: самая большая стратегия не обязательно самая важная. Привлечь
# много потенциальных клиентов дёшево в расчёте на одного; беречь немногих приверженцев —
# личная работа, и именно они приводят других.

# %% tags=["nbval-check-output", "remove-report"]
# ✅ check: clients per rung and per ABC-XYZ cell
print(ladder["rung"].value_counts().sort_index().to_dict())
print(cells["cell"].value_counts().sort_index().to_dict())

# %% tags=["hide"]
# what this step shows, recorded for the run's cross-step check (written only with out_dir)
bought = ladder[ladder["status"] != "potential"]
workbench.save_counts(out_dir, 6, {
    "n_clients": len(bought), "n_active": int((bought["status"] == "active").sum()),
    "n_lapsed": int((bought["rung"] == "lapsed").sum()),
    "n_advocates": int((bought["rung"] == "advocate").sum()),
    "by_rung": bought["rung"].value_counts()})

# %% [markdown] tags=["en"]
# ## 2. The default offer per segment
#
# The method's defaults live in a rule table, `workbench.OFFER_RULES`: for every segment key
# (a ladder rung, an ABC-XYZ cell, an RFM segment) a strategy and a few concrete actions. It is
# a starting point for the conversation, not the answer: the client replaces it (as a dict or
# as the frame `workbench.offer_rules_frame()`), or edits it in the widget of section 5.

# %% [markdown] tags=["ru"]
# ## 2. Предложение по умолчанию для каждого сегмента
#
# Настройки метода по умолчанию хранятся в таблице правил `workbench.OFFER_RULES`: для каждого
# ключа сегмента (ступень лестницы, клетка ABC-XYZ, сегмент RFM) — стратегия и несколько
# конкретных действий. Это отправная точка разговора, а не ответ: клиент заменяет её (словарём
# или таблицей `workbench.offer_rules_frame()`) или правит в виджете раздела 5.

# %%
display(workbench.format_offer_matrix(ladder_offers, language=language))

# %% [markdown] tags=["en"]
# The ABC-XYZ cells give a second, complementary view: key accounts that buy steadily (AX)
# are kept close by a senior manager, small and rare buyers (CZ) are served at the lowest
# cost — through self-service, standard terms and prepayment.

# %% [markdown] tags=["ru"]
# Клетки ABC-XYZ дают второй, дополняющий взгляд: ключевых клиентов, которые покупают
# стабильно (AX), ведёт старший менеджер, а мелких и редких покупателей (CZ) обслуживают с
# наименьшими затратами — через самообслуживание, стандартные условия и предоплату.

# %%
display(workbench.format_offer_matrix(cell_offers, language=language))

# %% tags=["nbval-check-output", "remove-report"]
# ✅ check: strategy of every rung and every cell; nobody left without a rule
print(ladder_offers.set_index("segment")["strategy"].to_dict())
print(cell_offers.set_index("segment")["strategy"].to_dict())
print(bool(ladder_offers["has_rule"].all()), bool(cell_offers["has_rule"].all()))

# %% [markdown] tags=["en"]
# ## 3. Golden drops: what the offer stands on
#
# The seminar's exercise: list at least ten advantages of our products; keep those that matter
# to the client; of those, keep the ones competitors lack. What remains are the golden drops —
# the arguments of every offer and every sales conversation. An advantage that matters but
# every competitor has is *table stakes*: we must have it, but it sells nothing. One that
# competitors lack but clients do not care about is a cost, not an asset.

# %% [markdown] tags=["ru"]
# ## 3. Золотые капли: на чём стоит предложение
#
# Упражнение семинара: перечислить не меньше десяти преимуществ наших продуктов; оставить те,
# что важны клиенту; из них оставить те, которых нет у конкурентов. Оставшееся — золотые капли,
# аргументы каждого предложения и каждого разговора продавца. Преимущество, которое важно, но
# есть у всех конкурентов, — *входной билет*: оно должно быть, но ничего не продаёт. То, чего
# нет у конкурентов, но что безразлично клиентам, — затрата, а не актив.

# %%
drops = None
if advantages is not None:
    drops = workbench.golden_drops(
        advantages, importance_min=importance_min, competitor_max=competitor_max
    )
    workbench.plotting.plot_golden_drops(drops, language=language)
    plt.show()

# %%
if drops is not None:
    print(workbench.describe_golden_drops(drops, language=language))
    display(workbench.format_golden_drops(drops, language=language))

# %% [markdown] tags=["en"]
# That is management's view. The survey is the clients' view: on which attributes that
# matter to them do they rate us *above* our main competitor (a drop they confirm), and on
# which *below* (something to fix before we advertise it)? The difference is paired per
# respondent, with a 95% interval, so only clear differences count.

# %% [markdown] tags=["ru"]
# Это взгляд руководства. Анкеты — взгляд клиентов: по каким важным для них параметрам они
# ставят нас *выше* главного конкурента (капля, которую они подтверждают), а по каким *ниже*
# (что нужно исправить, прежде чем это рекламировать)? Разность парная по каждому респонденту,
# с 95-процентным интервалом, поэтому в счёт идут только ясные различия.

# %%
if workbench.needs(folder, "survey", language=language):
    clients_view = workbench.survey_advantages(
        folder.tables["survey"], importance_min=survey_importance_min
    )
    print(workbench.describe_survey_advantages(clients_view, language=language))

# %% [markdown] tags=["en"]
# Where the two views disagree, ask the segment the offer is for: an attribute of average
# importance overall may matter a lot to one segment (run `workbench.survey_advantages` on
# that segment's answers), and an advantage management rates highly may simply be unknown to
# clients — then the offer must tell them.

# %% [markdown] tags=["ru"]
# Где два взгляда расходятся, спросите сегмент, для которого предложение: параметр средней
# важности в целом может много значить для одного сегмента (запустите
# `workbench.survey_advantages` на ответах этого сегмента), а преимущество, которое руководство
# ценит высоко, может быть просто неизвестно клиентам — тогда предложение должно им о нём
# рассказать.

# %% tags=["nbval-check-output", "remove-report"]
# ✅ check: the golden drops, and the survey's verdicts
if drops is not None:
    print(sorted(drops.index[drops["golden_drop"]]))
if workbench.needs(folder, "survey", language=language):
    print(clients_view["verdict"].sort_index().to_dict())

# %% [markdown] tags=["en"]
# ## 4. Competitiveness and the level of client orientation (UKOR)
#
# Two self-assessments frame the offer. **Competitiveness** (from the seminar): three scales of
# 0–20 points — internal competencies (what our people and processes can do), external
# competencies (relations with clients, suppliers, partners; the brand) and dynamic
# capabilities (how fast we learn and change). The weakest scale is where improvement pays
# first.

# %% [markdown] tags=["ru"]
# ## 4. Конкурентоспособность и уровень клиентоориентации (УКОР)
#
# Предложение обрамляют две самооценки. **Конкурентоспособность** (из семинара): три шкалы по
# 0–20 баллов — внутренние компетенции (что умеют наши люди и процессы), внешние компетенции
# (отношения с клиентами, поставщиками, партнёрами; бренд) и динамические способности (как
# быстро мы учимся и меняемся). Слабейшая шкала — там, где улучшение окупается первым.

# %%
competitive = None
if competitiveness_scores is not None:
    competitive = workbench.competitiveness(competitiveness_scores)
    workbench.plotting.plot_competitiveness(competitive, language=language)
    plt.show()
    print(workbench.describe_competitiveness(competitive, language=language))

# %% [markdown] tags=["en"]
# **UKOR** (the level of client orientation) is a questionnaire over the method's themes, two
# statements each. Kharsky's three levels: *spontaneous* (it depends on individual goodwill),
# *regulated* (written standards and measurement) and *cultural* (the client comes first
# without being told). Only the key clients' opinion finally decides; a high self-score they
# would not confirm is itself a finding.

# %% [markdown] tags=["ru"]
# **УКОР** (уровень клиентоориентации) — анкета по темам метода, по два утверждения на тему.
# Три уровня по Харскому: *стихийная* (зависит от доброй воли отдельных людей),
# *регламентированная* (письменные стандарты и измерение) и *культурная* (клиент на первом
# месте без напоминаний). В конечном счёте решает только мнение ключевых клиентов; высокая
# самооценка, которую они не подтвердили бы, — сама по себе находка.

# %% [markdown] tags=["en", "workshop-only"]
# Move the sliders with management: the score, the level and the weakest themes update.

# %% [markdown] tags=["ru", "workshop-only"]
# Двигайте ползунки вместе с руководством: оценка, уровень и слабейшие темы обновляются.

# %% tags=["nbval-ignore-output"]
# with no answers in the file the sliders open at 0: management fills them in the room and
# "Save this decision" writes them into the workshop file
ukor_panel = workbench.widgets.ukor_panel(language=language, answers=ukor_answers,
                                          workshop=data_dir)
ukor_panel

# %%
level = workbench.ukor(ukor_answers) if ukor_answers is not None else None
if level is not None:
    print(workbench.describe_ukor(level, language))

# %% tags=["nbval-check-output", "remove-report"]
# ✅ check: competitiveness totals and weakest scale; УКОР score, level and weakest themes
if competitive is not None:
    print(competitive["total"].round(1).to_dict(), competitive["weakest"].to_dict())
if level is not None:
    print(round(level.score, 1), level.level, level.weakest)

# %% [markdown] tags=["en"]
# ### The key clients' view of our client orientation
#
# The seeds' last word on UKOR: only the key client's opinion decides whether a company is
# client-oriented. So the self-assessment is put to the key clients themselves — a short
# questionnaire, one statement per theme of the self-assessment, answered on the same 0–4 scale
# (below; `workbench.key_client_questionnaire(language, out="key_clients.html")` writes it
# as a page to send). Their answers go into the data folder as `internal/key_clients_ukor.csv`
# (one row per key client, one column per theme), and the two views are set side by side theme
# by theme. Where we rate ourselves 15 points (of 100) or more above what the key clients say,
# we overrate ourselves: that theme goes first into the offer and the standards, whatever the
# self-score says. Where they rate us higher, we undersell a strength.

# %% [markdown] tags=["ru"]
# ### Клиентоориентированность глазами ключевых клиентов
#
# Последнее слово семян об УКОР: клиентоориентирована ли компания, решает только мнение
# ключевого клиента. Поэтому самооценку проверяем у самих ключевых клиентов — короткая анкета,
# по одному утверждению на каждую тему самооценки, ответы по той же шкале 0–4 (ниже;
# `workbench.key_client_questionnaire(language, out="key_clients.html")` записывает её
# страницей для рассылки). Их ответы кладутся в папку с данными как
# `internal/key_clients_ukor.csv` (строка на ключевого клиента, столбец на тему), и два взгляда
# сравниваются тема за темой. Там, где мы ставим себе на 15 баллов (из 100) и больше выше, чем
# ключевые клиенты, мы себя переоцениваем: эта тема первой идёт в предложение и в стандарты,
# что бы ни говорила самооценка. Там, где клиенты ставят нас выше, мы недооцениваем свою
# сильную сторону.

# %% tags=["remove-report"]
print(workbench.key_client_questionnaire(language))

# %%
# the key clients' answers: a file of the data folder; without it, a sentence naming the file
key_clients_file = workbench.instrument_file(data_dir, "key_clients", language=language)
ukor_view = None
if key_clients_file is not None and level is not None:
    key_clients = workbench.load_key_client_answers(key_clients_file)
    ukor_view = workbench.survey.compare_ukor(level, key_clients)
    display(workbench.format_ukor_comparison(ukor_view, language))
    print(workbench.describe_ukor_comparison(ukor_view, language))

# %% tags=["nbval-check-output", "remove-report"]
# ✅ check: key clients who answered, both overall scores, the themes read as over/underrated
if ukor_view is not None:
    print(ukor_view.n_clients, ukor_view.self_level, ukor_view.client_level)
    print(verdict("self-assessment score", ukor_view.self_score, 46.9, abs=0.1))
    print(verdict("key clients' score", ukor_view.client_score, 50.8, abs=0.1))
    print(ukor_view.themes["verdict"].to_dict())

# %% [markdown] tags=["en"]
# ## 5. The agreed offer table — the decision of this step
#
# Now the management team edits the offer for each rung: pick the strategy, rewrite the
# actions in their own words (separated by `;`), build the golden drops into them. Choosing
# "No rule" flags a segment to be discussed again. The table under the controls is the agreed
# offer; `panel.result` carries it to step 7, where it becomes the action lists for the sales
# team.

# %% [markdown] tags=["ru"]
# ## 5. Согласованная таблица предложений — решение этого шага
#
# Теперь руководство правит предложение для каждой ступени: выбирает стратегию, переписывает
# действия своими словами (через `;`), встраивает в них золотые капли. Выбор «Нет правила»
# помечает сегмент для повторного обсуждения. Таблица под элементами управления — согласованное
# предложение; `panel.result` передаёт его на шаг 7, где оно становится списками действий для
# отдела продаж.

# %% tags=["nbval-ignore-output"]
panel = workbench.widgets.offer_table_panel(ladder["rung"], language=language,
                                            rules=folder.workshop.offer_rules(),
                                            workshop=data_dir)
panel

# %%
agreed_offers = panel.result
print(workbench.describe_offer_matrix(agreed_offers, language=language))

# %% tags=["nbval-check-output", "remove-report"]
# ✅ check: clients per strategy in the offer table as it opens (the method's defaults)
print(agreed_offers.groupby("strategy")["n_customers"].sum().sort_index().to_dict())

# %% [markdown] tags=["en", "workshop-only"]
# ## 📝 Your turn
#
# 1. Management is not sure about the importance scores: lower `importance_min` to 3.5 and
#    read again which advantages become golden drops. Which one would you *test* with clients
#    before building an offer on it?
# 2. Make the offer for the ABC-XYZ cells instead of the ladder: open the offer table for
#    `cells["cell"]`, give the CZ cell (small, rare buyers) the strategy "Engage and develop"
#    with the actions `upsell; self_service` (action keys of the catalogue are translated;
#    free text is kept as typed), and read how many clients change strategy.
# 3. The key clients' view: management says a 15-point gap is within the noise of eight
#    answers. Compare again with `threshold=25` and read which themes still differ. Then answer
#    as management would in the room: which theme would you raise first with the key clients?

# %% [markdown] tags=["ru", "workshop-only"]
# ## 📝 Ваша очередь
#
# 1. Руководство не уверено в оценках важности: снизьте `importance_min` до 3,5 и снова
#    прочитайте, какие преимущества становятся золотыми каплями. Какое из них вы бы *проверили*
#    у клиентов, прежде чем строить на нём предложение?
# 2. Сделайте предложение для клеток ABC-XYZ вместо лестницы: откройте таблицу предложений для
#    `cells["cell"]`, дайте клетке CZ (мелкие и редкие покупатели) стратегию «Вовлекать и
#    развивать» с действиями `upsell; self_service` (ключи действий из каталога переводятся;
#    свободный текст остаётся как введён) и прочитайте, сколько клиентов сменили стратегию.
# 3. Взгляд ключевых клиентов: руководство считает, что разрыв в 15 баллов — в пределах шума
#    восьми ответов. Сравните ещё раз с `threshold=25` и прочитайте, какие темы всё ещё
#    расходятся. Затем ответьте, как ответило бы руководство в зале: какую тему вы первой
#    обсудили бы с ключевыми клиентами?

# %% tags=["solution"]
if advantages is not None:
    relaxed = workbench.golden_drops(advantages, importance_min=3.5,
                                     competitor_max=competitor_max)
    print(workbench.describe_golden_drops(relaxed, language=language))

# %% tags=["solution"]
cells_panel = workbench.widgets.offer_table_panel(cells["cell"], language=language)
if "CZ:strategy" in cells_panel.controls:
    cells_panel.controls["CZ:strategy"].value = "engage"
    cells_panel.controls["CZ:actions"].value = "upsell; self_service"
print(workbench.describe_offer_matrix(cells_panel.result, language=language))

# %% tags=["solution"]
if ukor_view is not None:
    strict = workbench.survey.compare_ukor(level, key_clients, threshold=25)
    display(workbench.format_ukor_comparison(strict, language))
    print(workbench.describe_ukor_comparison(strict, language))

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
    workbench.survey.control_checklist(folder.workshop, step=6), language))

# %% [markdown] tags=["en"]
# ## In this notebook we:
# - took the segments of step 4 and saw how many clients each strategy — attract, engage,
#   retain, cherish, win back — covers;
# - read the method's default offer per ladder rung and per ABC-XYZ cell;
# - found the golden drops with management and checked them against the clients' own ratings
#   of us and the main competitor: the offer is built on what clients value and competitors
#   lack, and what clients rate below the competitor is fixed before it is advertised;
# - scored competitiveness and UKOR, and named the weakest scale and themes;
# - agreed the offer table, the decision of this step. Next: `07_packaging` — the offer
#   becomes action lists for the sales team (packaging and handing over).

# %% [markdown] tags=["ru"]
# ## В этой тетради мы:
# - взяли сегменты шага 4 и увидели, сколько клиентов охватывает каждая стратегия —
#   привлекать, вовлекать, удерживать, беречь, возвращать;
# - прочитали предложение метода по умолчанию для каждой ступени лестницы и каждой клетки
#   ABC-XYZ;
# - нашли вместе с руководством золотые капли и сверили их с оценками самих клиентов — нас и
#   главного конкурента: предложение строится на том, что ценят клиенты и чего нет у
#   конкурентов, а то, в чём клиенты ставят нас ниже конкурента, исправляется до того, как это
#   рекламировать;
# - оценили конкурентоспособность и УКОР и назвали слабейшую шкалу и темы;
# - согласовали таблицу предложений — решение этого шага. Дальше: `07_packaging` — предложение
#   становится списками действий для отдела продаж (упаковка и вручение).

# %% tags=["nbval-ignore-output"]
print(workbench.versions())
