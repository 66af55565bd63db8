# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown] tags=["en"]
# # Step 1 — Finding out and clarifying expectations
#
# **Why this step matters to the client.** Only the client decides whether we are
# client-oriented, and they judge us against what they *expected*, not against what we think
# we deliver. Management usually holds a confident picture of what clients want; the survey,
# the comments and the complaint log often draw a different one. This step replaces beliefs
# with the clients' own ratings and words: what they expect from us, how we do on each point,
# how we compare with the main competitor, and which contact sources bring the clients worth
# having. Skip it, and steps 2–8 optimise the wrong things.
#
# **In this notebook we will:**
# 1. see what the survey holds: respondents, attributes, scale, answers given;
# 2. read the expectation ratings per attribute next to our perceived performance;
# 3. listen to the voice of the customer: a reproducible sample of comments and feedback
#    texts (a book of quotes), with a widget to pick quotes for the slide;
# 4. see where clients come from (contact sources) and what each source yields;
# 5. compare ourselves with the main competitor, attribute by attribute;
# 6. prepare the questionnaire for a new survey and load the answers as form tools export them;
# 7. try it ourselves (📝 Your turn).

# %% [markdown] tags=["ru"]
# # Шаг 1 — Выявление и уточнение ожиданий
#
# **Почему этот шаг важен клиенту.** Только клиент решает, клиентоориентированы ли мы, и
# сравнивает нас с тем, чего он *ожидал*, а не с тем, что, по нашему мнению, мы ему даём. У
# руководства обычно есть уверенная картина того, чего хотят клиенты; анкеты, комментарии и
# журнал жалоб часто рисуют другую. Этот шаг заменяет убеждения оценками и словами самих
# клиентов: чего они от нас ждут, как мы справляемся по каждому пункту, как выглядим рядом с
# главным конкурентом и какие источники обращения приводят нужных клиентов. Без него шаги 2–8
# улучшают не то.
#
# **В этой тетради мы:**
# 1. посмотрим, что содержат анкеты: респонденты, параметры, шкала, полнота ответов;
# 2. прочитаем оценки ожиданий по каждому параметру рядом с воспринимаемым качеством;
# 3. услышим голос клиента: воспроизводимую выборку комментариев и отзывов (цитатник) и виджет
#    для подбора цитат на слайд;
# 4. увидим, откуда приходят клиенты (источники обращения) и что даёт каждый источник;
# 5. сравним себя с главным конкурентом по каждому параметру;
# 6. подготовим анкету для нового опроса и загрузим ответы в том виде, в каком их выгружают
#    конструкторы форм;
# 7. попробуем сами (📝 Ваша очередь).

# %% tags=["parameters"]
# Parameters: `workbench run` replaces these (data_dir becomes absolute).
data_dir = "../data/samples"  # folder with the client's tables
asof = None  # observation end "YYYY-MM-DD"; None = last transaction date
language = "en"  # "en" or "ru": plots, widgets and computed prose
mapping = None  # optional YAML/JSON column mapping for messy exports
out_dir = None  # where `workbench run` writes deliverables (unused in the workshop)
n_quotes = 2  # quotes per attribute / topic in the book of quotes
quotes_seed = 0  # which random draw of quotes; change it to see other quotes
source_horizon = "365D"  # "still buying" = bought within this window before asof

# %% tags=["hide"]
import matplotlib.pyplot as plt
from IPython.display import display

import workbench
import workbench.plotting
import workbench.widgets

workbench.set_language(language)
folder = workbench.load_folder(data_dir, mapping=mapping)

# %%
# one banner names every input this step lacks; the sections that need one skip in silence
banner = workbench.missing_banner(folder, 1, language=language)
if banner:
    print(banner)

# %% [markdown] tags=["en"]
# ## 1. What does the survey hold?
#
# First the folder: which of the five tables we have. Step 1 lives on the **survey** (one row
# per respondent × attribute, 1–5 ratings), the **feedback** log and the **customers** card.

# %% [markdown] tags=["ru"]
# ## 1. Что содержат анкеты?
#
# Сначала папка: какие из пяти таблиц у нас есть. Шаг 1 опирается на **анкеты** (по строке на
# респондента и параметр, оценки 1–5), журнал **обратной связи** и **карточки клиентов**.

# %%
print(workbench.describe_folder(folder, language=language))

