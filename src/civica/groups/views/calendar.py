"""The personal calendar page and its private feed."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from civica.core.tokens import fingerprint

from .. import selectors, services
from ..calendar import feed_ics
from ._shared import _calendar

# --- Personal calendar -----------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def my_calendar(request):
    token = services.calendar_token_issue(actor=request.user) if request.method == "POST" else None
    feed_url = request.build_absolute_uri(reverse("groups:personal_feed", args=[token])) if token else None
    return render(request, "groups/my_calendar.html", {"feed_url": feed_url})


def personal_feed(request, token):
    person = selectors.user_for_calendar_token(fingerprint(token))
    if person is None:
        raise Http404
    return _calendar(feed_ics(selectors.meetings_for_person(person)[:500], name="Civica"), "civica.ics")
