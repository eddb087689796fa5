"""Italian: "19 dicembre 2026, 14:30" (no leading zero on the day, month in lower case: see
`core/calendar_words.py`), short dates "19/12/2026"."""

from django.conf.locale.it.formats import *  # noqa: F403

DATE_FORMAT = "j F Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
FIRST_DAY_OF_WEEK = 1
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."
NUMBER_GROUPING = 3
