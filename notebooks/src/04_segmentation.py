# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown] tags=["en"]
# # Step 4 — First segmentation and the criteria for it
#
# **Why this step matters to the client.** Clients are not equal: a few bring most of the
# money, some buy every month and some bought once and vanished. Steps 1–3 told us *what*
# clients expect; this step decides *whom* we serve how. Management chooses the criteria by
# which the company will sort its clients from now on — how much they bring (ABC), how
# regularly they buy (XYZ), where they stand on the loyalty ladder — and checks them against
# the groups the data itself suggests (clusters). Without this step every client gets the same
# effort: the key accounts are under-served, and money is spent on clients who will never pay
# it back ("is it worth it?" is the question of step 5, and it needs these segments).
#
# **In this notebook we will:**
# 1. rank clients by recency, frequency and money (RFM) and read the named RFM segments;
# 2. split them by volume and regularity (ABC-XYZ), with the way of working per cell, and
#    agree where the ABC and XYZ lines go;
# 3. place every client — and every lead — on the loyalty ladder, with the strategy per rung,
#    the profitable / middle / unprofitable subgroups and the observed moves between rungs;
# 4. let the data propose its own groups (clustering), choose k and the features with a
#    widget, and check that the segments are stable;
# 5. compare the criteria with each other and decide which ones the client will use;
# 6. hand the data to analysts who fit buy-till-you-die models (a note);
# 7. try it ourselves (📝 Your turn).

# %% [markdown] tags=["ru"]
# # Шаг 4 — Первая попытка сегментации, выработка критериев
#
# **Почему этот шаг важен клиенту.** Клиенты не равны: немногие приносят большую часть денег,
# одни покупают каждый месяц, другие купили один раз и исчезли. Шаги 1–3 сказали, *чего* ждут
# клиенты; этот шаг решает, *кого* и как мы обслуживаем. Руководство выбирает критерии, по
# которым компания отныне будет делить своих клиентов, — сколько они приносят (ABC), насколько
# регулярно покупают (XYZ), на какой ступени лестницы приверженности стоят — и сверяет их с
# группами, которые предлагают сами данные (кластеры). Без этого шага все клиенты получают
# одинаковые усилия: ключевые клиенты недополучают внимания, а деньги тратятся на тех, кто их
# никогда не вернёт («стоит ли овчинка выделки?» — вопрос шага 5, и ему нужны эти сегменты).
#
# **В этой тетради мы:**
# 1. упорядочим клиентов по давности, частоте и сумме покупок (RFM) и прочитаем именованные
#    сегменты RFM;
# 2. разделим их по объёму и регулярности (ABC-XYZ), со способом работы для каждой клетки, и
#    договоримся, где проходят границы ABC и XYZ;
# 3. поставим каждого клиента — и каждый лид — на лестницу приверженности, со стратегией для
#    каждой ступени, подгруппами «прибыльные / средние / убыточные» и наблюдаемыми переходами
#    между ступенями;
# 4. дадим данным предложить собственные группы (кластеризация), выберем k и признаки виджетом
#    и проверим устойчивость сегментов;
# 5. сравним критерии друг с другом и решим, какими будет пользоваться клиент;
# 6. передадим данные аналитикам, которые строят модели «покупает, пока не уйдёт» (заметка);
# 7. попробуем сами (📝 Ваша очередь).

# %% tags=["parameters"]
# Parameters: `workbench run` replaces these (data_dir becomes absolute).
data_dir = "../data/samples"  # folder with the client's tables
asof = None  # observation end "YYYY-MM-DD"; None = last transaction date
language = "en"  # "en" or "ru": plots, widgets and computed prose
mapping = None  # optional YAML/JSON column mapping for messy exports
out_dir = None  # where `workbench run` writes deliverables (unused in the workshop)
abc = (0.80, 0.95)  # ABC lines: A = top clients up to 80% of value, B up to 95%, C the rest
xyz = (0.75, 1.5)  # XYZ lines on the coefficient of variation of monthly value: X <= 0.75 < Y <= 1.5 < Z
abc_value = "amount"  # what ABC ranks: "amount" (revenue) or "profit" (needs costs)
n_periods = 12  # ABC-XYZ window: the last 12 calendar months up to asof
ladder_rules = None  # overrides of workbench.LADDER_RULES, e.g. {"lapsed_days": 120}
transition_days = 180  # how far back we compare the ladder to measure moves between rungs
n_clusters = "auto"  # number of clusters; "auto" picks the best silhouette within k_range
k_range = (2, 8)  # the k tried with "auto"
n_boot = 10  # bootstrap resamples for the stability check of the clusters
btyd_freq = "W"  # time unit of the BTYD summary for analysts: "D", "W" or "M"

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

