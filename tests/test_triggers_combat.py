"""Words of meeting in sentences about fighting are no triggers; the same words among diplomats still are.
Every sentence is written for the test."""

from __future__ import annotations

import pytest

from communique.stages.triggers import find_triggers, status_of


def _types(sentence: str, lang: str) -> list[tuple[str, str]]:
    return [(t.type, t.text) for t in find_triggers(sentence, lang)]


@pytest.mark.parametrize("lang, sentence", [
    # combat or victims after the trigger
    ("en", "The Sudanese army said its soldiers met stiff resistance in the mountains."),
    ("en", "Kurdish fighters met heavy fire from positions on the outskirts of the city."),
    ("en", "The hospital received dozens of wounded after the air strike."),
    ("en", "Militants took part in the attack on the base, according to the prosecutor."),
    ("en", "The president attended the funeral of the soldiers killed in the ambush."),
    ("fr", "Les forces gouvernementales ont rencontré une résistance farouche en avançant vers la ville."),
    ("fr", "Le Hamas a rencontré une riposte massive de l'armée dans le nord."),
    ("fr", "Des jihadistes ont participé à l'attaque contre la base, selon le parquet."),
    ("ar", "التقى الجيش بالمسلحين في معركة استمرت ساعات قرب البلدة."),
    ("ar", "استقبل المستشفى الجرحى بعد الغارة الجوية."),
    ("ar", "وقعت اشتباكات بين القوات والمسلحين قرب الحدود."),
    ("ar", "وقع الهجوم على السفارة بعد يومين من الغارات."),
    ("ar", "وقع التفجير أمام السفارة صباح الاثنين."),
    # crowds after a verb of meeting
    ("en", "Chad has hosted more than half a million refugees since the war began."),
    ("en", "Poland hosted millions of people who fled the invasion."),
    ("fr", "L'Égypte a accueilli des milliers de réfugiés fuyant les combats."),
    ("fr", "Le Tchad a accueilli plus d'un demi-million de réfugiés depuis le début de la guerre."),
    ("ar", "استقبلت مصر آلاف اللاجئين الفارين من المعارك."),
    ("ar", "استقبلت تشاد أكثر من نصف مليون لاجئ منذ اندلاع الحرب."),
    # a crowd before the passive verb
    ("en", "Most of the refugees hosted by Sylvania could return home next year."),
    ("fr", "Les réfugiés accueillis par la Sylvanie pourraient rentrer chez eux l'an prochain."),
    # fighters as the subject
    ("en", "Kenyan police officers arrived in the capital to lead the mission against the gangs."),
    ("en", "Russian forces met Ukrainian counterattacks near the village."),
    ("fr", "Les forces russes ont rencontré des contre-attaques près du village."),
    ("ar", "التقت القوات الروسية والأوكرانية في معارك شرسة حول المدينة."),
    ("ar", "التقى مقاتلو الحركة والجيش في اشتباكات عنيفة شمال المدينة."),
    # things received, urging, idioms
    ("en", "Ukraine received air defence systems from Germany before the winter."),
    ("en", "Government troops received air support from jets during the battle."),
    ("en", "The United Nations called on both sides to stop the fighting."),
    ("en", "Houthi leader Abdul-Malik al-Houthi called on Saudi Arabia to stop its air strikes."),
    ("en", "Wagner fighters came to the aid of the army during the operation."),
    ("fr", "Le Mali a reçu des hélicoptères de combat de la Russie."),
    ("fr", "Les soldats ont reçu une formation d'officiers turcs avant l'offensive."),
])
def test_triggers_words_of_combat_are_no_triggers(lang, sentence):
    assert _types(sentence, lang) == []


@pytest.mark.parametrize("lang, sentence, expected", [
    ("en", "President Ruto received the head of the UN Support Mission in Nairobi on Monday.", [("meet", "received")]),
    ("en", "The two ministers met to discuss the attacks on shipping in the Red Sea.", [("meet", "met")]),
    ("en", "The foreign minister met his counterpart following the clashes at the border.", [("meet", "met")]),
    ("en", "General Raheel Sharif called on Prime Minister Nawaz Sharif in Islamabad on Tuesday.",
     [("meet", "called on")]),
    ("en", "Egypt and Russia signed a $5 billion arms deal in Cairo.", [("agreement", "signed")]),
    ("en", "The minister came to Algiers for talks with his counterpart.", [("visit", "came to"), ("meet", "talks with")]),
    ("fr", "Le ministre a reçu l'ambassadeur de France au sujet des combats dans le Nord.", [("meet", "reçu")]),
    ("fr", "Le président a accueilli son homologue sénégalais au palais.", [("meet", "accueilli")]),
    ("ar", "وقع الجانبان اتفاق وقف القتال في الدوحة.", [("agreement", "وقع")]),
    ("ar", "وقعت مصر والسعودية عشرات الاتفاقيات خلال الزيارة.", [("agreement", "وقعت"), ("visit", "الزيارة")]),
    ("ar", "استقبل الرئيس قائد الجيش الباكستاني في القصر.", [("meet", "استقبل")]),
])
def test_triggers_words_of_meeting_among_officials_stay(lang, sentence, expected):
    assert _types(sentence, lang) == expected


def test_triggers_refusing_talks_is_negated():
    sentence = "The army refused any talks with the rebels."
    assert status_of(sentence, sentence.index("talks"), "en") == "negated"
    phrase = "L'armée a refusé toute rencontre avec les rebelles."
    assert status_of(phrase, phrase.index("rencontre"), "fr") == "negated"
