"""Texts of the survey instruments: the client questionnaire, wide exports, the employee
motivation survey, the key clients' УКОР, the course's 43 control questions and interview notes.

Russian texts follow Russian typography: «ёлочки», a no-break space before an em dash, en dashes
in ranges (1–5).
"""

NB = "\u00a0"

MESSAGES: dict[str, dict[str, str]] = {
    # ---- the client questionnaire: document
    "svq.title": {"en": "Client questionnaire", "ru": "Анкета клиента"},
    "svq.intro": {
        "en": "Thank you for giving us a few minutes. Your answers tell us what matters to you "
              "and where we fall short; there are no right or wrong answers.",
        "ru": "Спасибо, что уделили нам несколько минут. Ваши ответы покажут, что для вас важно "
              "и где мы недорабатываем; правильных и неправильных ответов нет.",
    },
    "svq.scale_note": {
        "en": "All ratings use one scale from {low} to {high}: {low} is the lowest, {high} the "
              "highest.",
        "ru": f"Все оценки — по одной шкале от{NB}{{low}} до{NB}{{high}}: {{low}}{NB}— самая "
              f"низкая, {{high}}{NB}— самая высокая.",
    },
    "svq.kano_note": {
        "en": "For every aspect, two questions: how you would feel if we have it (or do it "
              "well), and how you would feel if we did not. Choose one of the five answers each "
              "time.",
        "ru": "По каждому свойству — два вопроса: как вы отнесётесь, если у нас это есть "
              "(или сделано хорошо), и как отнесётесь, если этого нет. Каждый раз выберите "
              "один из пяти ответов.",
    },
    "svq.section.ratings": {"en": "Ratings", "ru": "Оценки"},
    "svq.section.kano": {"en": "Two-sided questions (Kano)", "ru": "Парные вопросы (Кано)"},
    "svq.section.about": {"en": "About you and us", "ru": "О вас и о нас"},
    "svq.attribute": {"en": "Aspect of our service", "ru": "Свойство нашего сервиса"},
    "svq.options": {"en": "Answer options", "ru": "Варианты ответа"},
    "svq.rows": {"en": "Rows", "ru": "Строки"},
    "svq.free_text": {"en": "(free text)", "ru": "(свободный ответ)"},
    "svq.optional": {"en": "(optional)", "ru": "(необязательно)"},
    "svq.one_choice": {"en": "one answer", "ru": "один ответ"},
    "svq.thanks": {"en": "Thank you!", "ru": "Спасибо!"},
    "svq.col.no": {"en": "No.", "ru": "№"},
    "svq.col.question_id": {"en": "Question id", "ru": "Код вопроса"},
    "svq.col.question": {"en": "Question", "ru": "Вопрос"},
    "svq.col.answer": {"en": "Answer", "ru": "Ответ"},
    "svq.col.respondent": {"en": "Respondent {n}", "ru": "Респондент {n}"},
    "svq.sheet.interview": {"en": "Phone interview", "ru": "Телефонное интервью"},
    "svq.sheet.help": {
        "en": "One column per person called: write the code of the answer (the number, or the "
              "Kano answer as listed) in the row of the question; leave a cell empty when there "
              "is no answer.",
        "ru": "Один столбец на каждого, кому позвонили: впишите код ответа (число или ответ "
              "Кано, как в списке) в строку вопроса; если ответа нет, оставьте ячейку пустой.",
    },
    "svq.pdf.no_chromium": {
        "en": "PDF not written: no Chromium browser found (looked for {names}). Install "
              "Chromium, pass its path, or open {html} in a browser and print it to PDF.",
        "ru": "PDF не записан: не найден браузер Chromium (искали {names}). Установите "
              "Chromium, укажите путь к нему или откройте {html} в браузере и распечатайте в PDF.",
    },
    "svq.pdf.failed": {
        "en": "PDF not written: Chromium stopped with an error ({error}). Open {html} in a "
              "browser and print it to PDF.",
        "ru": "PDF не записан: Chromium завершился с ошибкой ({error}). Откройте {html} "
              "в браузере и распечатайте в PDF.",
    },
    "svq.wrote": {"en": "wrote {path}", "ru": "записан файл {path}"},
    # ---- questions
    "svq.q.importance": {
        "en": "How important is each of these aspects of our service to you?",
        "ru": "Насколько для вас важно каждое из этих свойств нашего сервиса?",
    },
    "svq.q.performance": {
        "en": "How well do we perform on each of these aspects?",
        "ru": "Как вы оцениваете нашу работу по каждому из этих свойств?",
    },
    "svq.q.expectation": {
        "en": "What level do you expect from a supplier on each of these aspects?",
        "ru": "Какого уровня по каждому из этих свойств вы ожидаете от поставщика?",
    },
    "svq.q.competitor_performance": {
        "en": "How well does {competitor} perform on the same aspects?",
        "ru": "Как вы оцениваете по этим же свойствам {competitor}?",
    },
    "svq.competitor": {
        "en": "our main competitor (the one you would turn to instead of us)",
        "ru": "нашего основного конкурента (того, к кому вы обратились бы вместо нас)",
    },
    "svq.q.kano_functional": {
        "en": "How would you feel if we have this (or do it well)?",
        "ru": "Как вы отнесётесь к тому, что у нас это есть (или сделано хорошо)?",
    },
    "svq.q.kano_dysfunctional": {
        "en": "How would you feel if we did not have this (or did it poorly)?",
        "ru": "Как вы отнесётесь к тому, что у нас этого нет (или сделано плохо)?",
    },
    "svq.q.comment": {"en": "Your comment", "ru": "Ваш комментарий"},
    "svq.q.nps": {
        "en": "How likely are you to recommend us to a colleague or a friend?",
        "ru": "Насколько вероятно, что вы порекомендуете нас коллеге или знакомому?",
    },
    "svq.q.source": {"en": "Where did you hear of us?", "ru": "Откуда вы о нас узнали?"},
    "svq.q.keep": {
        "en": "What should we keep, whatever happens?",
        "ru": "Что нам обязательно нужно сохранить?",
    },
    "svq.q.change": {
        "en": "What should we change first?",
        "ru": "Что нам стоит изменить в первую очередь?",
    },
    "svq.q.customer_id": {
        "en": "Your customer number or an anonymous code (optional)",
        "ru": "Ваш номер клиента или анонимный код (необязательно)",
    },
    # ---- scale end labels
    "svq.low.importance": {"en": "not important at all", "ru": "совсем не важно"},
    "svq.high.importance": {"en": "very important", "ru": "очень важно"},
    "svq.low.performance": {"en": "very poor", "ru": "очень плохо"},
    "svq.high.performance": {"en": "excellent", "ru": "отлично"},
    "svq.low.expectation": {"en": "the bare minimum is enough", "ru": "достаточно минимума"},
    "svq.high.expectation": {"en": "only the best will do", "ru": "нужен наивысший уровень"},
    "svq.low.competitor_performance": {"en": "very poor", "ru": "очень плохо"},
    "svq.high.competitor_performance": {"en": "excellent", "ru": "отлично"},
    "svq.low.nps": {"en": "not at all likely", "ru": "точно не порекомендую"},
    "svq.high.nps": {"en": "extremely likely", "ru": "обязательно порекомендую"},
    "svq.dont_know": {"en": "don't know", "ru": "не знаю"},
    "svq.scale_option": {"en": "{code} — {label}", "ru": f"{{code}}{NB}— {{label}}"},
    # ---- where did you hear of us
    "svq.source.recommendation": {"en": "recommendation", "ru": "рекомендация"},
    "svq.source.website": {"en": "our website", "ru": "сайт"},
    "svq.source.search_ads": {"en": "search advertising", "ru": "контекстная реклама"},
    "svq.source.social": {"en": "social networks", "ru": "соцсети"},
    "svq.source.marketplace": {"en": "marketplace", "ru": "маркетплейс"},
    "svq.source.exhibition": {"en": "exhibition", "ru": "выставка"},
    "svq.source.sales_call": {"en": "a call from our manager", "ru": "звонок менеджера"},
    "svq.source.other": {"en": "other", "ru": "другое"},
    # ---- the wide-export load report
    "svq.load.title": {
        "en": "Survey export {source}: {tool}, {rows}",
        "ru": "Выгрузка анкеты {source}: {tool}, {rows}",
    },
    "svq.load.tool.google_forms": {"en": "Google Forms", "ru": "Google Формы"},
    "svq.load.tool.yandex_forms": {"en": "Yandex Forms", "ru": "Яндекс Формы"},
    "svq.load.tool.surveymonkey": {"en": "SurveyMonkey", "ru": "SurveyMonkey"},
    "svq.load.tool.generic": {"en": "a wide table", "ru": "широкая таблица"},
    "svq.load.guided.spec": {"en": "read with the questionnaire spec",
                             "ru": "прочитано по спецификации анкеты"},
    "svq.load.guided.headers": {"en": "read by recognising the headers",
                                "ru": "прочитано по распознанным заголовкам"},
    "svq.load.col.column": {"en": "Column", "ru": "Столбец"},
    "svq.load.col.understood": {"en": "Understood as", "ru": "Понят как"},
    "svq.load.unused": {"en": "Not used", "ru": "Не использованы"},
    "svq.load.role.respondent_id": {"en": "respondent", "ru": "респондент"},
    "svq.load.role.date": {"en": "date of the answer", "ru": "дата ответа"},
    "svq.load.role.meta": {"en": "form metadata (not used)", "ru": "служебный столбец формы (не используется)"},
    "svq.load.role.unused": {"en": "not recognised (not used)", "ru": "не распознан (не используется)"},
    "svq.load.role.answer": {"en": "{measure} × {attribute}", "ru": "{measure} × {attribute}"},
    "svq.load.role.single": {"en": "{measure}", "ru": "{measure}"},
    # ---- what the wide reader records (workbench/survey/_wide.py Note codes)
    # problem codes of SurveyLoadReport.rejected, labelled like the loaders' (load.problem.*)
    "load.problem.no_answer": {"en": "no question answered", "ru": "нет ни одного ответа"},
    "load.problem.repeated_respondent": {
        "en": "respondent already answered", "ru": "респондент уже ответил",
    },
    "svq.reason.no_answer": {
        "en": "no question answered (an empty or abandoned response)",
        "ru": "нет ни одного ответа (пустая или брошенная анкета)",
    },
    "svq.reason.repeated_respondent": {
        "en": "respondent {respondent} already answered in row {row}",
        "ru": "респондент {respondent} уже ответил в строке {row}",
    },
    "svq.reason.unreadable": {
        "en": "{column}: {value} cannot be read (expected {expected})",
        "ru": "{column}: {value} — не удалось прочитать (ожидается {expected})",
    },
    "svq.cell.grid": {"en": "{column} ({measure} × {attribute})",
                      "ru": "{column} ({measure} × {attribute})"},
    "svq.cell.single": {"en": "{column} ({measure})", "ru": "{column} ({measure})"},
    "svq.expected.score": {
        "en": "{lo}–{hi} or an option text", "ru": "{lo}–{hi} или текст варианта ответа",
    },
    "svq.expected.date": {
        "en": "a date such as 02.09.2024 10:15:00", "ru": "дата, например 02.09.2024 10:15:00",
    },
    "svq.expected.respondent": {
        "en": "a respondent identifier", "ru": "идентификатор респондента",
    },
    "svq.warn.values_right_of_header": {
        "en": "values right of the last header column were ignored; rows: {rows}",
        "ru": "значения правее последнего столбца заголовка не читались; строки: {rows}",
    },
    # why a column was not used (SurveyLoadReport.columns["note"])
    "svq.note.not_a_spec_question": {
        "en": "not a question of the spec", "ru": "такого вопроса нет в спецификации",
    },
    "svq.note.grid_without_attribute": {
        "en": "a per-attribute question ({measure}) without an attribute",
        "ru": "вопрос по параметрам ({measure}) без параметра",
    },
    "svq.note.not_a_grid": {
        "en": "{measure} is not a per-attribute question",
        "ru": "{measure} — не вопрос по параметрам",
    },
    "svq.note.block_not_in_spec": {
        "en": "{measure} is not in the spec", "ru": "{measure} — нет в спецификации",
    },
    "svq.note.attribute_not_in_spec": {
        "en": "attribute {attribute} is not in the spec",
        "ru": "параметра {attribute} нет в спецификации",
    },
    "svq.note.repeats_column": {
        "en": "repeats column {position}", "ru": "повторяет столбец {position}",
    },
    "svq.measure.importance": {"en": "importance", "ru": "важность"},
    "svq.measure.performance": {"en": "our performance", "ru": "наша оценка"},
    "svq.measure.expectation": {"en": "expected level", "ru": "ожидаемый уровень"},
    "svq.measure.competitor_performance": {"en": "competitor's performance",
                                           "ru": "оценка конкурента"},
    "svq.measure.kano_functional": {"en": "Kano: if present", "ru": "Кано: если есть"},
    "svq.measure.kano_dysfunctional": {"en": "Kano: if absent", "ru": "Кано: если нет"},
    "svq.measure.comment": {"en": "comment", "ru": "комментарий"},
    "svq.measure.nps": {"en": "NPS (0–10)", "ru": "NPS (0–10)"},
    "svq.measure.source": {"en": "where they heard of us", "ru": "откуда узнали"},
    "svq.measure.keep": {"en": "what to keep", "ru": "что сохранить"},
    "svq.measure.change": {"en": "what to change", "ru": "что изменить"},
    "svq.measure.customer_id": {"en": "customer number / code", "ru": "номер клиента / код"},
    "svq.measure.interview": {"en": "interview", "ru": "интервью"},
    # ---- voice of the customer (quotes)
    "svq.quotes.col.topic": {"en": "Topic", "ru": "Тема"},
    "svq.quotes.col.text": {"en": "What the client said", "ru": "Что сказал клиент"},
    "svq.quotes.col.origin": {"en": "Where from", "ru": "Откуда"},
    "svq.quotes.origin.survey": {"en": "questionnaire", "ru": "анкета"},
    "svq.quotes.origin.interview": {"en": "interview", "ru": "интервью"},
    "svq.instrument.missing": {
        "en": "The {what} is not in the folder {folder}: put it there as {file} to run this "
              "part; the rest of the notebook goes on.",
        "ru": "В папке {folder} нет файла «{what}»: положите его туда как {file}, чтобы "
              "выполнить эту часть; остальная часть тетради выполнится.",
    },
    "svq.instrument.motivation": {"en": "employee motivation survey",
                                  "ru": "опрос мотивации сотрудников"},
    "svq.instrument.key_clients": {"en": "key clients' УКОР answers",
                                   "ru": "ответы ключевых клиентов об УКОР"},
    "svq.instrument.survey_export": {"en": "wide survey export", "ru": "выгрузка анкеты"},
    "svq.instrument.questionnaire_spec": {"en": "questionnaire spec",
                                          "ru": "спецификация анкеты"},
    "svq.instrument.interview_notes": {"en": "interview notes", "ru": "записи интервью"},
}