# %% [markdown] tags=["en"]
# ## 1. RFM: how recently, how often, how much
#
# The simplest sorting a CRM allows: for every client the days since the last purchase
# (**R**ecency), the number of orders (**F**requency) and the money (**M**onetary). Each
# gets a score from 1 to 5 (5 = best: most recent, most frequent, most money) and the R and F
# scores give a named segment — champions, loyal, at risk, cannot lose them, lost …

# %% [markdown] tags=["ru"]
# ## 1. RFM: как давно, как часто, сколько
#
# Простейшая сортировка, которую позволяет CRM: для каждого клиента — дни с последней покупки
# (**R**ecency, давность), число заказов (**F**requency, частота) и деньги (**M**onetary,
# сумма). Каждая величина получает балл от 1 до 5 (5 — лучше всего: самая свежая покупка, самые
# частые, самые крупные), а баллы R и F дают именованный сегмент — чемпионы, лояльные, в зоне
# риска, нельзя потерять, потерянные …

# %%
rfm = workbench.rfm_table(tx, asof=asof)
display(workbench.format_rfm_summary(workbench.rfm_summary(rfm), language=language))

# %% [markdown] tags=["en"]
# Read aloud:

# %% [markdown] tags=["ru"]
# Читаем вслух:

# %%
print(workbench.describe_rfm(rfm, language=language))

# %% [markdown] tags=["en"]
# The heatmap shows the mean revenue per client in each R × F cell: the top-right corner
# (recent and frequent) is where the money is; the bottom-right corner (frequent, but not
# lately) is the money we are about to lose.

# %% [markdown] tags=["ru"]
# Тепловая карта показывает среднюю выручку на клиента в каждой клетке R × F: правый верхний
# угол (недавно и часто) — там, где деньги; правый нижний (часто, но давно) — деньги, которые
# мы вот-вот потеряем.

# %% tags=["nbval-ignore-output"]
workbench.plotting.plot_rfm_heatmap(rfm, language=language)
plt.show()

# %% tags=["nbval-check-output"]
# ✅ check: clients, RFM segment sizes, median recency and orders
print(len(rfm), {k: int(v) for k, v in rfm["segment"].value_counts().sort_index().items()})
print(int(rfm["recency_days"].median()), int(rfm["frequency"].median()))

# %% [markdown] tags=["en"]
# ## 2. ABC-XYZ: who brings the money, and who buys steadily
#
# **ABC** sorts clients by what they bring over the last `n_periods` months (Pareto): A are
# the top clients that together make the first 80% of the value, B the next 15%, C the rest.
# **XYZ** sorts them by how regularly they buy: the coefficient of variation of their monthly
# purchases (X = every month or nearly, Y = now and then, Z = rarely or once). The nine cells
# each get their own way of working (the seed note on CRM practice): from a personal manager
# for AX to the cheapest channel for CZ.

# %% [markdown] tags=["ru"]
# ## 2. ABC-XYZ: кто приносит деньги и кто покупает стабильно
#
# **ABC** сортирует клиентов по тому, что они принесли за последние `n_periods` месяцев
# (Парето): A — лучшие клиенты, вместе дающие первые 80 % суммы, B — следующие 15 %, C —
# остальные. **XYZ** сортирует их по регулярности покупок: коэффициент вариации помесячных
# покупок (X — каждый месяц или почти, Y — время от времени, Z — редко или однократно). Для
# каждой из девяти клеток свой способ работы (по материалу о практике CRM): от персонального
# менеджера для AX до самого дешёвого канала для CZ.

# %%
abc_table = workbench.abc_xyz(tx, asof=asof, value=abc_value, abc=abc, xyz=xyz,
                              n_periods=n_periods)
abc_summary = workbench.abc_xyz_summary(abc_table)
print(workbench.describe_abc_xyz(abc_summary, language=language))

# %%
display(workbench.format_abc_xyz_summary(abc_summary, language=language))

# %% [markdown] tags=["en"]
# Left: the Pareto curve (the steeper its start, the more the business depends on a few
# clients). Right: the share of revenue in each cell.

