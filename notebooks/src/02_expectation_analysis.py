# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown] tags=["en"]
# # Step 2 — Analysing, structuring and classifying expectations
#
# **Why this step matters to the client.** Step 1 produced a list of what clients expect. A
# list does not say what to do: some expectations are taken for granted and only hurt when
# missed, some raise satisfaction the more we deliver, some delight precisely because nobody
# expects them, and some leave clients cold. Treating them alike wastes money — polishing
# what nobody notices while a broken promise drives clients away quietly. This step measures
# where we clearly fall short, classifies each expectation (Kano), and places every client on
# the expectation ladder: disappointed, satisfied, or delighted — "Wow!".
#
# **In this notebook we will:**
# 1. measure the gap between expected and perceived quality per attribute, and tell real gaps
#    from noise;
# 2. classify the expectations with the Kano model (must-be, one-dimensional, attractive,
#    indifferent) and read the better/worse coefficients;
# 3. place every respondent on the expectation ladder, with a tolerance we agree on;
# 4. look at the ladder and the gaps per client segment, at the tolerance agreed;
# 5. try it ourselves (📝 Your turn).

# %% [markdown] tags=["ru"]
# # Шаг 2 — Анализ ожиданий, структуризация и классификация
#
# **Почему этот шаг важен клиенту.** Шаг 1 дал список того, чего ждут клиенты. Список не говорит,
# что делать: одни ожидания воспринимаются как должное и заметны, только когда не выполнены,
# другие повышают удовлетворённость тем сильнее, чем больше мы даём, третьи восхищают именно
# потому, что их никто не ждёт, а четвёртые клиентам безразличны. Если относиться к ним
# одинаково, деньги уходят впустую: мы шлифуем то, чего никто не замечает, пока нарушенное
# обещание тихо уводит клиентов. Этот шаг показывает, где мы явно не дотягиваем, классифицирует
# каждое ожидание (Kano) и ставит каждого клиента на лестницу ожиданий: разочарован,
# удовлетворён или восхищён — «Ах!».
#
# **В этой тетради мы:**
# 1. измерим разрыв между ожидаемым и воспринимаемым качеством по каждому параметру и отличим
#    реальные разрывы от шума;
# 2. классифицируем ожидания по модели Kano (обязательные, одномерные, привлекательные,
#    безразличные) и прочитаем коэффициенты удовлетворённости и неудовлетворённости;
# 3. поставим каждого респондента на лестницу ожиданий с допуском, о котором договоримся;
# 4. посмотрим на лестницу и разрывы по сегментам клиентов при согласованном допуске;
# 5. попробуем сами (📝 Ваша очередь).

# %% tags=["parameters"]
# Parameters: `workbench run` replaces these (data_dir becomes absolute).
data_dir = "../data/samples"  # folder with the client's tables
asof = None  # observation end "YYYY-MM-DD"; None = last transaction date (unused here)
language = "en"  # "en" or "ru": plots, widgets and computed prose
mapping = None  # optional YAML/JSON column mapping for messy exports
out_dir = None  # where `workbench run` writes deliverables (unused in the workshop)
confidence = 0.95  # level of the confidence intervals: a gap is "clear" when its interval excludes 0
ladder_tolerance = 0.25  # scale points of shortfall/surplus a client does not notice (0.25-0.5)
ladder_rule = "mean"  # "mean": the average difference decides; "strict": one let-down disappoints
segment_column = "segment"  # column of the customers table that defines the segments

# %% tags=["hide"]
import matplotlib.pyplot as plt
from IPython.display import display

import workbench
import workbench.plotting
import workbench.widgets

workbench.set_language(language)
folder = workbench.load_folder(data_dir, mapping=mapping)
segments = None
if "customers" in folder.tables and segment_column in folder.tables["customers"].columns:
    segments = folder.tables["customers"].set_index("customer_id")[segment_column]

# %%
# one banner names every input this step lacks; the sections that need one skip in silence
banner = workbench.missing_banner(folder, 2, language=language)
if banner:
    print(banner)

# %% [markdown] tags=["en"]
# ## 1. Where do clients get less than they expect?
#
# For every attribute we compare each respondent's *expected* level with the *perceived*
# performance (a paired difference, so a habit of scoring everything high or low cancels
# out). A positive gap is a broken promise. The interval tells a real gap from noise.

