"""The mediator's own pages: the mediations they have been selected for."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from . import selectors


@login_required
def selected(request):
    """Cases for which this person has been selected as mediator, with what waits for them."""
    return render(
        request,
        "mediation/selected.html",
        {"selections": list(selectors.selections_for_mediator(request.user)[:100])},
    )
