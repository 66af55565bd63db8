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
        "en": "NPS = {nps:+.0f} ({low:+.0f} to {high:+.0f}) from {n} answers: "
        "{promoters:.0f}% promoters, {detractors:.0f}% detractors.",
        "ru": "NPS = {nps:+.0f} (от {low:+.0f} до {high:+.0f}) по {n} ответам: "
        "промоутеров {promoters:.0f}%, критиков {detractors:.0f}%.",
    },
    "nps.summary_groups": {
        "en": "{k} groups; highest NPS: {best} ({best_nps:+.0f}), lowest: {worst} "
        "({worst_nps:+.0f}).",
        "ru": "Групп: {k}; самый высокий NPS: {best} ({best_nps:+.0f}), самый низкий: {worst} "
        "({worst_nps:+.0f}).",
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
        "en": "{n} complaints, {resolved:.0f}% resolved (median {days:.1f} days); {open} open.",
        "ru": "Жалоб: {n}, решено {resolved:.0f}% (медиана {days:.1f} дн.); открыто: {open}.",
    },
    "compl.churn_summary": {
        "en": "Clients lost: {never} of those who never complained, {resolved} after a resolved "
        "complaint, {unresolved} after an unresolved one.",
        "ru": "Ушло клиентов: {never} среди не жаловавшихся, {resolved} — после решённой жалобы, "
        "{unresolved} — после нерешённой.",
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
        "en": "Of {n_predicted} clients predicted to leave, {hit} left; the list caught {recall} "
        "of the {n_left} who left.",
        "ru": "Клиентов с прогнозом ухода: {n_predicted}, из них ушли {hit}; список охватил "
        "{recall} всех ушедших (ушли: {n_left}).",
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
        "en": "Most complaints are about {top} ({top_share:.0f}%); the slowest to resolve: "
        "{slow} (median {slow_days:.0f} days).",
        "ru": "Больше всего жалоб — {top} ({top_share:.0f}%); дольше всего решаются: {slow} "
        "(медиана {slow_days:.0f} дн.).",
    },
    "compl.topics_open": {
        "en": "The most open complaints: {category} ({n_open} of {n}).",
        "ru": "Больше всего открытых жалоб: {category} ({n_open} из {n}).",
    },
    "compl.refusals": {
        "en": "{n} refusals: the top {k} of {m} reasons explain {share:.0f}% of them — "
        "{reasons}.",
        "ru": "Отказов: {n}; на первые {k} из {m} причин приходится {share:.0f}% — {reasons}.",
    },
    "compl.no_refusals": {
        "en": "No refusals are recorded: start keeping refusal sheets — why did the client say "
        "no?",
        "ru": "Отказы не записаны: заведите отказные листы — почему клиент отказался?",
    },
    "funnel.describe": {
        "en": "Of {n} leads, {deals} became clients ({rate:.1f}%). Step conversions: {steps}.",
        "ru": "Из {n} лидов клиентами стали {deals} ({rate:.1f}%). Конверсия шагов: {steps}.",
    },
    "funnel.describe_sources": {
        "en": "Best source: {best} ({best_rate:.1f}% of its leads became clients); worst: "
        "{worst} ({worst_rate:.1f}%).",
        "ru": "Лучший источник: {best} (клиентами стали {best_rate:.1f}% лидов); худший: "
        "{worst} ({worst_rate:.1f}%).",
    },
    "funnel.plan": {
        "en": "New clients wanted: {target}. Work needed: {chain} (step conversions {convs}).",
        "ru": "Нужно новых клиентов: {target}. Для этого: {chain} (конверсии шагов {convs}).",
    },
    "loop.lift": {
        "en": "That is {lift:.1f} times the base rate of {base}: the list beats calling at "
        "random.",
        "ru": "Это в {lift:.1f} раза больше средней доли ушедших ({base}): список лучше, чем "
        "обзвон наугад.",
    },
    "loop.lift_weak": {
        "en": "That is only {lift:.1f} times the base rate of {base}: the list is barely better "
        "than random.",
        "ru": "Это лишь в {lift:.1f} раза больше средней доли ушедших ({base}): список почти не "
        "лучше случайного.",
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
        "en": "Scored today, {n_high} of {n} clients have a risk of {threshold:.0f}% or more: "
        "the list for the next round (steps 5–6).",
        "ru": "По сегодняшней оценке риск ухода {threshold:.0f}% и выше у {n_high} из {n} "
        "клиентов: это список следующего круга (шаги 5–6).",
    },
    "compl.customer": {"en": "Client", "ru": "Клиент"},
    "compl.date": {"en": "Received", "ru": "Получена"},
    "compl.age_days": {"en": "Days open", "ru": "Дней открыта"},
}