# ---------------------------------------------------------------------------------------------
# Employee motivation survey (internal clients): Kovach's ten factors
# ---------------------------------------------------------------------------------------------

_FACTORS = {
    "interesting_work": ("Interesting work", "Интересная работа"),
    "appreciation": ("Full appreciation of work done (recognition)", "Признание"),
    "involvement": ("Feeling of being in on things", "Ощущение причастности к общему делу"),
    "job_security": ("Job security", "Стабильность работы"),
    "good_wages": ("Good wages", "Хороший оклад"),
    "promotion": ("Promotion and growth in the organisation", "Карьерный рост"),
    "working_conditions": ("Good working conditions", "Хорошие условия работы"),
    "loyalty": ("The company's personal loyalty to employees", "Забота со стороны компании"),
    "personal_help": ("Sympathetic help with personal problems",
                      "Помощь в решении личных проблем"),
    "tactful_discipline": ("Tactful discipline (reasonable company rules)",
                           "Разумные корпоративные правила"),
}
for _k, (_en, _ru) in _FACTORS.items():
    MESSAGES[f"mot.factor.{_k}"] = {"en": _en, "ru": _ru}

MESSAGES.update({
    "mot.title": {"en": "What motivates you at work?", "ru": "Что вас мотивирует в работе?"},
    "mot.intro.employee": {
        "en": "Rate each factor from 1 to 10: 10 = motivates me most, 1 = least. The survey is "
              "anonymous; it is repeated once or twice a year because motives change.",
        "ru": f"Оцените каждый фактор от{NB}1 до{NB}10: 10{NB}— мотивирует сильнее всего, "
              f"1{NB}— меньше всего. Опрос анонимный; его повторяют 1–2{NB}раза в год, потому "
              "что мотивы меняются.",
    },
    "mot.intro.manager": {
        "en": "Rate each factor from 1 to 10 as you think your team would rate it (10 = "
              "motivates them most). Do not show your answers to others before the results are "
              "compared.",
        "ru": f"Оцените каждый фактор от{NB}1 до{NB}10 так, как, по-вашему, его оценит ваша "
              f"команда (10{NB}— мотивирует сильнее всего). Не показывайте свои ответы другим, "
              "пока результаты не сравнят.",
    },
    "mot.role.employee": {"en": "employee", "ru": "сотрудник"},
    "mot.role.manager": {"en": "manager", "ru": "руководитель"},
    "mot.q.role": {"en": "Your role", "ru": "Ваша роль"},
    "mot.q.wave": {"en": "Survey round", "ru": "Волна опроса"},
    "mot.col.factor": {"en": "Factor", "ru": "Фактор"},
    "mot.col.wave": {"en": "Survey round", "ru": "Волна опроса"},
    "mot.col.role": {"en": "Role", "ru": "Роль"},
    "mot.problems": {"en": "Rejected or unreadable entries", "ru": "Отклонённых и нечитаемых записей"},
    "mot.col.employees_mean": {"en": "Employees: mean", "ru": "Сотрудники: среднее"},
    "mot.col.employees_rank": {"en": "Employees: rank", "ru": "Сотрудники: место"},
    "mot.col.managers_mean": {"en": "Managers: mean", "ru": "Руководители: среднее"},
    "mot.col.managers_rank": {"en": "Managers: rank", "ru": "Руководители: место"},
    "mot.col.rank_gap": {"en": "Rank gap", "ru": "Разница мест"},
    "mot.col.kovach_employees": {"en": "Kovach 1987: employees", "ru": "Ковач, 1987: сотрудники"},
    "mot.col.kovach_managers": {"en": "Kovach 1987: managers", "ru": "Ковач, 1987: руководители"},
    "mot.col.verdict": {"en": "Reading", "ru": "Вывод"},
    "mot.verdict.underestimated": {"en": "management underestimates it",
                                   "ru": "руководство недооценивает"},
    "mot.verdict.overestimated": {"en": "management overestimates it",
                                  "ru": "руководство переоценивает"},
    "mot.verdict.agreed": {"en": "views agree", "ru": "взгляды совпадают"},
    "mot.summary": {
        "en": "{n_employees} and {n_managers} answered. The two views agree "
              "with a rank correlation of {rho}. Management underestimates: {under}; "
              "overestimates: {over}.",
        "ru": "Ответили {n_employees} и {n_managers}. Согласие "
              "взглядов (ранговая корреляция)\u00a0— {rho}. Руководство недооценивает: "
              "{under}; переоценивает: {over}.",
    },
    "mot.summary.top": {
        "en": "Employees put first: {top}. Kovach's employees (1987) put first: {kovach}.",
        "ru": "На первом месте у сотрудников: {top}. У сотрудников в опросе Ковача (1987): "
              "{kovach}.",
    },
    "mot.summary.waves": {
        "en": "Between {first} and {last} the employees' ratings rose most for {up} and fell "
              "most for {down}.",
        "ru": "С волны {first} до волны {last} оценки сотрудников сильнее всего выросли "
              "у фактора «{up}» и сильнее всего снизились у фактора «{down}».",
    },
    "mot.none": {"en": "nothing", "ru": "ничего"},
    # why load_motivation rejected a row or blanked a score (its problems' reasons)
    "mot.reason.score": {
        "en": "{column}: {value} is not a whole number from 1 to 10",
        "ru": "{column}: {value} — не целое число от 1 до 10",
    },
    "mot.reason.role": {
        "en": "{column}: {value} is neither an employee nor a manager; row rejected",
        "ru": "{column}: {value} — не сотрудник и не руководитель; строка отклонена",
    },
    "mot.reason.nothing_rated": {
        "en": "no factor rated; row rejected", "ru": "ни один фактор не оценён; строка отклонена",
    },
})