# %% [markdown] tags=["ru"]
# Слева — кривая Парето (чем круче её начало, тем сильнее бизнес зависит от немногих
# клиентов). Справа — доля выручки в каждой клетке.

# %% tags=["nbval-ignore-output"]
fig, axes = plt.subplots(1, 2, figsize=(12, 4.5))
workbench.plotting.plot_abc_pareto(abc_table, abc=abc, value=abc_value, ax=axes[0],
                                   language=language)
workbench.plotting.plot_abc_xyz_matrix(abc_summary, what="revenue_share", ax=axes[1],
                                       language=language)
plt.show()

# %% [markdown] tags=["en"]
# **The decision: where do the lines go?** 80 / 95 is the textbook Pareto cut. The XYZ lines
# for *clients* must be far wider than the textbook lines for products (0.1 / 0.25): one
# client's monthly spend varies much more than the demand for a whole product, and with the
# product lines every client would be Z. The questions for the management team: how many
# clients can the company really give a personal manager (the size of A)? Whom do we call
# "steady"?

# %% [markdown] tags=["ru"]
# **Решение: где проходят границы?** 80 / 95 — классическое деление по Парето. Границы XYZ для
# *клиентов* должны быть гораздо шире учебных границ для товаров (0,1 / 0,25): месячные покупки
# одного клиента колеблются намного сильнее, чем спрос на целый товар, и с «товарными»
# границами каждый клиент оказался бы в Z. Вопросы к руководству: скольким клиентам компания
# действительно может дать персонального менеджера (размер A)? Кого мы называем «стабильным»?

# %% [markdown] tags=["en", "workshop-only"]
# Move the sliders with the management team: the matrix and the sentence below it recompute
# at once.

# %% [markdown] tags=["ru", "workshop-only"]
# Двигайте ползунки вместе с руководством: матрица и фраза под ней пересчитываются сразу.

# %% tags=["nbval-ignore-output"]
abc_panel = workbench.widgets.abc_xyz_panel(tx, asof=asof, value=abc_value,
                                            n_periods=n_periods, abc=abc, xyz=xyz,
                                            language=language)
abc_panel

# %% tags=["nbval-check-output"]
# ✅ check: clients per cell and the revenue share of class A, at the parameters' lines
print({cell: int(n) for cell, n in abc_summary["clients"].items()})
print(round(float(abc_summary.loc[abc_summary["abc"] == "A", "revenue_share"].sum()), 3))

# %% [markdown] tags=["en"]
# ## 3. The loyalty ladder
#
# The ladder of the method: potential client → visitor → first purchase → buyer → regular →
# advocate; next to it the lapsed clients who fell off. Each rung has its own strategy —
# attract, engage, retain, cherish, win back — and clients are moved up **one rung at a
# time**. The leads table (the sales funnel) fills the two bottom rungs; the survey's NPS tells
# the advocates (promoters) from the merely regular, and so does the customers table's
# `referred_by` (who brought whom): a regular who brought a paying client is an advocate. All
# are optional: without them the ladder starts at the first purchase and advocates are
# recognised by a long steady history.

# %% [markdown] tags=["ru"]
# ## 3. Лестница приверженности
#
# Лестница метода: потенциальный клиент → посетитель → первая покупка → покупатель → постоянный
# клиент → приверженец; рядом — ушедшие клиенты, которые с неё сошли. У каждой ступени своя
# стратегия — привлекать, вовлекать, удерживать, беречь, возвращать, — и клиентов поднимают
# **по одной ступени за раз**. Таблица лидов (воронка продаж) заполняет две нижние ступени;
# NPS из анкет отличает приверженцев (промоутеров) от просто постоянных, как и столбец
# `referred_by` таблицы клиентов (кто кого привёл): постоянный клиент, который привёл
# платящего клиента, — приверженец. Все эти таблицы необязательны: без них лестница
# начинается с первой покупки, а приверженцев узнают по длинной стабильной истории.

# %%
ladder = workbench.loyalty_ladder(tx, asof=asof, leads=folder.tables.get("leads"),
                                  survey=folder.tables.get("survey"), rules=ladder_rules,
                                  customers=folder.tables.get("customers"))
print(workbench.describe_ladder(ladder, language=language))

# %% [markdown] tags=["en"]
# Per rung: the strategy, the typical client, the share of profit and the subgroups the
# method asks for within each rung — profitable, middle, unprofitable (profit = sales −
# costs; the subgroups appear when the data has costs).

