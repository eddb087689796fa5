"""Deadline reminders for every workflow: a day before a case's deadline and once it has passed, to
the people handling it, each in their language. Run by `civica periodic`; idempotent, because each
case records the deadline it was reminded of."""

from datetime import timedelta

from django.db import transaction
from django.db.models import F, Q
from django.utils.translation import gettext_lazy

from civica.core.periodic import periodic

from .models import Case
from .services import handling_side, tell

BEFORE = timedelta(days=1)


@periodic("cases.deadline_reminders", every=timedelta(minutes=15))
def send_deadline_reminders(now) -> int:
    sent = 0
    open_cases = Case.objects.filter(closed_at__isnull=True, due_at__isnull=False).select_related("owner")
    coming = open_cases.filter(due_at__gt=now, due_at__lte=now + BEFORE).filter(
        Q(reminded_before__isnull=True) | ~Q(reminded_before=F("due_at"))
    )
    for case in coming:
        with transaction.atomic():
            tell(case, None, handling_side(case), gettext_lazy("Due within a day: %(reference)s, %(title)s"), "")
            Case.objects.filter(pk=case.pk).update(reminded_before=case.due_at)
        sent += 1
    overdue = open_cases.filter(due_at__lte=now).filter(
        Q(reminded_overdue__isnull=True) | ~Q(reminded_overdue=F("due_at"))
    )
    for case in overdue:
        with transaction.atomic():
            tell(case, None, handling_side(case), gettext_lazy("Overdue: %(reference)s, %(title)s"), "")
            Case.objects.filter(pk=case.pk).update(reminded_overdue=case.due_at)
        sent += 1
    return sent