# %% [markdown] tags=["en"]
# Now the survey itself: how many people answered, about how many attributes, on what scale,
# and how complete the answers are. A survey with many blanks, or with few respondents linked
# to a client card, limits what later steps can say per segment.

# %% [markdown] tags=["ru"]
# Теперь сами анкеты: сколько человек ответили, о скольких параметрах, по какой шкале и
# насколько полны ответы. Анкета с большим числом пропусков или с немногими респондентами,
# связанными с карточкой клиента, ограничивает то, что следующие шаги смогут сказать по
# сегментам.

# %%
if workbench.needs(folder, "survey", language=language):
    survey = folder.tables["survey"]
    print(workbench.describe_survey(survey, language=language))

# %% tags=["nbval-check-output"]
# ✅ check: respondents, attributes, answer rows
if workbench.needs(folder, "survey", language=language):
    print(survey["respondent_id"].nunique(), survey["attribute"].nunique(), len(survey))

# %% [markdown] tags=["en"]
# ## 2. What do clients expect, attribute by attribute?
#
# For each attribute the survey asked how good the client *expects* it to be, and how good
# they find *our* performance. `workbench.gap_analysis` gives the means (we read the gaps
# themselves in step 2); here we only list what clients expect.

# %% [markdown] tags=["ru"]
# ## 2. Чего ждут клиенты по каждому параметру?
#
# По каждому параметру анкета спрашивала, насколько хорошим клиент *ожидает* его увидеть и
# насколько хорошо, по его мнению, справляемся *мы*. `workbench.gap_analysis` даёт средние
# (сами разрывы мы читаем на шаге 2); здесь только перечисляем, чего ждут клиенты.

# %%
if workbench.needs(folder, "survey", language=language):
    gaps = workbench.gap_analysis(survey)
    display(workbench.format_gaps(gaps, language=language, which=("expected", "performance")))

# %% [markdown] tags=["en"]
# Read aloud (computed from the table above):

# %% [markdown] tags=["ru"]
# Читаем вслух (рассчитано по таблице выше):

# %%
if workbench.needs(folder, "survey", language=language):
    print(workbench.describe_expectations(gaps, language=language))

# %% tags=["nbval-check-output"]
# ✅ check: mean expectation per attribute (two decimals)
if workbench.needs(folder, "survey", language=language):
    print(gaps["expected"].round(2).sort_index().to_dict())

# %% [markdown] tags=["en"]
# ## 3. The voice of the customer (book of quotes)
#
# One sentence in a client's own words convinces a management team more than a chart. We
# sample comments **at random** (fair to the data, not the juiciest ones), with a fixed seed
# so the report does not change when rerun: `quotes_seed` draws another set.

# %% [markdown] tags=["ru"]
# ## 3. Голос клиента (цитатник)
#
# Одна фраза словами клиента убеждает руководство сильнее любого графика. Мы выбираем
# комментарии **случайно** (честно по отношению к данным, а не самые яркие) с фиксированным
# зерном, чтобы отчёт не менялся при повторном запуске: `quotes_seed` даёт другой набор.

# %%
if workbench.needs(folder, "survey", language=language):
    survey_quotes = workbench.quotes(survey, by="attribute", n=n_quotes,
                                     random_state=quotes_seed)
    print(workbench.describe_quotes(survey_quotes, language=language))

# %% [markdown] tags=["en"]
# The feedback log (complaints, questions, praise, refusal sheets) is the other source of
# clients' words, grouped here by topic:

# %% [markdown] tags=["ru"]
# Журнал обратной связи (жалобы, вопросы, благодарности, отказные листы) — второй источник слов
# клиентов; здесь он сгруппирован по темам:

# %%
if workbench.needs(folder, "feedback", language=language):
    feedback_quotes = workbench.quotes(folder.tables["feedback"], by="category", n=n_quotes,
                                       random_state=quotes_seed)
    print(workbench.describe_quotes(feedback_quotes, language=language))

# %% [markdown] tags=["en"]
# Pick the quotes for the slide live: a topic, how many, and another draw. Whatever is chosen
# stays reproducible (the draw number is the seed).

# %% [markdown] tags=["ru"]
# Подберите цитаты для слайда вживую: тема, сколько цитат и другая выборка. Любой выбор
# воспроизводим (номер выборки — это зерно).

# %% tags=["nbval-ignore-output"]
if workbench.needs(folder, "survey", language=language):
    quotes_widget = workbench.widgets.quotes_panel(survey, by="attribute", n=n_quotes,
                                                   language=language)
    display(quotes_widget)