# %% [markdown] tags=["ru"]
# По каждой ступени: стратегия, типичный клиент, доля прибыли и подгруппы, которые метод
# выделяет внутри ступени, — прибыльные, средние, убыточные (прибыль = продажи − затраты;
# подгруппы появляются, когда в данных есть затраты).

# %%
display(workbench.format_ladder_summary(workbench.ladder_summary(ladder), language=language))

# %% tags=["nbval-ignore-output"]
workbench.plotting.plot_ladder(ladder, language=language)
plt.show()

# %% [markdown] tags=["en"]
# **Do clients really climb?** We rebuild the ladder as it stood `transition_days` ago and
# see where each client is now. The method expects the chance of leaving to fall as clients
# climb; the share that moved up is the base rate any "one rung up" campaign has to beat.

# %% [markdown] tags=["ru"]
# **Действительно ли клиенты поднимаются?** Восстанавливаем лестницу, какой она была
# `transition_days` дней назад, и смотрим, где каждый клиент сейчас. Метод ожидает, что
# вероятность ухода падает по мере подъёма; доля поднявшихся — базовый уровень, который должна
# превзойти любая кампания «на ступень вверх».

# %%
try:
    transitions = workbench.ladder_transitions(tx, asof=asof, period=transition_days,
                                               leads=folder.tables.get("leads"),
                                               survey=folder.tables.get("survey"),
                                               rules=ladder_rules,
                                               customers=folder.tables.get("customers"))
    print(workbench.describe_transitions(transitions, language=language))
except workbench.WorkbenchError as err:  # history shorter than transition_days
    transitions = None
    print(err)

# %% tags=["nbval-check-output"]
# ✅ check: clients per rung; share lapsed per starting rung
print({k: int(v) for k, v in ladder["rung"].value_counts().sort_index().items()})
if transitions is not None:
    print(transitions["lapsed"].round(3).to_dict())

# %% [markdown] tags=["en"]
# ## 4. Clusters: the groups the data proposes
#
# RFM, ABC-XYZ and the ladder cut along lines *we* chose. Cluster analysis asks the data:
# which groups of similar clients are there? We describe each client by *how* they buy, not
# by where they are in their life cycle: orders per month, the average order, units per order
# and the share of months with a purchase (`workbench.customer_feature_table`; its
# `kind="rfm"` gives the five RFM facts instead). `workbench.Segmenter` takes logarithms of
# the skewed money and count columns, scales them, tries every k in `k_range` and keeps the k
# with the best silhouette (how compact and how well separated the groups are).

# %% [markdown] tags=["ru"]
# ## 4. Кластеры: группы, которые предлагают данные
#
# RFM, ABC-XYZ и лестница режут по линиям, которые выбрали *мы*. Кластерный анализ спрашивает
# данные: какие группы похожих клиентов в них есть? Мы описываем каждого клиента тем, *как* он
# покупает, а не тем, где он в своём жизненном цикле: заказы в месяц, средний заказ, единиц в
# заказе и доля месяцев с покупкой (`workbench.customer_feature_table`; её `kind="rfm"` даёт
# вместо этого пять величин RFM). `workbench.Segmenter` логарифмирует скошенные денежные и
# счётные столбцы, масштабирует их, перебирает все k из `k_range` и оставляет k с лучшим
# силуэтом (насколько группы компактны и насколько хорошо разделены).

# %%
features = workbench.customer_feature_table(tx, asof=asof)
revenue = workbench.rfm_table(tx, asof=asof)["monetary_total"]  # for the revenue shares
segmenter = workbench.Segmenter(n_clusters=n_clusters, k_range=k_range, random_state=0,
                                n_jobs=1).fit(features)
stability = segmenter.stability(features, n_boot=n_boot)
print(workbench.describe_segments(segmenter, features, revenue=revenue,
                                  stability=stability, language=language))

# %% [markdown] tags=["en"]
# The silhouette by k: a k with a slightly lower score but segments the team can act on is
# often the better choice — the maximum is a suggestion, not a verdict.

# %% [markdown] tags=["ru"]
# Силуэт по k: k с чуть меньшим значением, но с сегментами, с которыми команда может работать,
# часто лучший выбор — максимум это подсказка, а не приговор.

# %% tags=["nbval-ignore-output"]
if len(segmenter.k_scores_):
    workbench.plotting.plot_silhouette(segmenter, language=language)
    plt.show()

