"""Texts of the churn model and retention economics (keys ``churn.`` and ``econ.``)."""

MESSAGES = {
    # features (business names)
    "churn.feature.recency_days": {"en": "Days since last purchase", "ru": "Дней с последней покупки"},
    "churn.feature.frequency": {"en": "Purchase days", "ru": "Дней с покупками"},
    "churn.feature.monetary": {"en": "Net revenue to date", "ru": "Чистая выручка за всё время"},
    "churn.feature.avg_purchase_value": {"en": "Average purchase", "ru": "Средняя покупка"},
    "churn.feature.tenure_days": {"en": "Days since first purchase", "ru": "Дней с первой покупки"},
    "churn.feature.gap_mean_days": {
        "en": "Usual days between purchases",
        "ru": "Обычный интервал между покупками, дней",
    },
    "churn.feature.gap_std_days": {
        "en": "Spread of days between purchases",
        "ru": "Разброс интервалов между покупками, дней",
    },
    "churn.feature.gap_cv": {
        "en": "Irregularity of purchases",
        "ru": "Нерегулярность покупок",
    },
    "churn.feature.overdue_ratio": {
        "en": "Overdue vs own rhythm (recency / usual gap)",
        "ru": "Просрочка относительно своего ритма (давность / обычный интервал)",
    },
    "churn.feature.n_30d": {"en": "Purchase days, last 30 days", "ru": "Дней с покупками за 30 дней"},
    "churn.feature.n_90d": {"en": "Purchase days, last 90 days", "ru": "Дней с покупками за 90 дней"},
    "churn.feature.n_180d": {
        "en": "Purchase days, last 180 days",
        "ru": "Дней с покупками за 180 дней",
    },
    "churn.feature.revenue_30d": {"en": "Revenue, last 30 days", "ru": "Выручка за 30 дней"},
    "churn.feature.revenue_90d": {"en": "Revenue, last 90 days", "ru": "Выручка за 90 дней"},
    "churn.feature.revenue_180d": {"en": "Revenue, last 180 days", "ru": "Выручка за 180 дней"},
    "churn.feature.trend_90d": {
        "en": "Trend: last 90 days vs previous 90",
        "ru": "Динамика: последние 90 дней к предыдущим 90",
    },
    "churn.feature.returns_share": {"en": "Share of returns", "ru": "Доля возвратов"},
    "churn.feature.profit": {"en": "Profit to date", "ru": "Прибыль за всё время"},
    "churn.feature.margin": {"en": "Margin", "ru": "Маржинальность"},
    "churn.feature.complaints": {"en": "Complaints", "ru": "Жалобы"},
    "churn.feature.refusals": {"en": "Refusals", "ru": "Отказы"},
    "churn.feature.unresolved_complaints": {
        "en": "Unresolved complaints",
        "ru": "Нерешённые жалобы",
    },
    "churn.feature.resolution_days_mean": {
        "en": "Average days to resolve a complaint",
        "ru": "Среднее время решения жалобы, дней",
    },
    "churn.feature.last_nps": {"en": "Last NPS answer", "ru": "Последняя оценка NPS"},
    "churn.feature.bgnbd_p_alive": {
        "en": "BG/NBD: probability still a client",
        "ru": "BG/NBD: вероятность, что клиент ещё с нами",
    },
    "churn.feature.bgnbd_p_no_purchase": {
        "en": "BG/NBD: probability of no purchase in the horizon",
        "ru": "BG/NBD: вероятность не купить за горизонт",
    },
    "churn.feature.bgnbd_expected_purchases": {
        "en": "BG/NBD: expected purchases in the horizon",
        "ru": "BG/NBD: ожидаемое число покупок за горизонт",
    },
    "churn.feature.type": {"en": "Type", "ru": "Тип"},
    "churn.feature.source": {"en": "Source", "ru": "Источник"},
    "churn.feature.segment": {"en": "Segment", "ru": "Сегмент"},
    "churn.feature.region": {"en": "Region", "ru": "Регион"},
    "churn.onehot": {"en": "{column}: {value}", "ru": "{column}: {value}"},
    "churn.reason": {
        "en": "{feature}: {value} (typical: {typical})",
        "ru": "{feature}: {value} (обычно: {typical})",
    },
    # bands
    "churn.band.low": {"en": "low risk", "ru": "низкий риск"},
    "churn.band.medium": {"en": "medium risk", "ru": "средний риск"},
    "churn.band.high": {"en": "high risk", "ru": "высокий риск"},
    "churn.band": {"en": "Risk band", "ru": "Группа риска"},
    # plots
    "churn.probability": {"en": "Churn probability", "ru": "Вероятность ухода"},
    "churn.observed_rate": {"en": "Observed churn rate", "ru": "Фактическая доля ушедших"},
    "churn.mean_predicted": {"en": "Mean predicted probability", "ru": "Средний прогноз"},
    "churn.perfect": {"en": "Perfect calibration", "ru": "Идеальная калибровка"},
    "churn.model": {"en": "Model", "ru": "Модель"},
    "churn.recency_baseline": {"en": "Recency baseline", "ru": "Базовая модель по давности"},
    "churn.calibration_title": {
        "en": "Do the probabilities hold? Predicted vs observed churn",
        "ru": "Сбываются ли прогнозы? Прогноз и факт ухода",
    },
    "churn.bands_title": {
        "en": "Clients by churn risk",
        "ru": "Клиенты по риску ухода",
    },
    "churn.importance": {
        "en": "Importance (drop in ROC AUC when shuffled)",
        "ru": "Важность (падение ROC AUC при перемешивании)",
    },
    "churn.importance_title": {
        "en": "What drives the churn forecast",
        "ru": "Что определяет прогноз ухода",
    },
    # economics
    "econ.n_targeted": {"en": "Clients targeted", "ru": "Клиентов в кампании"},
    "econ.cumulative_gain": {"en": "Expected net gain", "ru": "Ожидаемый чистый эффект"},
    "econ.gain_title": {
        "en": "Is it worth it? Net gain by number of clients targeted",
        "ru": "Стоит ли овчинка выделки? Чистый эффект от числа клиентов в кампании",
    },
    "econ.optimum": {
        "en": "Optimum: {customers}, {gain}",
        "ru": "Оптимум: {customers}, {gain}",
    },
    "econ.offer_cost": {"en": "Offer cost", "ru": "Стоимость предложения"},
    "econ.success_rate": {"en": "Success rate", "ru": "Доля удержанных"},
    "econ.horizon": {"en": "Horizon", "ru": "Горизонт"},
    "econ.threshold": {"en": "Probability threshold", "ru": "Порог вероятности"},
    "econ.retention_title": {
        "en": "Retention campaign: whom to make an offer",
        "ru": "Кампания удержания: кому делать предложение",
    },
    "econ.threshold_title": {
        "en": "Threshold: what the decision costs and brings",
        "ru": "Порог: во что обходится решение и что оно приносит",
    },
    "econ.summary": {
        "en": "Target <b>{n}</b> of {total}: expected net gain <b>{gain}</b> (value at risk among them {risk}, offers cost {cost}).",
        "ru": "Предложение — <b>{n}</b> из {total}: ожидаемый чистый эффект <b>{gain}</b> (под риском у них {risk}, предложения стоят {cost}).",
    },
    "econ.summary_none": {
        "en": "No client is worth the offer at these settings: every expected gain is below "
        "the offer cost.",
        "ru": "При этих условиях предложение не окупается ни для одного клиента: ожидаемый "
        "эффект везде меньше стоимости предложения.",
    },
    "econ.confusion_summary": {
        "en": "Threshold {threshold}: the offer goes to {customers}; net result of the campaign <b>{net}</b> (saved {saved}, wasted on clients who would have stayed {wasted}); value lost with churners not targeted {missed}.",
        "ru": "Порог {threshold}: предложение получают {customers}; чистый итог кампании <b>{net}</b> (сохранено {saved}, потрачено на тех, кто остался бы и так, {wasted}); потеряно с ушедшими без предложения {missed}.",
    },
    "econ.actual": {"en": "What happened", "ru": "Что произошло"},
    "econ.decision": {"en": "Decision", "ru": "Решение"},
    "econ.churned": {"en": "left", "ru": "ушёл"},
    "econ.stayed": {"en": "stayed", "ru": "остался"},
    "econ.targeted": {"en": "offer", "ru": "предложение"},
    "econ.not_targeted": {"en": "no offer", "ru": "без предложения"},
    "econ.money_title": {
        "en": "The confusion matrix in money",
        "ru": "Матрица ошибок в деньгах",
    },
    "econ.value_at_risk": {"en": "Value at risk", "ru": "Ценность под риском"},
    "econ.expected_gain": {"en": "Expected gain of an offer", "ru": "Ожидаемый эффект предложения"},
    # read aloud (describe_*)
    "churn.describe.labels": {
        "en": "Of {n} clients who had bought by {asof}, {churned} ({rate}) made no purchase in "
        "the following {days} days: for this horizon, they churned. {stayed} ({stay_rate}) "
        "bought again.",
        "ru": "Из {n} клиентов, покупавших до {asof} включительно, {churned} ({rate}) не "
        "сделали ни одной покупки за следующие {days} дн.: для этого горизонта они ушли. "
        "{stayed} ({stay_rate}) купили снова.",
    },
    "churn.history.enough": {
        "en": "This part needs purchases from {needed} or earlier ({n} × the churn horizon of "
        "{days} days before {asof}); the first purchase is on {first}: enough history.",
        "ru": "Для этой части нужны покупки не позже {needed} ({n} × горизонт оттока в {days} "
        "дн. до {asof}); первая покупка — {first}: истории достаточно.",
    },
    "churn.history.short": {
        "en": "This part needs purchases from {needed} or earlier ({n} × the churn horizon of "
        "{days} days before {asof}), but the first purchase is on {first}: {short} days of "
        "history are missing. The part is skipped; add older transactions or choose a "
        "shorter horizon.",
        "ru": "Для этой части нужны покупки не позже {needed} ({n} × горизонт оттока в {days} "
        "дн. до {asof}), а первая покупка — {first}: не хватает {short} дн. истории. Часть "
        "пропущена; добавьте более ранние транзакции или выберите более короткий горизонт.",
    },
    "churn.history.none": {
        "en": "This part needs purchases from {needed} or earlier ({n} × the churn horizon of "
        "{days} days before {asof}), but the transactions hold no purchase (amount > 0). The "
        "part is skipped.",
        "ru": "Для этой части нужны покупки не позже {needed} ({n} × горизонт оттока в {days} "
        "дн. до {asof}), но в транзакциях нет ни одной покупки (сумма > 0). Часть пропущена.",
    },
    "churn.describe.labels_empty": {
        "en": "No client had bought by this date: there is nobody to label.",
        "ru": "До этой даты никто не покупал: размечать некого.",
    },
    "churn.describe.eval_rank": {
        "en": "Checked out of time on {n} clients ({base} of them churned): ROC AUC {auc} "
        "against {auc_b} for recency alone, average precision {ap} against {ap_b}. The 10% "
        "riskiest clients churn {lift} times as often as the average client (recency: "
        "{lift_b} times).",
        "ru": "Проверка на будущем периоде, {n} клиентов ({base} из них ушли): ROC AUC {auc} "
        "против {auc_b} у одной давности покупки, средняя точность (AP) {ap} против {ap_b}. "
        "10% клиентов с наибольшим риском уходят в {lift} раза чаще среднего (по давности: "
        "в {lift_b} раза).",
    },
    "churn.describe.eval_calib": {
        "en": "Brier score {brier} against {brier_b} (lower is better). On average the model "
        "predicted {pred} churn and {base} happened; the largest gap is for predictions "
        "{lo}–{hi}: predicted {bin_pred}, observed {bin_obs} ({bin_n} clients).",
        "ru": "Оценка Брайера {brier} против {brier_b} (меньше — лучше). В среднем модель "
        "предсказала уход {pred}, а ушли {base}; сильнее всего прогноз расходится с фактом в "
        "диапазоне {lo}–{hi}: прогноз {bin_pred}, факт {bin_obs} ({bin_n} клиентов).",
    },
    "churn.describe.eval_verdict": {
        "en": "The model beats the recency baseline on {k} of 4 measures.",
        "ru": "Модель лучше базовой (по давности) по {k} из 4 показателей.",
    },
    "churn.ranking.model": {
        "en": "On the client's own last horizon the model ranks leavers better than recency "
        "(ROC AUC {auc} against {auc_r}; it had to be at least {gain} higher with a Brier "
        "score no worse): the contact list is ranked by the model.",
        "ru": "На последнем горизонте собственной истории клиента модель упорядочивает уходящих "
        "лучше, чем давность (ROC AUC {auc} против {auc_r}; нужно было превзойти хотя бы на "
        "{gain} при оценке Брайера не хуже): список для контакта упорядочен по модели.",
    },
    "churn.ranking.recency": {
        "en": "On the client's own last horizon the model is no better than recency (ROC AUC "
        "{auc} against {auc_r}; it had to be at least {gain} higher with a Brier score no "
        "worse): the contact list is ranked by the simple rule — the days since the last "
        "purchase — and the churn probabilities are those of the recency curve.",
        "ru": "На последнем горизонте собственной истории клиента модель не лучше давности "
        "(ROC AUC {auc} против {auc_r}; нужно было превзойти хотя бы на {gain} при оценке "
        "Брайера не хуже): список для контакта упорядочен по простому правилу — дням с "
        "последней покупки, а вероятности ухода взяты с кривой давности.",
    },
    "churn.ranking.unchecked": {
        "en": "The history is too short to check the model one horizon back against recency: "
        "the contact list is ranked by the model, unchecked.",
        "ru": "История слишком коротка, чтобы проверить модель на горизонт назад против "
        "давности: список для контакта упорядочен по модели без проверки.",
    },
    "churn.note.recency_rule": {
        "en": "The churn model was no better than recency on the last horizon (ROC AUC "
        "{roc_auc_model} against {roc_auc_recency}, {min_auc_gain} more needed): the lists "
        "are ranked by the days since the last purchase.",
        "ru": "Модель ухода оказалась не лучше давности на последнем горизонте (ROC AUC "
        "{roc_auc_model} против {roc_auc_recency}, нужно было на {min_auc_gain} больше): "
        "списки упорядочены по дням с последней покупки.",
    },
    "churn.describe.drivers": {
        "en": "What moves the forecast most (drop in ROC AUC when the feature is shuffled): "
        "{drivers}.",
        "ru": "Сильнее всего на прогноз влияют (падение ROC AUC при перемешивании признака): "
        "{drivers}.",
    },
    "churn.describe.service": {
        "en": "Service history, rank among {n} features: {ranks}.",
        "ru": "История обслуживания, место среди {n} признаков: {ranks}.",
    },
    "churn.describe.no_service": {
        "en": "No complaints or NPS were given to the model: it sees purchases only.",
        "ru": "Жалоб и NPS у модели не было: она видит только покупки.",
    },
    "churn.describe.risk": {
        "en": "{n} clients scored: high risk ({hi}+) {n_high} ({s_high}), medium {n_med} "
        "({s_med}), low (below {lo}) {n_low} ({s_low}). The average probability of no "
        "purchase in the horizon is {mean}.",
        "ru": "Оценено клиентов: {n}. Высокий риск ({hi} и выше): {n_high} ({s_high}), "
        "средний: {n_med} ({s_med}), низкий (ниже {lo}): {n_low} ({s_low}). Средняя "
        "вероятность не купить за горизонт — {mean}.",
    },
    "econ.describe.plan": {
        "en": "With an offer costing {cost} per client that keeps {rate} of would-be leavers, "
        "it pays to make it to {n} of {total} clients: expected net gain {gain} (the offers "
        "cost {spend} and are expected to save {saved}). Value at risk over the horizon: "
        "{var_all} across all clients, {var_t} ({var_share}) among those targeted.",
        "ru": "Если предложение стоит {cost} на клиента и удерживает {rate} собиравшихся "
        "уйти, его выгодно сделать {n} из {total} клиентов: ожидаемый чистый эффект {gain} "
        "(предложения стоят {spend}, ожидаемо сохранят {saved}). Ценность под риском за "
        "горизонт: {var_all} по всем клиентам, {var_t} ({var_share}) — у выбранных.",
    },
    "econ.describe.plan_generic": {
        "en": "It pays to make the offer to {n} of {total} clients: expected net gain {gain}. "
        "Value at risk over the horizon: {var_all} across all clients, {var_t} ({var_share}) "
        "among those targeted.",
        "ru": "Предложение выгодно сделать {n} из {total} клиентов: ожидаемый чистый эффект "
        "{gain}. Ценность под риском за горизонт: {var_all} по всем клиентам, {var_t} "
        "({var_share}) — у выбранных.",
    },
    "econ.describe.plan_none": {
        "en": "At these settings the offer pays for none of the {total} clients: for each of "
        "them the expected saving is below the cost. Value at risk over the horizon: {var_all}.",
        "ru": "При этих условиях предложение не окупается ни для одного из {total} клиентов: "
        "ожидаемая экономия у каждого меньше стоимости. Ценность под риском за горизонт: "
        "{var_all}.",
    },
    "econ.describe.plan_segment": {
        "en": "Most of the gain is in “{segment}”: {n} clients to target, {gain} ({share} "
        "of the total).",
        "ru": "Больше всего эффекта в группе «{segment}»: {n} клиентов для предложения, "
        "{gain} ({share} от всего).",
    },
    "econ.describe.confusion": {
        "en": "Back-test: had every client with a probability of at least {threshold} got the "
        "offer, {n} clients would have been contacted, {tp} of whom then left. Net result "
        "{net}: {saved} saved on leavers, {wasted} spent on clients who stayed anyway. "
        "{fn} leavers were not contacted; they took {missed} with them.",
        "ru": "Проверка на прошлом: если бы предложение получили все клиенты с вероятностью "
        "не ниже {threshold}, это {n} клиентов, из которых {tp} потом ушли. Чистый итог "
        "{net}: сохранено {saved} на уходивших, потрачено {wasted} на тех, кто остался бы и "
        "так. {fn} ушедших остались без предложения; они унесли {missed}.",
    },
    # display table headers
    "econ.col.segment": {"en": "Group", "ru": "Группа"},
    "econ.col.n": {"en": "Clients", "ru": "Клиентов"},
    "econ.col.n_target": {"en": "To target", "ru": "Сделать предложение"},
    "econ.col.value_at_risk": {"en": "Value at risk", "ru": "Ценность под риском"},
    "econ.col.expected_gain": {
        "en": "Expected net gain (targeted)",
        "ru": "Ожидаемый чистый эффект (выбранные)",
    },
    "econ.col.mean_probability": {
        "en": "Mean churn probability, %",
        "ru": "Средняя вероятность ухода, %",
    },
    "econ.col.missing": {"en": "(not set)", "ru": "(не задано)"},
    # --- warnings of the computation (said through NoteWarning)
    "churn.warn.survey_no_date_column": {
        "en": "the survey has no “date” column: NPS answers cannot be placed in time, so the churn "
              "features do not use them (they could leak the future)",
        "ru": "в опросе нет столбца «date»: ответы NPS нельзя привязать ко времени, поэтому модель "
              "ухода их не использует (они могли бы заглянуть в будущее)",
    },
    "churn.warn.survey_undated": {
        "en": "survey: NPS answers without a date, not used by the churn features: {n} (an undated "
              "answer could come from after the scoring date)",
        "ru": "опрос: ответов NPS без даты — {n}; модель ухода их не использует (ответ без даты мог "
              "быть дан после даты оценки)",
    },
}
