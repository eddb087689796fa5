"""Greek: a long date with the month in the genitive ("19 Δεκεμβρίου 2026", Django's "E"), and the
24-hour clock that Greek administrations write ("14:30", not "2:30 μμ.")."""

from django.conf.locale.el.formats import *  # noqa: F403

DATE_FORMAT = "j E Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j E Y, H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j E"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
FIRST_DAY_OF_WEEK = 1
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."
NUMBER_GROUPING = 3