# %% [markdown] tags=["en"]
# The typical client of each segment (medians); in the plot below, each segment's means
# against the average client (1 = average; above 1 = more than average):

# %% [markdown] tags=["ru"]
# Типичный клиент каждого сегмента (медианы); на графике ниже — средние каждого сегмента
# относительно среднего клиента (1 — средний; больше 1 — выше среднего):

# %%
display(workbench.format_segment_profile(
    segmenter.profile(features, revenue=revenue), language=language))

# %% tags=["nbval-ignore-output"]
workbench.plotting.plot_cluster_profiles(segmenter, features, language=language)
plt.show()

# %% [markdown] tags=["en"]
# **The decision: how many segments, on which facts?** Fewer, clearer segments that sales can
# tell apart beat many fine ones; dropping
# one fact shows how much it drives the split, and adding the RFM facts ("days since the last
# purchase", "revenue" ...) shows how the life cycle reshuffles the kinds of clients.

# %% [markdown] tags=["ru"]
# **Решение: сколько сегментов и по каким признакам?** Меньше сегментов, но понятных, которые
# продавцы могут различить, лучше множества тонких; убрав один признак, видим, насколько он
# определяет деление, а добавив величины RFM («дней с последней покупки», «выручка» …), видим,
# как жизненный цикл перетасовывает типы клиентов.

# %% [markdown] tags=["en", "workshop-only"]
# Move k and choose the features with the team.

# %% [markdown] tags=["ru", "workshop-only"]
# Двигайте k и выбирайте признаки вместе с командой.

# %% tags=["nbval-ignore-output"]
rfm_facts = workbench.customer_feature_table(tx, asof=asof, kind="rfm")
segment_panel = workbench.widgets.segmentation_panel(
    features.join(rfm_facts.drop(columns=list(features.columns), errors="ignore")),
    k=max(segmenter.n_clusters_, 2), k_max=max(k_range[1], segmenter.n_clusters_),
    features=list(features.columns), revenue="monetary_total", language=language)
segment_panel

# %% tags=["nbval-check-output"]
# ✅ check: k; segment sizes within 5 clients; silhouette per k and median stability to 0.01
print(segmenter.n_clusters_)
print(verdict("segment sizes", segmenter.profile(features)["size"], [2013, 667, 249], abs=5))
if len(segmenter.k_scores_):
    print(list(segmenter.k_scores_.index))
    print(verdict("silhouette per k", segmenter.k_scores_,
                  [0.542, 0.553, 0.457, 0.344, 0.349, 0.359, 0.362], abs=0.01))
print(verdict("median stability", stability.median(), 0.995, abs=0.01))

# %% [markdown] tags=["en"]
# ## 5. Comparing the criteria: which ones will the client use?
#
# Four ways of sorting the same clients. Where two criteria agree strongly they say the same
# thing and one of them is enough; where they disagree each adds information. We put the
# segments side by side for every client who bought (Cramér's V: 0 = unrelated, 1 = one
# criterion determines the other).

# %% [markdown] tags=["ru"]
# ## 5. Сравниваем критерии: какими будет пользоваться клиент?
#
# Четыре способа разложить одних и тех же клиентов. Где два критерия сильно совпадают, они
# говорят одно и то же и достаточно одного; где расходятся — каждый добавляет информацию.
# Ставим сегменты рядом для каждого купившего клиента (V Крамера: 0 — не связаны, 1 — один
# критерий полностью определяет другой).

# %%
criteria = workbench.segment_criteria(rfm=rfm, abc_xyz=abc_table, ladder=ladder,
                                      clusters=segmenter.name_labels(features))
display(workbench.format_crosstab(workbench.segment_crosstab(criteria, "cluster", "rung"),
                                  language=language))
print(workbench.describe_crosstab(criteria, "cluster", "rung", language=language))

# %%
display(workbench.format_crosstab(workbench.segment_crosstab(criteria, "cluster", "cell"),
                                  language=language))
print(workbench.describe_crosstab(criteria, "cluster", "cell", language=language))

# %% [markdown] tags=["en"]
# All criteria against each other (the ABC-XYZ cell is left out: it is made of ABC and XYZ):

# %% [markdown] tags=["ru"]
# Все критерии друг против друга (клетка ABC-XYZ не показана: она составлена из ABC и XYZ):

# %%
agreement = workbench.criteria_agreement(
    criteria, columns=["rfm_segment", "abc", "xyz", "rung", "cluster"])