# %% [markdown] tags=["ru"]
# ## 1. Где клиенты получают меньше, чем ожидают?
#
# По каждому параметру сравниваем *ожидаемый* уровень каждого респондента с *воспринимаемым*
# качеством (парная разность, поэтому привычка ставить всем высокие или низкие оценки
# взаимно сокращается). Положительный разрыв — нарушенное обещание. Интервал отличает реальный
# разрыв от шума.

# %%
if workbench.needs(folder, "survey", language=language):
    survey = folder.tables["survey"]
    gaps = workbench.gap_analysis(survey, confidence=confidence)
    display(workbench.format_gaps(gaps, language=language,
                                  which=("expected", "performance", "gap", "gap_significant")))

# %% tags=["nbval-ignore-output"]
if workbench.needs(folder, "survey", language=language):
    fig, (ax_gap, ax_comp) = plt.subplots(1, 2, figsize=(13, 5))
    workbench.plotting.plot_gaps(gaps, ax=ax_gap, language=language)
    workbench.plotting.plot_gaps(gaps, which="vs_competitor", ax=ax_comp, language=language)
    plt.tight_layout()
    plt.show()

# %% [markdown] tags=["en"]
# Read aloud — first the gaps against expectation, then our standing against the competitor
# (left and right panels):

# %% [markdown] tags=["ru"]
# Читаем вслух — сначала разрывы с ожиданиями, затем наше положение относительно конкурента
# (левая и правая панели):

# %%
if workbench.needs(folder, "survey", language=language):
    print(workbench.describe_gaps(gaps, language=language))
    print(workbench.describe_competitor(gaps, language=language))

# %% [markdown] tags=["en"]
# An attribute where clients get clearly less than they expect *and* rate the competitor
# higher is where clients have both a reason and a place to go. Keep those in mind for step 3.

# %% [markdown] tags=["ru"]
# Параметр, по которому клиенты явно получают меньше ожидаемого *и* выше оценивают конкурента, —
# это место, где у клиентов есть и причина уйти, и куда уйти. Запомним такие параметры для
# шага 3.

# %% tags=["nbval-check-output"]
# ✅ check: gap per attribute (two decimals) and how many are clearly positive
if workbench.needs(folder, "survey", language=language):
    print(gaps["gap"].round(2).sort_index().to_dict())
    print(int((gaps["gap_significant"] & (gaps["gap"] > 0)).sum()))

# %% [markdown] tags=["en"]
# ## 2. What kind of expectation is each one? (Kano)
#
# For every attribute the survey asked two questions: how would you feel if we *had* it, and
# if we did *not*. The standard Kano evaluation table turns each answer pair into a category:
# **must-be** (taken for granted, only its absence is noticed), **one-dimensional** (the more
# the better), **attractive** (delights, no harm if missing), **indifferent**, **reverse** or
# **questionable**.

# %% [markdown] tags=["ru"]
# ## 2. Какого рода каждое ожидание? (Kano)
#
# По каждому параметру анкета задавала два вопроса: что вы почувствуете, если это у нас *есть*,
# и если этого *нет*. Стандартная таблица оценки Kano превращает каждую пару ответов в
# категорию: **обязательное** (воспринимается как должное, заметно только его отсутствие),
# **одномерное** (чем больше, тем лучше), **привлекательное** (восхищает, а без него не хуже),
# **безразличное**, **обратное** или **сомнительное**.

# %%
if workbench.needs(folder, "survey", language=language):
    kano_table = workbench.kano(survey)
    display(workbench.format_kano(kano_table, language=language))

# %% tags=["nbval-ignore-output"]
if workbench.needs(folder, "survey", language=language):
    fig, (ax_bars, ax_cs) = plt.subplots(1, 2, figsize=(14, 5.5))
    workbench.plotting.plot_kano(kano_table, ax=ax_bars, language=language)
    workbench.plotting.plot_kano_cs(kano_table, ax=ax_cs, language=language)
    plt.tight_layout()
    plt.show()

# %% [markdown] tags=["en"]
# The right panel is the better/worse diagram: CS+ (how much satisfaction rises if we
# provide the attribute) against |CS−| (how much it falls if we do not). Read aloud:

# %% [markdown] tags=["ru"]
# Правая панель — диаграмма «лучше/хуже»: CS+ (насколько растёт удовлетворённость, если мы
# даём параметр) против |CS−| (насколько она падает, если не даём). Читаем вслух:

# %%
if workbench.needs(folder, "survey", language=language):
    print(workbench.describe_kano(kano_table, language=language))

