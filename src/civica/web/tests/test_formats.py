"""Dates, times and money as each language writes them: English as in the UK and the EU (day first,
24-hour clock), Romanian and Italian months and weekdays in lower case, Greek long dates in the genitive
with a 24-hour clock, and amounts of money with grouped thousands."""

import datetime
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import formats, translation

from civica.web.templatetags.civica import money

SATURDAY = datetime.date(2026, 12, 19)
AFTERNOON = datetime.datetime(2026, 12, 19, 14, 30)


@pytest.mark.parametrize(
    ("language", "long_date", "short_date", "time", "weekday"),
    [
        ("en", "19 December 2026", "19/12/2026", "14:30", "Saturday"),
        ("ro", "19 decembrie 2026", "19.12.2026", "14:30", "sâmbătă"),
        ("it", "19 dicembre 2026", "19/12/2026", "14:30", "sabato"),
        ("el", "19 Δεκεμβρίου 2026", "19/12/2026", "14:30", "Σάββατο"),
    ],
)
def test_dates_and_times_per_language(language, long_date, short_date, time, weekday):
    with translation.override(language):
        assert formats.date_format(SATURDAY, "DATE_FORMAT") == long_date
        assert formats.date_format(SATURDAY, "SHORT_DATE_FORMAT") == short_date
        assert formats.time_format(AFTERNOON.time(), "TIME_FORMAT") == time
        assert formats.date_format(SATURDAY, "l") == weekday
        rendered = Template('{{ when|date:"DATETIME_FORMAT" }}').render(Context({"when": AFTERNOON}))
        assert rendered.endswith("14:30") and "μμ" not in rendered and "p.m." not in rendered


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "2,045.00\u00a0lei"),
        ("ro", "2.045,00\u00a0lei"),
        ("it", "2.045,00\u00a0lei"),
        ("el", "2.045,00\u00a0lei"),
    ],
)
def test_money_groups_thousands_and_names_the_currency(language, expected):
    with translation.override(language):
        assert money(Decimal("2045"), "RON") == expected
        assert money(Decimal("1234567.5"), "EUR").endswith("\u00a0€")
        assert money(None, "RON") == ""