display(workbench.format_criteria_agreement(agreement, language=language))
print(workbench.describe_agreement(agreement, language=language))

# %% [markdown] tags=["en"]
# **Which criteria will the client use?** A proposal to discuss with management:
# - **the loyalty ladder is the main axis**: it carries the strategy (attract, engage,
#   retain, cherish, win back) that step 6 turns into offers, and it is easy to explain to the
#   sales team;
# - **ABC sets the level of service within a rung**: an A client on any rung gets a personal
#   manager, a C client the standard channel — that is where the money is;
# - **XYZ sets the rhythm of contact**: X clients on a schedule, Y before their usual buying
#   moments, Z by campaigns;
# - **clusters are the check**, not the criterion: if they line up with the ladder and ABC,
#   the criteria follow the real structure of the client base; a cluster that cuts across
#   them is a group worth a closer look (and a name of its own);
# - **RFM segments are the working lists** for step 5: "at risk" and "cannot lose them" are
#   the first calls of the retention plan.

# %% [markdown] tags=["ru"]
# **Какими критериями будет пользоваться клиент?** Предложение для обсуждения с руководством:
# - **лестница приверженности — главная ось**: она несёт стратегию (привлекать, вовлекать,
#   удерживать, беречь, возвращать), которую шаг 6 превращает в предложения, и её легко
#   объяснить отделу продаж;
# - **ABC задаёт уровень обслуживания внутри ступени**: клиент A на любой ступени получает
#   персонального менеджера, клиент C — стандартный канал: деньги именно там;
# - **XYZ задаёт ритм контактов**: клиентам X — по графику, Y — перед их обычными моментами
#   покупки, Z — в рамках кампаний;
# - **кластеры — проверка, а не критерий**: если они совпадают с лестницей и ABC, критерии
#   следуют реальной структуре клиентской базы; кластер, который их пересекает, — группа,
#   заслуживающая более пристального взгляда (и собственного имени);
# - **сегменты RFM — рабочие списки** для шага 5: «в зоне риска» и «нельзя потерять» — первые
#   звонки плана удержания.

# %% tags=["nbval-check-output"]
# ✅ check: clients compared, and the agreement between the criteria to 0.01
print(len(criteria), list(criteria.columns))
pairs = [(a, b) for i, a in enumerate(agreement.index) for b in agreement.columns[i + 1:]]
print([f"{a}-{b}" for a, b in pairs])
print(verdict("agreement per pair", [agreement.loc[a, b] for a, b in pairs],
              [0.526, 0.528, 0.628, 0.502, 0.536, 0.469, 0.555, 0.533, 0.495, 0.438], abs=0.01))

# %% [markdown] tags=["en", "analyst"]
# ## 6. For analysts: the summary that BTYD models need
#
# Analysts who forecast purchases with "buy till you die" models (BG/NBD, Pareto/NBD,
# Gamma-Gamma in `lifetimes` or PyMC-Marketing) need one row per client with `frequency`,
# `recency`, `T` and `monetary_value`, in exactly those libraries' definitions.
# `workbench.btyd_summary` gives it, fast. Mind the traps: `frequency` counts *repeat periods*
# (not orders), `recency` is the client's age at the last purchase (not the time since it),
# `monetary_value` is the mean of the repeat periods (0 for one-off buyers, who must be left
# out of Gamma-Gamma).
#
# ```python
# from lifetimes import BetaGeoFitter
# BetaGeoFitter(penalizer_coef=0.001).fit(summary["frequency"], summary["recency"], summary["T"])
# ```

# %% [markdown] tags=["ru", "analyst"]
# ## 6. Для аналитиков: сводка, которая нужна моделям BTYD
#
# Аналитикам, которые прогнозируют покупки моделями «покупает, пока не уйдёт» (BG/NBD,
# Pareto/NBD, Gamma-Gamma в `lifetimes` или PyMC-Marketing), нужна одна строка на клиента с
# `frequency`, `recency`, `T` и `monetary_value` — точно в определениях этих библиотек.
# `workbench.btyd_summary` даёт её быстро. Осторожно с ловушками: `frequency` считает
# *повторные периоды* (а не заказы), `recency` — возраст клиента на момент последней покупки (а
# не время с неё), `monetary_value` — среднее по повторным периодам (0 у разовых покупателей,
# которых надо исключить из Gamma-Gamma).
#
# ```python
# from lifetimes import BetaGeoFitter
# BetaGeoFitter(penalizer_coef=0.001).fit(summary["frequency"], summary["recency"], summary["T"])
# ```