# %% [markdown] tags=["en"]
# What to do with it: fix the must-be attributes first and do not advertise them; compete on
# the one-dimensional ones; use the attractive ones to differentiate (they are tomorrow's
# must-be); do not spend on the indifferent ones.

# %% [markdown] tags=["ru"]
# Что с этим делать: обязательные параметры исправляем в первую очередь и не рекламируем;
# конкурируем на одномерных; привлекательными отстраиваемся (завтра они станут обязательными);
# на безразличные не тратимся.

# %% tags=["nbval-check-output"]
# ✅ check: dominant Kano category and CS+/CS− per attribute
if workbench.needs(folder, "survey", language=language):
    print(kano_table["category"].sort_index().to_dict())
    print(kano_table[["cs_plus", "cs_minus"]].round(2).sort_index().to_dict("index"))

# %% [markdown] tags=["en"]
# ## 3. The expectation ladder: disappointed, satisfied or "Wow!"
#
# The method's expectation ladder has three rungs: **disappointment** (the client expected and
# did not get), **satisfaction** (got what was expected — no emotion, and no protection against
# a competitor's call) and **"Wow!"** (got more than expected — the rung that brings
# recommendations). We place each respondent by the average of (perceived − expected) over the
# attributes they rated.
#
# The **tolerance** is a workshop decision: how large a shortfall does a client notice? With a
# tolerance of 0 any difference counts, so "satisfied" — an exact match of averages — is rare.
# We start from `ladder_tolerance` (a quarter of a scale point by default: less than one step
# of the 1–5 scale, averaged over ten attributes) and compare with 0.

# %% [markdown] tags=["ru"]
# ## 3. Лестница ожиданий: разочарован, удовлетворён или «Ах!»
#
# У лестницы ожиданий метода три ступени: **разочарование** (клиент ждал и не получил),
# **удовлетворение** (получил ожидаемое — без эмоций и без защиты от звонка конкурента) и
# **«Ах!»** (получил больше ожидаемого — ступень, которая приносит рекомендации). Каждого
# респондента ставим по среднему (воспринимаемое − ожидаемое) по оценённым им параметрам.
#
# **Допуск** — решение сессии: какую недостачу клиент замечает? При допуске 0 считается любая
# разница, поэтому «удовлетворён» — точное совпадение средних — встречается редко. Начинаем с
# `ladder_tolerance` (по умолчанию четверть балла: меньше одного шага шкалы 1–5, усреднённого
# по десяти параметрам) и сравниваем с 0.

# %%
if workbench.needs(folder, "survey", language=language):
    ladder = workbench.expectation_ladder(survey, tolerance=ladder_tolerance, rule=ladder_rule)
    ladder_summary = workbench.expectation_ladder_summary(ladder)
    print(workbench.describe_expectation_ladder(ladder_summary, language=language,
                                                tolerance=ladder_tolerance))
    ladder_zero = workbench.expectation_ladder_summary(
        workbench.expectation_ladder(survey, tolerance=0.0, rule=ladder_rule))
    print(workbench.describe_expectation_ladder(ladder_zero, language=language, tolerance=0.0))

# %% tags=["nbval-ignore-output"]
if workbench.needs(folder, "survey", language=language):
    workbench.plotting.plot_expectation_ladder(ladder_summary, language=language)
    plt.show()

# %% [markdown] tags=["en"]
# The share on the "Wow!" rung is the base of advocates the loyalty ladder of step 4 builds
# on; the disappointed share is the pool of quiet leavers step 5 prices.

# %% [markdown] tags=["ru"]
# Доля на ступени «Ах!» — основа приверженцев, на которой строится лестница приверженности
# шага 4; доля разочарованных — запас тихо уходящих, которых оценивает в деньгах шаг 5.

# %% tags=["nbval-check-output"]
# ✅ check: respondents per rung at the chosen tolerance, and at 0
if workbench.needs(folder, "survey", language=language):
    print(round(ladder_tolerance, 2), ladder_summary["n"].to_dict())
    print(ladder_zero["n"].to_dict())

# %% [markdown] tags=["en"]
# ## 4. Per segment: whose expectations do we miss?
#
# Averages hide segments. The customers table tells which segment each linked respondent
# belongs to (`segment_column`); anonymous respondents are left out of the per-segment view.

# %% [markdown] tags=["ru"]
# ## 4. По сегментам: чьи ожидания мы не оправдываем?
#
# Средние скрывают сегменты. Таблица клиентов говорит, к какому сегменту относится каждый
# связанный с ней респондент (`segment_column`); анонимные респонденты в разбивку по сегментам
# не входят.

