"""The structured risk assessment: yes/no questions with weights, a score and a level.

The questions follow the risk factors of the Romanian risk-assessment form for domestic violence
(Ordinul 146/2578/2018) and of the DASH checklist used across Europe: escalation, threats to kill,
strangulation, weapons, pregnancy, separation, children, substance abuse, breached orders, isolation,
the person's own fear, sexual violence.
"""

from django.utils.translation import gettext_lazy as _

QUESTIONS = (
    ("escalation", _("The violence has become more frequent or more severe"), 2),
    ("threats_to_kill", _("The aggressor has threatened to kill the person or the children"), 3),
    ("strangulation", _("The aggressor has tried to strangle or choke the person"), 3),
    ("weapon", _("A weapon was used or the aggressor has access to one"), 3),
    ("pregnancy", _("The person is pregnant or has recently given birth"), 2),
    ("separation", _("The person has recently separated or plans to"), 2),
    ("children", _("Children have witnessed or suffered the violence"), 2),
    ("substances", _("The aggressor abuses alcohol or drugs"), 1),
    ("breached_order", _("The aggressor has breached a protection order"), 2),
    ("isolation", _("The person is isolated, with no one to turn to"), 1),
    ("fear", _("The person fears for their life"), 2),
    ("sexual_violence", _("There has been sexual violence"), 2),
)
QUESTION_KEYS = tuple(key for key, _label, _weight in QUESTIONS)
MAX_SCORE = sum(weight for _key, _label, weight in QUESTIONS)

LEVELS = (
    ("low", _("Low"), 0),
    ("medium", _("Medium"), 5),
    ("high", _("High"), 10),
    ("severe", _("Severe"), 15),
)
LEVEL_LABELS = {key: label for key, label, _floor in LEVELS}


def score(answers: dict[str, bool]) -> tuple[int, str]:
    """The weighted sum of the factors answered yes, and the level it falls in."""
    total = sum(weight for key, _label, weight in QUESTIONS if answers.get(key))
    level = "low"
    for key, _label, floor in LEVELS:
        if total >= floor:
            level = key
    return total, level