# %% tags=["nbval-check-output"]
# ✅ check: quotes per source (survey, feedback) and topics covered
if workbench.needs(folder, "survey", language=language):
    print(len(survey_quotes), survey_quotes["attribute"].nunique())
if workbench.needs(folder, "feedback", language=language):
    print(len(feedback_quotes), feedback_quotes["category"].nunique())

# %% [markdown] tags=["en"]
# ## 4. Where do clients come from? (contact sources)
#
# The customer card records where each client heard of us. Joined with the purchases, it
# shows what each source *yields*: not just how many clients, but how much they buy and
# whether they come back. A source is worth its money when it brings clients who stay.

# %% [markdown] tags=["ru"]
# ## 4. Откуда приходят клиенты? (источники обращения)
#
# В карточке клиента записано, откуда он о нас узнал. Вместе с покупками это показывает, что
# *даёт* каждый источник: не только сколько клиентов, но и сколько они покупают и возвращаются
# ли. Источник стоит своих денег, когда приводит клиентов, которые остаются.

# %%
if workbench.needs(folder, "customers", language=language, columns=("source",)):
    sources = workbench.source_yield(folder.tables["customers"], folder.tables["transactions"],
                                     asof=asof, horizon=source_horizon)
    display(workbench.format_source_yield(sources, language=language))

# %% tags=["nbval-ignore-output"]
if workbench.needs(folder, "customers", language=language, columns=("source",)):
    workbench.plotting.plot_source_yield(sources, language=language)
    plt.show()

# %% [markdown] tags=["en"]
# Read aloud: which source brings the money, and which brings many small or one-off buyers.

# %% [markdown] tags=["ru"]
# Читаем вслух: какой источник приносит деньги, а какой — много мелких или разовых
# покупателей.

# %%
if workbench.needs(folder, "customers", language=language, columns=("source",)):
    print(workbench.describe_source_yield(sources, language=language))

# %% tags=["nbval-check-output"]
# ✅ check: clients, share of revenue and repeat rate per source
if workbench.needs(folder, "customers", language=language, columns=("source",)):
    print(sources["clients"].sort_index().to_dict())
    print(sources["share_of_revenue"].round(3).sort_index().to_dict())
    print(sources["repeat_rate"].round(3).sort_index().to_dict())

# %% [markdown] tags=["en"]
# ## 5. How do we compare with the main competitor?
#
# Respondents also rated the competitor they know best on the same attributes. Each
# respondent is compared with themselves (a *paired* difference), which removes the habit of
# scoring everything high or low; the bars are coloured where the difference is statistically
# clear, grey where it could be noise.

# %% [markdown] tags=["ru"]
# ## 5. Как мы выглядим рядом с главным конкурентом?
#
# Респонденты оценили и того конкурента, которого знают лучше всего, по тем же параметрам.
# Каждого респондента сравниваем с ним самим (*парная* разность) — так уходит привычка ставить
# всем высокие или низкие оценки; столбцы окрашены там, где разница статистически ясна, и
# серые там, где она может быть шумом.

# %%
if workbench.needs(folder, "survey", language=language):
    display(workbench.format_gaps(
        gaps, language=language,
        which=("performance", "competitor_performance", "vs_competitor",
               "vs_competitor_significant")))

# %% tags=["nbval-ignore-output"]
if workbench.needs(folder, "survey", language=language):
    workbench.plotting.plot_gaps(gaps, which="vs_competitor", language=language)
    plt.show()

# %%
if workbench.needs(folder, "survey", language=language):
    print(workbench.describe_competitor(gaps, language=language))

# %% [markdown] tags=["en"]
# Where we are clearly ahead on something clients value, we have a candidate "golden drop"
# for the offers of step 6; where we are clearly behind on something they expect, clients
# have a reason to leave — step 2 weighs these gaps, step 3 decides what to fix first.

# %% [markdown] tags=["ru"]
# Там, где мы явно впереди в том, что ценят клиенты, у нас есть кандидат в «золотые капли» для
# предложений шага 6; там, где мы явно отстаём в ожидаемом, у клиентов есть причина уйти —
# шаг 2 взвешивает эти разрывы, шаг 3 решает, что исправлять в первую очередь.

