"""Month and weekday names that Civica's catalogues override in Django's.

Django's Romanian and Italian catalogues capitalise them ("19 Decembrie 2026", "Sabato"), which
neither language does in running text. Listing the English names here puts them in our catalogue
(`makemessages` reads this file; nothing imports it), whose translations win over Django's: lower case
in Romanian and Italian, Django's own (capitalised, as Greek writes them) in Greek.
"""

from django.utils.translation import gettext_noop

MONTHS = [
    gettext_noop("January"),
    gettext_noop("February"),
    gettext_noop("March"),
    gettext_noop("April"),
    gettext_noop("May"),
    gettext_noop("June"),
    gettext_noop("July"),
    gettext_noop("August"),
    gettext_noop("September"),
    gettext_noop("October"),
    gettext_noop("November"),
    gettext_noop("December"),
]
WEEKDAYS = [
    gettext_noop("Monday"),
    gettext_noop("Tuesday"),
    gettext_noop("Wednesday"),
    gettext_noop("Thursday"),
    gettext_noop("Friday"),
    gettext_noop("Saturday"),
    gettext_noop("Sunday"),
]