# %%
if workbench.needs(folder, "survey", language=language) and workbench.needs(
        folder, "customers", language=language):
    ladder_by_segment = workbench.expectation_ladder_summary(ladder, by=segments)
    print(workbench.describe_expectation_ladder(ladder_by_segment, language=language,
                                                tolerance=ladder_tolerance))

# %% [markdown] tags=["en"]
# And the largest gaps per segment (two per segment):

# %% [markdown] tags=["ru"]
# И самые большие разрывы по сегментам (по два на сегмент):

# %%
if workbench.needs(folder, "survey", language=language) and workbench.needs(
        folder, "customers", language=language):
    gaps_by_segment = workbench.gap_analysis(survey, by=segments, confidence=confidence)
    print(workbench.describe_gaps(gaps_by_segment, language=language, top=2))

# %% [markdown] tags=["en", "workshop-only"]
# Move the tolerance and switch between all respondents and segments: agree with the client
# on the tolerance before reading the shares as facts.

# %% [markdown] tags=["ru", "workshop-only"]
# Двигайте допуск и переключайтесь между всеми респондентами и сегментами: договоритесь с
# клиентом о допуске, прежде чем читать доли как факты.

# %% tags=["nbval-ignore-output"]
if workbench.needs(folder, "survey", language=language):
    ladder_widget = workbench.widgets.ladder_panel(survey, segments=segments,
                                                   tolerance=ladder_tolerance,
                                                   language=language)
    display(ladder_widget)

# %% tags=["nbval-check-output"]
# ✅ check: disappointed share per segment, largest gap per segment
if workbench.needs(folder, "survey", language=language) and workbench.needs(
        folder, "customers", language=language):
    print(ladder_by_segment["share"].xs("disappointed", level="level").round(3).to_dict())
    print(gaps_by_segment["gap"].groupby(level=0).max().round(2).to_dict())

# %% [markdown] tags=["en", "workshop-only"]
# ## 📝 Your turn
#
# The method says one let-down is remembered longer than several pleasant surprises. Rebuild
# the ladder with `rule="strict"` (a client is disappointed if *any* attribute falls short by
# more than the tolerance) and read the shares aloud. How much larger is the disappointed
# share, and what does it say about the must-be attributes?

# %% [markdown] tags=["ru", "workshop-only"]
# ## 📝 Ваша очередь
#
# Метод говорит, что одно разочарование помнят дольше, чем несколько приятных сюрпризов.
# Постройте лестницу заново с `rule="strict"` (клиент разочарован, если *любой* параметр
# недотягивает больше чем на допуск) и прочитайте доли вслух. Насколько выросла доля
# разочарованных и что это говорит об обязательных параметрах?

# %% tags=["solution"]
if workbench.needs(folder, "survey", language=language):
    strict = workbench.expectation_ladder(survey, tolerance=ladder_tolerance, rule="strict")
    print(workbench.describe_expectation_ladder(workbench.expectation_ladder_summary(strict),
                                                language=language, tolerance=ladder_tolerance))

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
    workbench.survey.control_checklist(folder.workshop, step=2), language))

# %% [markdown] tags=["en"]
# ## In this notebook we:
# - separated real gaps between expected and perceived quality from noise, and saw where a
#   gap meets a competitor who does better;
# - classified every expectation with Kano: what to fix without advertising (must-be), where
#   to compete (one-dimensional), what can delight (attractive), what to stop spending on;
# - placed every respondent on the expectation ladder with an agreed tolerance, overall and per
#   segment.
# - Next: `03_priorities` — which of these to work on first, weighed against our own resources.

# %% [markdown] tags=["ru"]
# ## В этой тетради мы:
# - отделили реальные разрывы между ожидаемым и воспринимаемым качеством от шума и увидели,
#   где разрыв совпадает с конкурентом, который справляется лучше;
# - классифицировали каждое ожидание по Kano: что исправить, не рекламируя (обязательные), где
#   конкурировать (одномерные), чем можно восхитить (привлекательные), на что перестать тратить;
# - поставили каждого респондента на лестницу ожиданий с согласованным допуском, в целом и по
#   сегментам.
# - Дальше: `03_priorities` — за что браться в первую очередь, с учётом собственных ресурсов.

# %% tags=["nbval-ignore-output"]
print(workbench.versions())