# %% tags=["nbval-check-output"]
# ✅ check: we − competitor per attribute, and how many differences are clear
if workbench.needs(folder, "survey", language=language):
    print(gaps["vs_competitor"].round(2).sort_index().to_dict())
    print(int(gaps["vs_competitor_significant"].sum()))

# %% [markdown] tags=["en"]
# ## 6. Asking the clients: the questionnaire and the answers
#
# The survey above already existed. For a new client we first have to *ask*: the
# questionnaire is built from the list of service attributes agreed in the workshop, in the
# audience's language. For every attribute it asks, on one stated scale, how important it is,
# how well we do, what level is expected and how the main competitor does, then the Kano pair
# (how the client would feel if we have it, and if we do not); then NPS, where they heard of
# us, what to keep and what to change. From the command line the same questionnaire is written
# as a printable page (HTML and PDF), an Excel sheet for phone interviews, a plain list to paste
# into a form tool and a spec that records which question is which:
# `workbench questionnaire --workshop workshop.yml --language ru --out questionnaire/`.

# %% [markdown] tags=["ru"]
# ## 6. Спросить клиентов: анкета и ответы
#
# Опрос выше уже был проведён. Для нового клиента сначала нужно *спросить*: анкета строится из
# списка свойств сервиса, согласованного на воркшопе, на языке аудитории. По каждому свойству
# она спрашивает, по одной заявленной шкале, насколько оно важно, как мы с ним справляемся,
# какого уровня клиент ожидает и как справляется основной конкурент, затем пару вопросов Кано
# (как клиент отнесётся, если у нас это есть, и если этого нет); потом NPS, откуда узнали о
# нас, что сохранить и что изменить. Из командной строки та же анкета записывается как
# страница для печати (HTML и PDF), Excel-лист для телефонных интервью, простой список для
# вставки в конструктор форм и спецификация, где записано, какой вопрос о чём:
# `workbench questionnaire --workshop workshop.yml --language ru --out questionnaire/`.

# %%
if workbench.needs(folder, "survey", language=language):
    attributes = list(dict.fromkeys(survey["attribute"]))
    questionnaire = workbench.survey.build_questionnaire(attributes, language=language)
    print(workbench.survey.questionnaire_text(questionnaire))

# %% tags=["nbval-check-output"]
# ✅ check: answer cells per block of the questionnaire
if workbench.needs(folder, "survey", language=language):
    print({b: len(questionnaire.block_questions(b)) for b in questionnaire.blocks})

# %% [markdown] tags=["en"]
# The answers come back as the form tool exports them: one row per respondent, one column per
# question, the question texts as headers. `workbench.load_survey` recognises Google Forms,
# Yandex Forms and SurveyMonkey exports and turns them into the long table used above; with the
# spec it matches every column exactly, without it it recognises the headers. The sample ships
# its survey as Google Forms writes it; loading it gives back exactly the table of section 1.

# %% [markdown] tags=["ru"]
# Ответы возвращаются в том виде, в каком их выгружает конструктор форм: строка на
# респондента, столбец на вопрос, тексты вопросов в заголовках. `workbench.load_survey`
# узнаёт выгрузки Google Форм, Яндекс Форм и SurveyMonkey и превращает их в «длинную» таблицу,
# с которой мы работали выше; со спецификацией он сопоставляет каждый столбец точно, без неё —
# распознаёт заголовки. В примере опрос лежит и в том виде, в каком его выгружают Google Формы;
# после загрузки получается в точности таблица из раздела 1.

# %%
export_file = workbench.instrument_file(data_dir, "survey_export", language=language)
spec_file = workbench.instrument_file(data_dir, "questionnaire_spec", quiet=True)
if export_file is not None:
    answers, answers_report = workbench.load_survey(export_file, spec=spec_file)
    print(answers_report.summary(language).split("\n")[0])
    display(workbench.format_survey_columns(answers_report, language, n=12))

# %% tags=["nbval-check-output"]
# ✅ check: respondents read / kept / rejected, unreadable answers, same table as section 1
if export_file is not None:
    print(answers_report.rows_read, answers_report.rows_kept, len(answers_report.rejected),
          len(answers_report.invalid_values))
    if workbench.needs(folder, "survey", language=language):
        print(answers.equals(survey.reset_index(drop=True)[answers.columns]))