# ---------------------------------------------------------------------------------------------
# УКОР from the key client's side
# ---------------------------------------------------------------------------------------------

MESSAGES.update({
    "ukorc.title": {
        "en": "How client-oriented are we? A few questions for our key clients",
        "ru": "Насколько мы ориентированы на клиента? Несколько вопросов ключевым клиентам",
    },
    "ukorc.intro": {
        "en": "Please say how far each statement about working with us is true: 0 = not at "
              "all, 4 = fully true.",
        "ru": f"Отметьте, насколько верно каждое утверждение о работе с нами: 0{NB}— совсем "
              f"неверно, 4{NB}— полностью верно.",
    },
    "ukorc.scale.0": {"en": "not at all", "ru": "совсем неверно"},
    "ukorc.scale.4": {"en": "fully true", "ru": "полностью верно"},
    "ukorc.q.expectations": {
        "en": "They know what matters to us and ask about it themselves.",
        "ru": "Они знают, что для нас важно, и сами об этом спрашивают.",
    },
    "ukorc.q.segmentation": {
        "en": "They understand how our company differs from their other clients.",
        "ru": "Они понимают, чем наша компания отличается от других их клиентов.",
    },
    "ukorc.q.offers": {
        "en": "Their offers are fitted to our situation, not generic.",
        "ru": "Их предложения подобраны под нашу ситуацию, а не типовые.",
    },
    "ukorc.q.feedback": {
        "en": "They regularly ask what we think of their work.",
        "ru": "Они регулярно интересуются нашим мнением о своей работе.",
    },
    "ukorc.q.complaints": {
        "en": "When we complain, the problem is solved quickly and properly.",
        "ru": "Когда мы жалуемся, проблему решают быстро и по существу.",
    },
    "ukorc.q.staff": {
        "en": "Every one of their people we deal with is equally reliable.",
        "ru": "Все их сотрудники, с которыми мы имеем дело, одинаково надёжны.",
    },
    "ukorc.q.management": {
        "en": "Their management knows us and takes part in the relationship.",
        "ru": "Их руководство знает нас и участвует в отношениях.",
    },
    "ukorc.q.key_clients": {
        "en": "We have one person there who answers for everything we need.",
        "ru": "У нас есть свой человек в их компании, который отвечает за всё, что нам нужно.",
    },
    "ukorc.col.theme": {"en": "Theme", "ru": "Тема"},
    "ukorc.col.self_score": {"en": "Our self-assessment (0–100)",
                             "ru": "Наша самооценка (0–100)"},
    "ukorc.col.client_score": {"en": "Key clients' view (0–100)",
                               "ru": "Взгляд ключевых клиентов (0–100)"},
    "ukorc.col.gap": {"en": "Gap (points)", "ru": "Разрыв (баллы)"},
    "ukorc.col.verdict": {"en": "Reading", "ru": "Вывод"},
    "ukorc.verdict.overrated": {"en": "we overrate ourselves", "ru": "мы себя переоцениваем"},
    "ukorc.verdict.underrated": {"en": "clients rate us higher", "ru": "клиенты ценят нас выше"},
    "ukorc.verdict.agreed": {"en": "views agree", "ru": "взгляды совпадают"},
    "ukorc.summary": {
        "en": "Our self-assessment gives {self_score} of 100 ({self_level}); the key clients "
              "give {client_score} ({client_level}; answered: {n}). We rate ourselves {threshold} or more above "
              "the key clients on: {overrated}. They rate us that much higher on: {underrated}.",
        "ru": "Самооценка\u00a0— {self_score} из\u00a0100 ({self_level}); ключевые клиенты "
              "(ответили: {n}) ставят {client_score} ({client_level}). Мы ставим себе на "
              "{threshold} и больше выше, чем ключевые клиенты, в темах: {overrated}. Клиенты "
              "ставят нас настолько же выше в темах: {underrated}.",
    },
})

