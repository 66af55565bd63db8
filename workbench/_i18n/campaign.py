"""Texts of the second round: the control group (step 7) and the measured effect (step 8)
(keys ``campaign.``)."""

_NB = "\u00a0"

MESSAGES = {
    # step 7: the plan
    "campaign.plan": {
        "en": ("The campaign: {n} on {lists} as of {asof}. {treated} are to be contacted from "
               "{start}; {control} ({share} of each list, drawn at random with seed {seed}) are "
               "the control group — do not contact them until {end}. Comparing the two groups "
               "is how step 8 will measure what each offer did."),
        "ru": ("Кампания: {n} в {lists} на {asof}. Контакт начиная с {start}: {treated}; "
               "контрольная группа: {control} ({share} каждого списка, выбраны случайно с "
               "зерном {seed}) — не связываться с ними до {end}. Сравнение двух групп "
               "покажет на шаге 8, что дало каждое предложение."),
    },
    "campaign.plan_none": {
        "en": ("The control share is 0: every listed client will be contacted, and step 8 will "
               "have nothing to compare them with — the effect of the offers cannot be "
               "measured."),
        "ru": ("Доля контрольной группы — 0: со всеми клиентами из списков свяжутся, и шагу 8 "
               "не с кем будет их сравнить — эффект предложений измерить не получится."),
    },
    "campaign.small_lists": {
        "en": ("{lists} too small for a control group at this share: their effect will not "
               "be measurable."),
        "ru": ("{lists} слишком малы для контрольной группы при такой доле: их эффект "
               "измерить не получится."),
    },
    "campaign.list_word": {"en": "list|lists", "ru": "списке|списках|списках"},
    "campaign.list_word_nom": {"en": "list|lists", "ru": "список|списка|списков"},
    # the record in the workbook
    "campaign.sheet.control": {"en": "Control group", "ru": "Контрольная группа"},
    "campaign.col.list": {"en": "List", "ru": "Список"},
    "campaign.col.offer": {"en": "Offer (not made)", "ru": "Предложение (не делать)"},
    "campaign.col.do_not_contact": {"en": "Do not contact", "ru": "Не связываться"},
    "campaign.do_not_contact": {
        "en": "Do not contact until {end}: control group",
        "ru": f"Не связываться до{_NB}{{end}}: контрольная группа",
    },
    "campaign.sheet.note": {
        "en": ("Control group: {n} of the listed clients ({share} of each list, seed {seed}) "
               "are held out on the sheet «{sheet}» and are NOT on the strategy sheets: do not "
               "contact them until {end}. {file} records who was contacted, with which offer, "
               "and who was held out — keep it for step 8."),
        "ru": ("Контрольная группа: {n} из клиентов списков ({share} каждого списка, зерно "
               "{seed}) вынесены на лист «{sheet}» и НЕ стоят на листах стратегий: не "
               "связываться с ними до {end}. {file} хранит, с кем и с каким предложением "
               "связались и кто оставлен без контакта, — сохраните его для шага 8."),
    },
    "campaign.setting.control": {"en": "Control group", "ru": "Контрольная группа"},
    "campaign.setting.seed": {"en": "Seed of the control draw", "ru": "Зерно выбора контрольной группы"},
    "campaign.setting.start": {"en": "Contacts start", "ru": "Начало контактов"},
    # step 8: the measurement
    "campaign.none": {
        "en": ("This folder holds no first round to measure: step 7 writes {file} beside "
               "actions.xlsx — put it into the data folder together with the transactions "
               "after the campaign (a new transactions export, or {followup}) and run this "
               "step again."),
        "ru": ("В этой папке нет первого круга, который можно измерить: шаг 7 пишет {file} "
               "рядом с actions.xlsx — положите его в папку данных вместе с продажами после "
               "кампании (новой выгрузкой транзакций или файлом {followup}) и запустите этот "
               "шаг снова."),
    },
    "campaign.window": {
        "en": ("The first round of {asof}: {treated} contacted, {control} held out as control; "
               "we compare them over {start} – {end_incl}."),
        "ru": ("Первый круг от {asof}: {treated} — контакт, {control} — контрольная группа без "
               "контакта; сравниваем их за {start} – {end_incl}."),
    },
    "campaign.partial": {
        "en": ("The transactions stop at {observed}, before the window ends ({end_incl}): "
               "this is the effect so far."),
        "ru": ("Продажи заканчиваются {observed}, раньше конца окна ({end_incl}): это эффект "
               "на сегодня."),
    },
    "campaign.row.kept": {
        "en": ("{list}: the contact worked — of every 100 clients contacted, {d} more were "
               "still buying than without a contact (between {lo} and {hi}, at {level} "
               "confidence; {bt} against {bc}); revenue per client {rt} against {rc}."),
        "ru": ("{list}: контакт сработал — из каждых 100 клиентов, с которыми связались, "
               "покупали на {d} больше, чем без контакта (от {lo} до {hi}, с доверием "
               "{level}; {bt} против {bc}); выручка на клиента {rt} против {rc}."),
    },
    "campaign.row.lost": {
        "en": ("{list}: the contact did harm — of every 100 clients contacted, {d} fewer were "
               "still buying than without a contact (between {lo} and {hi}, at {level} "
               "confidence; {bt} against {bc}); revenue per client {rt} against {rc}."),
        "ru": ("{list}: контакт навредил — из каждых 100 клиентов, с которыми связались, "
               "покупали на {d} меньше, чем без контакта (от {lo} до {hi}, с доверием "
               "{level}; {bt} против {bc}); выручка на клиента {rt} против {rc}."),
    },
    "campaign.row.unclear": {
        "en": ("{list}: no effect distinguishable from zero with {nt} contacted and {nc} in "
               "control — of every 100 clients contacted, {dd} than without a contact, but "
               "anywhere between {lo} and {hi} is possible ({bt} against {bc} still buying)."),
        "ru": ("{list}: эффект не отличить от нуля при {nt} с контактом и {nc} в контроле — "
               "из каждых 100 клиентов, с которыми связались, {dd}, чем без контакта, но "
               "возможно что угодно от {lo} до {hi} (покупали {bt} против {bc})."),
    },
    "campaign.more": {"en": "{d} more were buying", "ru": "покупали на {d} больше"},
    "campaign.fewer": {"en": "{d} fewer were buying", "ru": "покупали на {d} меньше"},
    "campaign.same": {"en": "as many were buying", "ru": "покупали столько же"},
    "campaign.row.no_control": {
        "en": ("{list}: no control group ({nt} contacted, nobody held out), so its effect "
               "cannot be measured."),
        "ru": ("{list}: контрольной группы нет ({nt} с контактом, без контакта никого), "
               "поэтому эффект измерить нельзя."),
    },
    "campaign.power": {
        "en": ("To see {what} the next round needs about {n} in each group: a control group "
               "of {n_control}, {share} of a list this size."),
        "ru": ("Чтобы увидеть {what}, следующему кругу нужно около {n} в каждой группе: "
               "контрольная группа из {n_control}, {share} списка такого размера."),
    },
    "campaign.power_big": {
        "en": ("To see {what} the next round needs about {n} in each group — more than this "
               "list holds: pool it with similar lists or measure over a longer window."),
        "ru": ("Чтобы увидеть {what}, следующему кругу нужно около {n} в каждой группе — "
               "больше, чем в этом списке: объедините его с похожими списками или измеряйте "
               "дольше."),
    },
    "campaign.what_assumed": {
        "en": "the effect step 5 assumed ({rate} of would-be leavers kept, {d} in 100)",
        "ru": ("эффект, который предполагал шаг 5 (удержать {rate} тех, кто ушёл бы, — {d} "
               "из 100)"),
    },
    "campaign.what_observed": {
        "en": "an effect of the size measured ({d} in 100)",
        "ru": "эффект измеренного размера ({d} из 100)",
    },
    "campaign.overall": {
        "en": ("Over all lists the contacts kept {rate} of the clients who would otherwise have "
               "left (between {lo} and {hi}). This measured success rate replaces the {assumed} "
               "step 5 assumed in the next round."),
        "ru": ("По всем спискам контакты удержали {rate} клиентов, которые иначе ушли бы (от "
               "{lo} до {hi}). Этот измеренный процент успеха заменяет во втором круге {assumed}, "
               "которые предполагал шаг 5."),
    },
    "campaign.overall_no_assumed": {
        "en": ("Over all lists the contacts kept {rate} of the clients who would otherwise have "
               "left (between {lo} and {hi}): the success rate of the next round's step 5."),
        "ru": ("По всем спискам контакты удержали {rate} клиентов, которые иначе ушли бы (от "
               "{lo} до {hi}): это процент успеха для шага 5 следующего круга."),
    },
    "campaign.overall_unclear": {
        "en": ("Over all lists the contacts kept {rate} of the clients who would otherwise have "
               "left, but anywhere between {lo} and {hi} is possible: the next round's step 5 "
               "takes this measured rate instead of a guess — read its interval before "
               "promising money on it, and give the next round a larger control group."),
        "ru": ("По всем спискам контакты удержали {rate} клиентов, которые иначе ушли бы, но "
               "возможно что угодно от {lo} до {hi}: шаг 5 следующего круга берёт этот "
               "измеренный процент вместо догадки — прочитайте его интервал, прежде чем "
               "обещать по нему деньги, и дайте следующему кругу контрольную группу больше."),
    },
    "campaign.overall_none": {
        "en": "No list had a control group, so no success rate could be measured.",
        "ru": "Ни в одном списке не было контрольной группы, поэтому процент успеха не измерен.",
    },
    # the table
    "campaign.col.n_treated": {"en": "Contacted", "ru": "С контактом"},
    "campaign.col.n_control": {"en": "Control", "ru": "Контроль"},
    "campaign.col.total": {"en": "On the list", "ru": "В списке"},
    "campaign.col.buying_treated": {"en": "Still buying, contacted", "ru": "Покупают, с контактом"},
    "campaign.col.buying_control": {"en": "Still buying, control", "ru": "Покупают, контроль"},
    "campaign.col.uplift": {"en": "Difference, pp", "ru": "Разница, п.\u00a0п."},
    "campaign.col.interval": {"en": "Interval, pp", "ru": "Интервал, п.\u00a0п."},
    "campaign.col.revenue_treated": {"en": "Revenue per client, contacted",
                                     "ru": "Выручка на клиента, с контактом"},
    "campaign.col.revenue_control": {"en": "Revenue per client, control",
                                     "ru": "Выручка на клиента, контроль"},
    "campaign.col.success_rate": {"en": "Leavers kept", "ru": "Удержано из уходивших"},
    "campaign.col.verdict": {"en": "Verdict", "ru": "Вывод"},
    "campaign.verdict.kept": {"en": "the offer worked", "ru": "предложение сработало"},
    "campaign.verdict.lost": {"en": "the offer did harm", "ru": "предложение навредило"},
    "campaign.verdict.unclear": {"en": "not distinguishable from zero",
                                 "ru": "не отличить от нуля"},
    "campaign.verdict.no_control": {"en": "no control group", "ru": "нет контрольной группы"},
    # the plot
    "campaign.plot.title": {
        "en": "Effect of each offer: contacted minus control, still buying",
        "ru": "Эффект каждого предложения: с контактом минус контроль, покупают",
    },
    "campaign.plot.x": {
        "en": "Difference in the share still buying, pp ({level} interval)",
        "ru": "Разница в доле покупающих, п.\u00a0п. (интервал {level})",
    },
}
