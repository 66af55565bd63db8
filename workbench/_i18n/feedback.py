"""Texts of step 8: NPS, complaints, the sales funnel, closing the loop."""

MESSAGES = {
    # --- NPS ---
    "nps.title": {"en": "Net Promoter Score", "ru": "Индекс NPS"},
    "nps.nps": {"en": "NPS", "ru": "NPS"},
    "nps.promoters": {"en": "Promoters (9–10)", "ru": "Промоутеры (9–10)"},
    "nps.passives": {"en": "Passives (7–8)", "ru": "Нейтралы (7–8)"},
    "nps.detractors": {"en": "Detractors (0–6)", "ru": "Критики (0–6)"},
    "nps.n": {"en": "Respondents", "ru": "Респондентов"},
    "nps.ci": {"en": "{level:.0f}% interval", "ru": "{level:.0f}% интервал"},
    "nps.all": {"en": "All", "ru": "Все"},
    "nps.group": {"en": "Group", "ru": "Группа"},
    "nps.period": {"en": "Period", "ru": "Период"},
    "nps.period.none": {"en": "whole period", "ru": "весь период"},
    "nps.period.M": {"en": "by month", "ru": "по месяцам"},
    "nps.period.Q": {"en": "by quarter", "ru": "по кварталам"},
    "nps.period.Y": {"en": "by year", "ru": "по годам"},
    "nps.segment": {"en": "Segment", "ru": "Сегмент"},
    "nps.compare_segments": {"en": "compare segments", "ru": "сравнить сегменты"},
    "nps.summary": {
        "en": "NPS = {nps} ({low} to {high}) from {answers}: {promoters} promoters, {detractors} detractors.",
        "ru": "NPS = {nps} (от {low} до {high}) по {answers}: промоутеров — {promoters}, критиков — {detractors}.",
    },
    "nps.summary_groups": {
        "en": "{groups} compared; highest NPS: {best} ({best_nps}), lowest: {worst} ({worst_nps}).",
        "ru": "В сравнении {groups}: самый высокий NPS — {best} ({best_nps}), самый низкий — {worst} ({worst_nps}).",
    },
    "nps.no_answers": {"en": "No answers to show.", "ru": "Нет ответов для показа."},
    # --- complaints ---
    "compl.title": {"en": "Complaints", "ru": "Жалобы"},
    "compl.pareto_title": {"en": "Refusal reasons (Pareto)", "ru": "Причины отказов (Парето)"},
    "compl.category": {"en": "Category", "ru": "Категория"},
    "compl.channel": {"en": "Channel", "ru": "Канал"},
    "compl.count": {"en": "Count", "ru": "Количество"},
    "compl.cumulative_share": {"en": "Cumulative share", "ru": "Накопленная доля"},
    "compl.complaints": {"en": "Complaints", "ru": "Жалобы"},
    "compl.median_days": {"en": "Median days to resolve", "ru": "Медиана дней до решения"},
    "compl.churn_rate": {"en": "Share of clients lost", "ru": "Доля ушедших клиентов"},
    "compl.group.never_complained": {"en": "Never complained", "ru": "Не жаловались"},
    "compl.group.resolved": {"en": "Complaint resolved", "ru": "Жалоба решена"},
    "compl.group.unresolved": {"en": "Complaint unresolved", "ru": "Жалоба не решена"},
    "compl.summary": {
        "en": "{complaints}, {resolved} resolved (median {days}); {open} open.",
        "ru": "{complaints}, решено {resolved} (медиана — {days}); открыто — {open}.",
    },
    "compl.churn_summary": {
        "en": "Clients lost: {never} of those who never complained, {resolved} after a resolved complaint, {unresolved} after an unresolved one.",
        "ru": "Доля ушедших клиентов: {never} среди не жаловавшихся, {resolved} — после решённой жалобы, {unresolved} — после нерешённой.",
    },
    # --- funnel ---
    "funnel.title": {"en": "Sales funnel", "ru": "Воронка продаж"},
    "funnel.stage.call": {"en": "Calls", "ru": "Звонки"},
    "funnel.stage.proposal": {"en": "Proposals", "ru": "Предложения"},
    "funnel.stage.meeting": {"en": "Meetings", "ru": "Встречи"},
    "funnel.stage.deal": {"en": "Deals", "ru": "Сделки"},
    "funnel.reached": {"en": "Leads reaching the stage", "ru": "Дошли до этапа"},
    "funnel.step_conversion": {"en": "Step conversion", "ru": "Конверсия шага"},
    "funnel.overall_conversion": {"en": "Overall conversion", "ru": "Сквозная конверсия"},
    "funnel.needed": {"en": "Needed", "ru": "Нужно"},
    "funnel.source": {"en": "Source", "ru": "Источник"},
    # --- closing the loop ---
    "loop.title": {"en": "Did the predicted clients leave?", "ru": "Ушли ли предсказанные клиенты?"},
    "loop.predicted_leave": {"en": "Predicted to leave", "ru": "Прогноз: уйдёт"},
    "loop.predicted_stay": {"en": "Predicted to stay", "ru": "Прогноз: останется"},
    "loop.left": {"en": "Left", "ru": "Ушёл"},
    "loop.stayed": {"en": "Stayed", "ru": "Остался"},
    "loop.contacted": {"en": "Contacted", "ru": "Был контакт"},
    "loop.outcome.caught": {"en": "predicted and left", "ru": "предсказан и ушёл"},
    "loop.outcome.false_alarm": {"en": "predicted but stayed", "ru": "предсказан, но остался"},
    "loop.outcome.missed": {"en": "left unpredicted", "ru": "ушёл без прогноза"},
    "loop.outcome.stayed": {"en": "stayed as predicted", "ru": "остался, как и ожидалось"},
    "loop.summary": {
        "en": "Of {predicted} predicted to leave, {hit} left; the list caught {recall} of the {left} who left.",
        "ru": "Из {predicted} с прогнозом ухода ушли {hit}; список охватил {recall} всех ушедших ({left}).",
    },
    # --- reading the results aloud (describe_*) ---
    "nps.overlap": {
        "en": "Their intervals overlap: the difference may be chance; ask more clients before "
        "acting on it.",
        "ru": "Их интервалы перекрываются: разница может быть случайной; опросите больше "
        "клиентов, прежде чем действовать.",
    },
    "nps.separate": {
        "en": "Their intervals do not overlap: the difference is unlikely to be chance.",
        "ru": "Их интервалы не перекрываются: вряд ли разница случайна.",
    },
    "compl.topics": {
        "en": "Most complaints are about {top} ({top_share}); the slowest to resolve: {slow} (median {slow_days}).",
        "ru": "Больше всего жалоб по теме «{top}» ({top_share}); дольше всего решаются жалобы по теме «{slow}» (медиана — {slow_days}).",
    },
    "compl.topics_open": {
        "en": "The most open complaints: {category} ({n_open} of {n}).",
        "ru": "Больше всего открытых жалоб по теме «{category}» ({n_open} из {n}).",
    },
    "compl.refusals": {
        "en": "{refusals}: the top {k} of {m} explain {share} of them — {reasons}.",
        "ru": "{refusals}; на {k} главных из {m} приходится {share} — {reasons}.",
    },
    "compl.no_refusals": {
        "en": "No refusals are recorded: start keeping refusal sheets — why did the client say "
        "no?",
        "ru": "Отказы не записаны: заведите отказные листы — почему клиент отказался?",
    },
    "funnel.describe": {
        "en": "Of {leads}, {deals} {became} ({rate}). Step conversions: {steps}.",
        "ru": "Из {leads} клиентами {became} {deals} ({rate}). Конверсия шагов: {steps}.",
    },
    "funnel.describe_sources": {
        "en": "Best source: {best} ({best_rate} of its leads became clients); worst: {worst} ({worst_rate}).",
        "ru": "Лучший источник — {best} (клиентами стали {best_rate} лидов); худший — {worst} ({worst_rate}).",
    },
    "funnel.plan": {
        "en": "To win {target} the funnel needs: {chain} (step conversions {convs}).",
        "ru": "Чтобы получить {target}, нужно: {chain} (конверсия шагов — {convs}).",
    },
    "loop.lift": {
        "en": "That is {lift} times the base rate of {base}: the list beats calling at random.",
        "ru": "Это в {lift} раза больше средней доли ушедших ({base}): список лучше, чем обзвон наугад.",
    },
    "loop.lift_weak": {
        "en": "That is only {lift} times the base rate of {base}: the list is barely better than random.",
        "ru": "Это лишь в {lift} раза больше средней доли ушедших ({base}): список почти не лучше случайного.",
    },
    "loop.second_round": {
        "en": "Second round: {caught} predicted and left — win them back one by one, by their "
        "reasons; {missed} left without warning — read their history to improve the model; "
        "{false_alarm} predicted but stayed — learn what kept them.",
        "ru": "Второй круг: предсказаны и ушли — {caught}: возвращаем по одному, по их причинам; "
        "ушли без прогноза — {missed}: изучаем их историю, чтобы улучшить модель; предсказаны, "
        "но остались — {false_alarm}: выясняем, что их удержало.",
    },
    "loop.next_list": {
        "en": "Scored today, {n_high} of {customers} have a risk of {threshold} or more: the list for the next round (steps 5–6).",
        "ru": "По сегодняшней оценке риск ухода {threshold} и выше — у {n_high} из {customers}: это список следующего круга (шаги 5–6).",
    },
    "compl.customer": {"en": "Client", "ru": "Клиент"},
    "compl.date": {"en": "Received", "ru": "Получена"},
    "compl.age_days": {"en": "Days open", "ru": "Дней открыта"},
    "funnel.became": {
        "en": "became a client|became clients",
        "ru": "стал|стали|стали",
    },
    # --- warnings of the computation (said through NoteWarning)
    "nps.warn.no_group": {
        "en": "NPS: answers without a group in by=, left out: {n}",
        "ru": "NPS: ответов без группы в by= — {n}, они не учтены",
    },
}