# ---------------------------------------------------------------------------------------------
# The course's 43 control questions (seed 002), translated
# ---------------------------------------------------------------------------------------------

_CQ: dict[int, tuple[str, str]] = {
    1: ("Когда не нужна клиентоориентация? Приведите примеры.",
        "When is client orientation not needed? Give examples."),
    2: ("В чём разница между клиентом и потребителем, клиентом и заказчиком? Зачем изучать "
        "клиентов нашего клиента?",
        "What is the difference between a client and a consumer, a client and a customer who "
        "orders? Why study our client's own clients?"),
    3: ("Переформулируйте аксиомы клиентоориентации применительно к вашему предприятию "
        "(подразделению).",
        "Restate the axioms of client orientation for your company (department)."),
    4: ("Назовите основные противоречия клиентоориентации и способы их разрешения.",
        "Name the main contradictions of client orientation and ways to resolve them."),
    5: ("Что такое «кольцо уважения» и почему оно обходится значительно дороже, чем «кольцо "
        "неуважения»?",
        "What is the “ring of respect”, and why does it cost much more than the “ring of "
        "disrespect”?"),
    6: ("Как вы воспринимаете потребительскую ценность основных своих клиентов?",
        "How do you see the customer value of your main clients?"),
    7: ("На каком этапе жизненного цикла развития находятся ваши клиенты? А каков этап "
        "развития отношений?",
        "At which stage of their life cycle are your clients? And at which stage is the "
        "relationship?"),
    8: ("Какие ингредиенты заложены в ваш типовой «коктейль продаж»?",
        "What ingredients go into your typical “sales cocktail”?"),
    9: ("По каким параметрам вы и основные ваши клиенты пошли на компромисс? Кто проявляет "
        "инициативу в движении к компромиссу?",
        "On which terms did you and your main clients compromise? Who takes the initiative "
        "towards a compromise?"),
    10: ("Существует ли в вашей компании понятие «внутреннего клиента»? Если нет, то почему, "
         "если да, как организована работа с внутренними клиентами (процедуры, система "
         "мотивации и т.\u00a0п.)?",
         "Does your company know the idea of an “internal client”? If not, why not; if so, "
         "how is the work with internal clients organised (procedures, motivation system "
         "and so on)?"),
    11: ("Основные понятия маркетинга. Как ваша компания определяет основные сегменты (ниши) "
         "своего рынка?",
         "The basic ideas of marketing. How does your company define the main segments "
         "(niches) of its market?"),
    12: ("Сравните свою компанию и 2–3 ключевых ваших клиентов. Соблюдается или нарушается "
         "принцип соответствия, к чему это приводит?",
         "Compare your company with 2–3 of your key clients. Is the principle of fit kept or "
         "broken, and what does that lead to?"),
    13: ("Что можно отнести к критическим факторам успеха на вашем рынке? А как вы "
         "определяете свои конкурентные (с точки зрения клиентов) преимущества?",
         "What are the critical success factors in your market? And how do you identify your "
         "competitive advantages (as the clients see them)?"),
    14: ("Практикуете ли вы втягивание клиента в процесс обслуживания?",
         "Do you draw the client into the service process?"),
    15: ("Как вы понимаете «маркетинг отношений» и насколько эта концепция востребована на "
         "вашем сегменте рынка?",
         "How do you understand “relationship marketing”, and how much is it needed in your "
         "segment of the market?"),
    16: ("Что вы можете сказать об уровне клиентоориентации основных своих конкурентов?",
         "What can you say about the level of client orientation of your main competitors?"),
    17: ("Основные отличия услуг от продуктов, особенности клиентоориентации применительно "
         "к вашим услугам.",
         "The main differences between services and products; what client orientation means "
         "for your services."),
    18: ("Над чем в первую очередь должна работать ваша компания (ваше подразделение)\u00a0— "
         "над внутренними или внешними факторами клиентоориентации, динамическими или "
         "статическими её аспектами?",
         "What should your company (department) work on first: the internal or the external "
         "factors of client orientation, its dynamic or its static aspects?"),
    19: ("Какие основные методы работы с клиентами применяете вы и ваши коллеги?",
         "Which main methods of working with clients do you and your colleagues use?"),
    20: ("Что такое «управление с помощью вопросов» и почему оно зачастую эффективнее, чем "
         "управление с помощью приказов и пр.?",
         "What is “management by questions”, and why is it often more effective than "
         "management by orders and the like?"),
    21: ("Как вы понимаете «метод шести шляп», применим ли он в вашей организации?",
         "How do you understand the “six thinking hats” method; does it apply in your "
         "organisation?"),
    22: ("Какие из восьми шагов, составляющих технологию клиентоориентации, вы используете "
         "и какие проблемы при этом возникают?",
         "Which of the eight steps of the client-orientation technology do you use, and what "
         "problems come up?"),
    23: ("Какие из восьми шагов, составляющих технологию клиентоориентации, вы не используете "
         "и почему? Насколько данная технология применима или неприменима к вашей организации "
         "и вашей сфере бизнеса?",
         "Which of the eight steps do you not use, and why? How far does the technology fit, "
         "or not fit, your organisation and your line of business?"),
    24: ("Пять типов нужд клиента: как отличать их друг от друга?",
         "The five types of client needs: how do you tell them apart?"),
    25: ("Как совместить производительность и качество обслуживания?",
         "How do you combine productivity with the quality of service?"),
    26: ("Введены ли на вашем предприятии стандарты качества услуг, как они соблюдаются?",
         "Has your company introduced service quality standards, and how are they kept?"),
    27: ("Какие виды маркетингового аудита вы знаете, назовите их особенности.",
         "Which kinds of marketing audit do you know? Name their features."),
    28: ("Особенности крупных организаций, «клиентский бутерброд» и система работы с ним.",
         "What is special about large organisations; the “client sandwich” and how to work "
         "with it."),
    29: ("Принципы бережливого потребления и потребительские карты.",
         "The principles of lean consumption and customer maps."),
    30: ("Всегда ли нужно бороться за лояльность потребителей? Приведите примеры программ "
         "лояльности и оцените их эффективность.",
         "Must one always fight for customer loyalty? Give examples of loyalty programmes and "
         "judge how well they work."),
    31: ("Категоризация и типизация клиентов: какие варианты категоризации и типизации вы "
         "можете предложить для своих клиентов и клиентов своих клиентов?",
         "Categories and types of clients: which categories and types would you propose for "
         "your clients and for your clients' clients?"),
    32: ("Какую траекторию движения в плоскости наших и клиентских ожиданий обычно выбираете "
         "вы при работе с клиентом?",
         "Which path through the plane of our and the client's expectations do you usually "
         "take when working with a client?"),
    33: ("Основные принципы работы с клиентом (пропорциональности, координации и т.\u00a0п.).",
         "The main principles of working with a client (proportionality, coordination and "
         "so on)."),
    34: ("Основные способы взаимодействия с клиентом: какие чаще используете вы?",
         "The main ways of interacting with a client: which do you use most often?"),
    35: ("Основные требования к информации, способы её сбора, интерпретации, использования.",
         "The main requirements for information; how to collect, interpret and use it."),
    36: ("Цены и ценности. Способы обоснования цен и ухода от ценовой конкуренции.",
         "Prices and values. Ways to justify prices and to escape price competition."),
    37: ("Внутренние клиенты и особенности работы с ними.",
         "Internal clients and what is special about working with them."),
    38: ("Приведите 2–3 примера трансляции проблем и предложений на язык коллег\u00a0— других "
         "функциональных специалистов.",
         "Give 2–3 examples of translating problems and proposals into the language of "
         "colleagues from other functions."),
    39: ("«Контрактный пятиугольник» и особенности его практического применения.",
         "The “contract pentagon” and how it is applied in practice."),
    40: ("Парадоксы клиентоориентации.", "The paradoxes of client orientation."),
    41: ("Как, по-вашему, нужны ли в вашей организации база отзывов, база ситуаций, база "
         "вопросов и ответов, «отказные» листы? Если нет, то почему, если да, что они могут "
         "дать?",
         "Does your organisation need a base of reviews, a base of situations, a base of "
         "questions and answers, refusal sheets? If not, why not; if so, what can they give?"),
    42: ("Управление жизненным циклом потребителя. Отношения как объект управления. Почему "
         "жалобу клиента специалисты предлагают рассматривать как «подарок судьбы»?",
         "Managing the customer life cycle. Relationships as something to manage. Why do "
         "specialists suggest treating a client's complaint as a gift?"),
    43: ("Каким образом вы могли бы измерить УКОР (уровень клиентоориентации) для своей фирмы, "
         "вашего основного поставщика и основного клиента?",
         "How could you measure УКОР (the level of client orientation) for your firm, your "
         "main supplier and your main client?"),
}
for _n, (_ru, _en) in _CQ.items():
    MESSAGES[f"cq.q.{_n}"] = {"en": _en, "ru": _ru}

MESSAGES.update({
    "cq.title": {"en": "The course's control questions", "ru": "Контрольные вопросы курса"},
    "cq.col.number": {"en": "No.", "ru": "№"},
    "cq.col.step": {"en": "Step", "ru": "Шаг"},
    "cq.col.question": {"en": "Question", "ru": "Вопрос"},
    "cq.col.answer": {"en": "The room's answer", "ru": "Ответ участников"},
    "cq.col.status": {"en": "Status", "ru": "Статус"},
    "cq.status.answered": {"en": "answered", "ru": "есть ответ"},
    "cq.status.open": {"en": "open", "ru": "не обсуждали"},
    "cq.summary": {
        "en": "{answered} of {total} control questions answered; open by step: {open}.",
        "ru": "Отвечено контрольных вопросов: {answered} из\u00a0{total}; без ответа по шагам: "
              "{open}.",
    },
    "cq.all_answered": {"en": "none", "ru": "нет"},
})

del _k, _en, _ru, _n
