# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown] tags=["en"]
# # Internal clients — what motivates the team
#
# **Why this matters to the client.** Every client is served by people, and the people are
# the company's *internal* clients. Most managers believe their team works for the money;
# most surveys find otherwise. If management's picture of what motivates the team is wrong,
# the bonus schemes and "motivation programmes" reward the wrong things, and the service the
# external client gets suffers. The deck on losing clients gives a simple instrument: every
# employee rates ten motivating factors, every manager rates them as they think the team
# would, and the two views are compared — and compared again half a year later, because
# motives change.
#
# **In this notebook we will:**
# 1. prepare the questionnaire (employees and managers answer the same ten factors);
# 2. load the answers and check what came back;
# 3. compare the employees' view with the managers' view, next to Kovach's classic survey;
# 4. see how the employees' view moved between two survey rounds;
# 5. try it ourselves (📝 Your turn).

# %% [markdown] tags=["ru"]
# # Внутренние клиенты — что мотивирует команду
#
# **Зачем это клиенту.** Каждого клиента обслуживают люди, а люди — *внутренние* клиенты
# компании. Большинство руководителей уверены, что команда работает ради денег; опросы
# раз за разом показывают другое. Если представление руководства о том, что движет
# командой, неверно, премии и «программы мотивации» поощряют не то, и страдает сервис, который
# получает внешний клиент. В презентации о потере клиентов есть простой инструмент: каждый
# сотрудник оценивает десять мотивирующих факторов, каждый руководитель оценивает их так, как,
# по его мнению, их оценит команда, и два взгляда сравнивают — а через полгода сравнивают
# снова, потому что мотивы меняются.
#
# **В этой тетради мы:**
# 1. подготовим анкету (сотрудники и руководители отвечают про одни и те же десять факторов);
# 2. загрузим ответы и проверим, что пришло;
# 3. сравним взгляд сотрудников со взглядом руководителей и с классическим опросом Ковача;
# 4. посмотрим, как изменился взгляд сотрудников между двумя волнами опроса;
# 5. попробуем сами (📝 Ваша очередь).

# %% tags=["parameters"]
# Parameters: `workbench run` replaces these (data_dir becomes absolute).
data_dir = "../data/samples"  # folder with the client's tables
asof = None  # not used here; kept for `workbench run`
language = "en"  # "en" or "ru": tables and computed prose
mapping = None  # not used here; kept for `workbench run`
out_dir = None  # not used here
rank_threshold = 3  # places of rank difference from which a factor is "under/overestimated"

# %% tags=["hide"]
from IPython.display import display

import workbench
from workbench import survey

workbench.set_language(language)
motivation_file = workbench.instrument_file(data_dir, "motivation", language=language)

# %% [markdown] tags=["en"]
# ## 1. The questionnaire
#
# Hand it to every employee, anonymously. Each manager fills in the same list *as they think
# their team would*, without showing it to the others. Ratings run from 1 to 10.
# `survey.write_motivation_questionnaire(folder, language)` writes it as text and as an
# Excel form that the loader reads back.

# %% [markdown] tags=["ru"]
# ## 1. Анкета
#
# Раздайте её каждому сотруднику, анонимно. Каждый руководитель заполняет тот же список
# *так, как, по его мнению, ответит его команда*, и не показывает его другим. Оценки от 1
# до 10. `survey.write_motivation_questionnaire(папка, language)` записывает анкету текстом и
# Excel-формой, которую потом читает загрузчик.

# %%
print(survey.motivation_questionnaire_text(language))

# %% [markdown] tags=["en"]
# ## 2. The answers
#
# The form comes back with one row per person: the role, the survey round and ten
# ratings. Rows with an unknown role or no rating at all are rejected, and every rating that
# is not a whole number from 1 to 10 is listed — nothing is dropped silently.

# %% [markdown] tags=["ru"]
# ## 2. Ответы
#
# Форма возвращается с одной строкой на человека: роль, волна опроса и десять оценок.
# Строки с неизвестной ролью или без единой оценки отклоняются, а каждая оценка, которая не
# является целым числом от 1 до 10, попадает в список — ничего не пропадает молча.

# %%
if motivation_file is not None:
    motivation, problems = survey.load_motivation(motivation_file)
    people = motivation.groupby(["wave", "role"])["respondent_id"].nunique().unstack("role")
    display(people.rename(columns=lambda r: workbench.t(f"mot.role.{r}", language))
            .rename_axis(index=workbench.t("mot.col.wave", language),
                         columns=workbench.t("mot.col.role", language)))
    print(workbench.t("mot.problems", language) + ":", len(problems))

# %% tags=["nbval-check-output"]
# ✅ check: people per wave and role, rejected/unreadable entries
if motivation_file is not None:
    print(sorted(motivation.groupby(["wave", "role"])["respondent_id"].nunique().items()))
    print(len(problems))

# %% [markdown] tags=["en"]
# ## 3. Where do the two views differ?
#
# For the last round, each factor gets its mean rating and its rank among employees and
# among managers. A factor that employees put several places higher than their managers do
# is one management **underestimates**; the reverse is **overestimated**. Kovach's ranks
# (USA, 1987) are the classic benchmark: employees put interesting work and appreciation
# first, their supervisors thought it was wages and job security.

