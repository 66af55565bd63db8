"""Texts of step 5's action economics (workbench.action_economics); the workshop-file fields it
reads are explained with the others in :mod:`workbench._i18n.workshop_file`."""

MESSAGES = {
    # -- step 7 (deliverables): the value used and the unpriced offer --------------------------
    "deliv.col.clv": {"en": "Lifetime value (horizon)", "ru": "Ценность клиента за горизонт"},
    "deliv.col.clv_low": {"en": "Lifetime value, low", "ru": "Ценность клиента: от"},
    "deliv.col.clv_high": {"en": "Lifetime value, high", "ru": "Ценность клиента: до"},
    "deliv.note.value_clv": {
        "en": "A client's value over the horizon is the BG/NBD × Gamma-Gamma model's: on the "
              "last horizon of the client's own history it missed by {mae_clv} per client, "
              "last year's pace by {mae_run_rate}.",
        "ru": "Ценность клиента за горизонт — по модели BG/NBD × Gamma-Gamma: на последнем "
              "горизонте собственной истории она ошиблась на {mae_clv} на клиента, темп "
              "прошлого года — на {mae_run_rate}.",
    },
    "deliv.note.value_run_rate": {
        "en": "A client's value over the horizon is last year's pace: on the last horizon of "
              "the client's own history it missed by {mae_run_rate} per client, the BG/NBD × "
              "Gamma-Gamma model by {mae_clv} (or the model could not be checked).",
        "ru": "Ценность клиента за горизонт — по темпу прошлого года: на последнем горизонте "
              "собственной истории он ошибся на {mae_run_rate} на клиента, модель BG/NBD × "
              "Gamma-Gamma — на {mae_clv} (или модель не удалось проверить).",
    },
    "deliv.note.no_offer_cost": {
        "en": "The workshop file does not give the cost of the retention offer "
              "(decisions.offer_cost): the offer is not priced, nobody is marked as a target, "
              "and the lists show the value at risk only.",
        "ru": "В файле воркшопа не указана стоимость удерживающего предложения "
              "(decisions.offer_cost): предложение не оценено, никто не отмечен для контакта, "
              "в списках — только ценность под угрозой.",
    },
    # -- the table -----------------------------------------------------------------------------
    "act.kind.improvement": {"en": "improvement (step 3)", "ru": "улучшение (шаг 3)"},
    "act.kind.offer": {"en": "offer (step 6)", "ru": "предложение (шаг 6)"},
    "act.kind.retention": {"en": "retention offer", "ru": "удерживающее предложение"},
    "act.kind.acquisition": {"en": "lead acquisition", "ru": "привлечение лидов"},
    "act.name.retention": {"en": "offer to the clients at risk",
                           "ru": "предложение клиентам под риском"},
    "act.sourcing.in_house": {"en": "in-house", "ru": "своими силами"},
    "act.sourcing.bought": {"en": "bought in", "ru": "подрядчик"},
    "act.sourcing.none": {"en": "not stated", "ru": "не указано"},
    "act.reach.all": {"en": "all active clients", "ru": "все активные клиенты"},
    "act.reach.targets": {"en": "clients at risk worth the offer",
                          "ru": "клиенты под риском, которым предложение окупится"},
    "act.reach.leads": {"en": "new leads", "ru": "новые лиды"},
    "act.col.kind": {"en": "Kind", "ru": "Вид"},
    "act.col.name": {"en": "Action", "ru": "Действие"},
    "act.col.reach": {"en": "Whom it reaches", "ru": "Кого затрагивает"},
    "act.col.n_reached": {"en": "Clients reached", "ru": "Клиентов"},
    "act.col.sourcing": {"en": "Done by", "ru": "Кто делает"},
    "act.col.one_off_cost": {"en": "One-off cost", "ru": "Разовые затраты"},
    "act.col.cost_per_client": {"en": "Cost per client", "ru": "На клиента"},
    "act.col.cost": {"en": "Cost", "ru": "Затраты"},
    "act.col.assumption": {"en": "Assumed effect", "ru": "Допущение об эффекте"},
    "act.col.money": {"en": "Expected result", "ru": "Ожидаемый результат"},
    "act.col.net": {"en": "Net", "ru": "Чистый итог"},
    "act.col.roi": {"en": "ROI", "ru": "Рентабельность"},
    "act.col.payback": {"en": "Payback, months", "ru": "Окупаемость, мес."},
    "act.col.chosen": {"en": "Chosen", "ru": "Выбрано"},
    "act.yes": {"en": "yes", "ru": "да"},
    "act.no": {"en": "no", "ru": "нет"},
    "act.more": {"en": "{n} more", "ru": "ещё {n}"},
    "act.never": {"en": "never", "ru": "не окупается"},
    "act.not_priced": {"en": "not priced: fill {fields}", "ru": "не оценено: заполните {fields}"},
    "act.assume.retained": {"en": "keeps {share} of would-be leavers",
                            "ru": "удерживает {share} уходящих"},
    "act.assume.growth": {"en": "staying clients buy {share} more",
                          "ru": "остающиеся покупают на {share} больше"},
    "act.assume.acquisition": {
        "en": "{conversion} of leads become clients ({basis}), each worth {value}",
        "ru": "{conversion} лидов становятся клиентами ({basis}), каждый приносит {value}",
    },
    "act.basis.workshop": {"en": "workshop file", "ru": "файл воркшопа"},
    "act.basis.leads_table": {"en": "measured in the leads table",
                              "ru": "по таблице лидов"},
    # -- narrative -----------------------------------------------------------------------------
    "act.describe.none": {
        "en": "Step 5 cannot weigh the planned actions yet: the workshop file lacks {fields}. "
              "Nothing is priced until they are filled.",
        "ru": "Шаг 5 пока не может взвесить план действий: в файле воркшопа не заполнено: "
              "{fields}. Пока эти поля пусты, ничего не оценивается.",
    },
    "act.describe.summary": {
        "en": "Over {horizon}, {n_priced} of the {n} planned actions can be priced. The chosen "
              "set ({n_chosen}) costs {cost} and is expected to bring {money}: net {net}, ROI "
              "{roi}, payback {payback}.",
        "ru": "За {horizon} можно оценить {n_priced} из {n} запланированных действий. "
              "Выбранный набор ({n_chosen}) стоит {cost} и должен принести {money}: чистый "
              "итог {net}, рентабельность {roi}, окупаемость {payback}.",
    },
    "act.describe.nothing_chosen": {
        "en": "Over {horizon}, {n_priced} of the {n} planned actions can be priced; none of "
              "them is expected to pay back within the horizon, so none is chosen.",
        "ru": "За {horizon} можно оценить {n_priced} из {n} запланированных действий; ни одно "
              "не окупается за горизонт, поэтому ни одно не выбрано.",
    },
    "act.describe.overlap": {
        "en": "Each client counts once per horizon: {overlap} that several chosen actions "
        "would claim among the same clients is counted only for the one that keeps the most of "
        "it (the costs stay: every action still contacts them).",
        "ru": "Каждый клиент учтён один раз за горизонт: {overlap}, на которые претендовали бы "
        "несколько выбранных действий у одних и тех же клиентов, засчитаны только тому, что "
        "удерживает больше всех (затраты остаются: каждое действие с ними работает).",
    },
    "act.describe.best": {
        "en": "The best return: {name} (net {net}, ROI {roi}).",
        "ru": "Лучшая отдача: {name} (чистый итог {net}, рентабельность {roi}).",
    },
    "act.describe.worst": {
        "en": "Not worth it at these assumptions, the worst first: {names}.",
        "ru": "При этих допущениях не окупаются (худшие первыми): {names}.",
    },
    "act.describe.unpriced": {
        "en": "Not priced ({n}): fill {fields} in the workshop file.",
        "ru": "Не оценено ({n}): заполните в файле воркшопа {fields}.",
    },
    "act.describe.bought": {
        "en": "Bought in: {n_bought} of the chosen, for {cost}.",
        "ru": "У подрядчиков: {n_bought} из выбранных, на {cost}.",
    },
    "act.describe.value": {
        "en": "A client's value over the horizon: {method} (back-test error per client: "
              "model {mae_clv}, run rate {mae_run_rate}).",
        "ru": "Ценность клиента за горизонт: {method} (ошибка на клиента в обратной "
              "проверке: модель {mae_clv}, темп прошлого года {mae_run_rate}).",
    },
    "act.method.clv": {"en": "the BG/NBD × Gamma-Gamma model",
                       "ru": "модель BG/NBD × Gamma-Gamma"},
    "act.method.run_rate": {"en": "the pace of the last year",
                            "ru": "темп покупок последнего года"},
    "act.overlap": {
        "en": "Offers and improvements that reach the same clients as the retention offer are "
              "not deducted from each other: for such a pair the sum is an upper bound.",
        "ru": "Предложения и улучшения, затрагивающие тех же клиентов, что и удерживающее "
              "предложение, друг из друга не вычитаются: для такой пары сумма — оценка сверху.",
    },
    # -- plot and widget -----------------------------------------------------------------------
    "act.plot.title": {"en": "Cost and expected result of each action",
                       "ru": "Затраты и ожидаемый результат каждого действия"},
    "act.plot.cost": {"en": "cost", "ru": "затраты"},
    "act.plot.money": {"en": "expected result", "ru": "ожидаемый результат"},
    "act.plot.xlabel": {"en": "money over the horizon", "ru": "деньги за горизонт"},
    "act.plot.empty": {"en": "no action is priced", "ru": "ни одно действие не оценено"},
    "act.panel.title": {"en": "Planned actions: change the assumptions, choose the set",
                        "ru": "План действий: меняйте допущения, выбирайте набор"},
    "act.panel.action": {"en": "Action", "ru": "Действие"},
    "act.panel.chosen": {"en": "Chosen", "ru": "Выбрано"},
    "act.panel.retained": {"en": "Keeps", "ru": "Удерживает"},
    "act.panel.growth": {"en": "Growth", "ru": "Рост"},
    "act.panel.cost_per_client": {"en": "Per client", "ru": "На клиента"},
    "act.panel.one_off_cost": {"en": "One-off", "ru": "Разово"},
    "act.panel.conversion": {"en": "Conversion", "ru": "Конверсия"},
}