# %% tags=["analyst"]
btyd = workbench.btyd_summary(tx, asof=asof, freq=btyd_freq)
print(workbench.describe_btyd(btyd, language=language))

# %% tags=["nbval-check-output"]
# ✅ check: clients, repeat buyers, median T
print(len(btyd), int((btyd["frequency"] > 0).sum()), round(float(btyd["T"].median()), 1))

# %% [markdown] tags=["en", "workshop-only"]
# ## 📝 Your turn
#
# The seed note defines class A by *profit*, not revenue ("the 20% of clients who make up to
# 80% of the profit"). Redo the ABC-XYZ split with `value="profit"` and a stricter A line of
# 0.70, read it aloud, and count the clients whose cell changes. Which cells do they move
# between? (Hint: `workbench.segment_criteria(abc_xyz=..., extra={...})` puts two splits side
# by side, and `workbench.segment_crosstab` crosses them.)

# %% [markdown] tags=["ru", "workshop-only"]
# ## 📝 Ваша очередь
#
# Материал о практике CRM определяет класс A по *прибыли*, а не по выручке («20 % клиентов, дающие
# до 80 % прибыли»). Повторите деление ABC-XYZ с `value="profit"` и более строгой границей A
# 0,70, прочитайте его вслух и посчитайте клиентов, чья клетка изменилась. Между какими клетками
# они переходят? (Подсказка: `workbench.segment_criteria(abc_xyz=..., extra={...})` ставит два
# деления рядом, а `workbench.segment_crosstab` их пересекает.)

# %% tags=["solution"]
if "cost" in tx.columns:
    abc_profit = workbench.abc_xyz(tx, asof=asof, value="profit", abc=(0.70, abc[1]), xyz=xyz,
                                   n_periods=n_periods)
    print(workbench.describe_abc_xyz(workbench.abc_xyz_summary(abc_profit), language=language))
    both = workbench.segment_criteria(abc_xyz=abc_table, extra={"cell_profit": abc_profit["cell"]})
    print(int((both["cell"] != both["cell_profit"]).sum()))
    display(workbench.format_crosstab(workbench.segment_crosstab(both, "cell", "cell_profit"),
                                      language=language))

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
    workbench.survey.control_checklist(folder.workshop, step=4), language))

# %% [markdown] tags=["en"]
# ## In this notebook we:
# - ranked clients by recency, frequency and money and named the RFM segments, including the
#   valuable clients who are slipping away;
# - split them by volume and regularity (ABC-XYZ), with a way of working for each of the nine
#   cells, and set the ABC and XYZ lines with the team;
# - placed clients and leads on the loyalty ladder with a strategy per rung and the
#   profitable / middle / unprofitable subgroups, and measured how clients actually moved
#   between rungs;
# - let the data propose its own clusters, chose k and the features, and checked their
#   stability;
# - compared the criteria and proposed the ones the client will use: the ladder for strategy,
#   ABC for the level of service, XYZ for the rhythm of contact, RFM lists for retention.
# - Next step: `05_costs_and_churn` — what do these segments cost, what is at risk, and is it
#   worth it?

# %% [markdown] tags=["ru"]
# ## В этой тетради мы:
# - упорядочили клиентов по давности, частоте и сумме покупок и назвали сегменты RFM, включая
#   ценных клиентов, которые ускользают;
# - разделили их по объёму и регулярности (ABC-XYZ), со способом работы для каждой из девяти
#   клеток, и установили границы ABC и XYZ вместе с командой;
# - поставили клиентов и лиды на лестницу приверженности со стратегией для каждой ступени и
#   подгруппами «прибыльные / средние / убыточные» и измерили, как клиенты на самом деле
#   переходили между ступенями;
# - дали данным предложить собственные кластеры, выбрали k и признаки и проверили их
#   устойчивость;
# - сравнили критерии и предложили те, которыми будет пользоваться клиент: лестницу — для
#   стратегии, ABC — для уровня обслуживания, XYZ — для ритма контактов, списки RFM — для
#   удержания.
# - Следующий шаг: `05_costs_and_churn` — во что обходятся эти сегменты, что под угрозой и
#   стоит ли овчинка выделки.

# %% tags=["nbval-ignore-output"]
print(workbench.versions())