# %% [markdown] tags=["en"]
# Interviews add the clients' own words to the book of quotes: notes as plain text (a `Client: …`
# line, then one quote per line, `[Attribute]` in front when the quote is about one) or as a
# table of quotes. They sit next to the survey comments, and the same random, reproducible
# draw picks from both.

# %% [markdown] tags=["ru"]
# Интервью добавляют в цитатник слова самих клиентов: записи простым текстом (строка
# `Клиент: …`, затем по цитате в строке, `[Свойство]` впереди, если цитата о нём) или
# таблицей цитат. Они стоят рядом с комментариями из анкеты, и та же случайная, но
# воспроизводимая выборка берёт цитаты из обоих источников.

# %%
notes_file = workbench.instrument_file(data_dir, "interview_notes", language=language)
if notes_file is not None and workbench.needs(folder, "survey", language=language):
    notes = workbench.survey.load_interview_notes(notes_file)
    voice = workbench.label_topics(
        workbench.survey.voice_of_customer(survey, notes), language)
    interview_quotes = workbench.quotes(voice[voice["origin"] == "interview"], by="topic",
                                        text_col="text", n=1, random_state=quotes_seed)
    print(workbench.describe_quotes(interview_quotes, language=language))

# %% tags=["nbval-check-output"]
# ✅ check: quotes from interviews and from the survey in the book of quotes
if notes_file is not None and workbench.needs(folder, "survey", language=language):
    print(voice["origin"].value_counts().sort_index().to_dict(), len(interview_quotes))

# %% [markdown] tags=["en", "workshop-only"]
# ## 📝 Your turn
#
# Complaints are "a gift": most unhappy clients leave without a word. Build a book of quotes
# from the **complaints only** (feedback rows with `kind == "complaint"`): two quotes per
# topic, with the seed 1. Which topics do the complaints cover, and do they match the
# attributes with the largest shortfall in section 2?

# %% [markdown] tags=["ru", "workshop-only"]
# ## 📝 Ваша очередь
#
# Жалоба — это «подарок»: большинство недовольных клиентов уходят молча. Соберите цитатник
# **только из жалоб** (строки обратной связи с `kind == "complaint"`): по две цитаты на тему, с
# зерном 1. Какие темы затрагивают жалобы и совпадают ли они с параметрами, где разрыв в
# разделе 2 больше всего?

# %% tags=["solution"]
if workbench.needs(folder, "feedback", language=language):
    feedback = folder.tables["feedback"]
    complaints = feedback.loc[feedback["kind"] == "complaint"]
    print(workbench.describe_quotes(
        workbench.quotes(complaints, by="category", n=2, random_state=1), language=language))

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
    workbench.survey.control_checklist(folder.workshop, step=1), language))

# %% [markdown] tags=["en"]
# ## In this notebook we:
# - checked what the survey holds and how complete it is;
# - listed what clients expect most and least, next to how they rate our performance;
# - heard the clients' own words from the survey comments and the feedback log;
# - measured what each contact source yields — clients, revenue, repeat buyers — which tells
#   marketing where money brings clients who stay;
# - compared ourselves with the main competitor attribute by attribute;
# - built the questionnaire from the service attributes, loaded a form tool's export of the
#   answers back into the same table, and added interview quotes to the book of quotes.
# - Next: `02_expectation_analysis` — which gaps are real, which expectations are must-be,
#   one-dimensional or attractive (Kano), and how many clients are disappointed, satisfied or
#   delighted ("Wow!").

# %% [markdown] tags=["ru"]
# ## В этой тетради мы:
# - проверили, что содержат анкеты и насколько они полны;
# - перечислили, чего клиенты ждут больше и меньше всего, рядом с оценкой нашего качества;
# - услышали слова самих клиентов из комментариев анкет и журнала обратной связи (цитатник);
# - измерили, что даёт каждый источник обращения — клиентов, выручку, повторные покупки, — и
#   это подсказывает маркетингу, где деньги приводят клиентов, которые остаются;
# - сравнили себя с главным конкурентом по каждому параметру;
# - построили анкету по свойствам сервиса, загрузили выгрузку ответов из конструктора форм
#   в ту же таблицу и добавили в цитатник цитаты из интервью.
# - Дальше: `02_expectation_analysis` — какие разрывы реальны, какие ожидания обязательные,
#   одномерные или привлекательные (Kano) и сколько клиентов разочарованы, удовлетворены или
#   восхищены («Ах!»).

# %% tags=["nbval-ignore-output"]
print(workbench.versions())