# %% [markdown] tags=["ru"]
# ## 3. Где взгляды расходятся?
#
# По последней волне каждый фактор получает среднюю оценку и место у сотрудников и у
# руководителей. Фактор, который сотрудники ставят на несколько мест выше, чем руководители,
# руководство **недооценивает**; обратный случай — **переоценивает**. Места из опроса Ковача
# (США, 1987) — классический ориентир: сотрудники ставили на первое место интересную работу
# и признание, а их руководители думали, что важнее всего оклад и стабильность.

# %%
if motivation_file is not None:
    gaps = survey.motivation_gaps(motivation, threshold=rank_threshold)
    display(survey.format_motivation(gaps, language=language))

# %% [markdown] tags=["en"]
# Read aloud (computed from the table):

# %% [markdown] tags=["ru"]
# Вслух (текст посчитан по таблице):

# %%
if motivation_file is not None:
    waves = survey.motivation_waves(motivation)
    print(survey.describe_motivation(gaps, language=language, waves=waves))

# %% tags=["nbval-check-output"]
# ✅ check: ranks in both views, verdicts, agreement (two decimals)
if motivation_file is not None:
    print(gaps[["employees_rank", "managers_rank"]].astype(int).to_dict("index"))
    print(gaps["verdict"].value_counts().sort_index().to_dict())
    print(round(gaps.attrs["rho"], 2), round(gaps.attrs["rho_kovach"], 2))

# %% [markdown] tags=["en"]
# ## 4. Two rounds: what moved?
#
# Motives change — after a reorganisation, a pay rise, a year without promotions. The
# employees' mean rating per factor in each round:

# %% [markdown] tags=["ru"]
# ## 4. Две волны: что изменилось?
#
# Мотивы меняются — после реорганизации, повышения окладов, года без повышений. Средняя
# оценка сотрудников по каждому фактору в каждой волне:

# %%
if motivation_file is not None:
    display(workbench.narrative.numbers(
        waves.rename(index=lambda k: workbench.t(f"mot.factor.{k}", language))
        .rename_axis(index=workbench.t("mot.col.factor", language),
                     columns=workbench.t("mot.col.wave", language)),
        {wave: 1 for wave in waves.columns}, language))

# %% tags=["nbval-check-output"]
# ✅ check: change of the employees' mean per factor between the rounds (one decimal)
if motivation_file is not None:
    print((waves.iloc[:, -1] - waves.iloc[:, 0]).round(1).to_dict())

# %% [markdown] tags=["en", "workshop-only"]
# ## 📝 Your turn
#
# Compare the **first** round instead of the last (`wave="2025-H1"`), with a stricter reading
# (`threshold=2`). Which factors did management underestimate then, and is it the same list?

# %% [markdown] tags=["ru", "workshop-only"]
# ## 📝 Ваша очередь
#
# Сравните **первую** волну вместо последней (`wave="2025-H1"`) с более строгим порогом
# (`threshold=2`). Какие факторы руководство недооценивало тогда, и совпадает ли список?

# %% tags=["solution"]
if motivation_file is not None:
    first = survey.motivation_gaps(motivation, wave="2025-H1", threshold=2)
    print(survey.describe_motivation(first, language=language))

# %% [markdown] tags=["en", "workshop-only"]
# ## Control questions
#
# The course's questions on internal clients (numbers 10, 37 and 38), with the room's answers
# from the workshop file (`control_questions:`, by number; empty = not discussed yet). The
# report prints all 43 with their answers in its appendix.

# %% [markdown] tags=["ru", "workshop-only"]
# ## Контрольные вопросы
#
# Вопросы курса о внутренних клиентах (номера 10, 37 и 38) и ответы участников из файла
# воркшопа (`control_questions:`, по номеру; пусто — ещё не обсуждали). Отчёт печатает все 43 с
# ответами в приложении.

# %% tags=["workshop-only"]
checklist = survey.control_checklist(workbench.read_workshop(data_dir))
display(workbench.format_control_questions(checklist.loc[[10, 37, 38]], language))

# %% [markdown] tags=["en"]
# ## In this notebook we:
# - prepared the motivation questionnaire for employees and managers;
# - loaded the answers, with every rejected row and unreadable rating listed;
# - found the factors management under- and overestimates, next to Kovach's benchmark;
# - saw how the employees' view moved between two rounds — repeat the survey once or twice a
#   year.
# - Back to the external clients: `08_feedback_loop` sets up the feedback channel and the
#   second round.

# %% [markdown] tags=["ru"]
# ## В этой тетради мы:
# - подготовили анкету мотивации для сотрудников и руководителей;
# - загрузили ответы, перечислив каждую отклонённую строку и нечитаемую оценку;
# - нашли факторы, которые руководство недооценивает и переоценивает, рядом с ориентиром Ковача;
# - увидели, как изменился взгляд сотрудников между двумя волнами — повторяйте опрос
#   1–2 раза в год.
# - Назад к внешним клиентам: `08_feedback_loop` налаживает канал обратной связи и второй
#   круг.

# %% tags=["nbval-ignore-output"]
print(workbench.versions())
