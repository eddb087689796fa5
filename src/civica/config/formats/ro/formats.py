"""Romanian: "19 decembrie 2026, 14:30"; short dates with dots. Month and weekday names are written in
lower case (our catalogue overrides Django's capitalised ones, see `core/calendar_words.py`)."""

from django.conf.locale.ro.formats import *  # noqa: F403

DATE_FORMAT = "j F Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
FIRST_DAY_OF_WEEK = 1
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."
NUMBER_GROUPING = 3
