"""The time bank's public board: offers and requests that anyone may read, without any personal data,
and the way to ask to join."""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render

from . import selectors
from .forms import ListingFilterForm
from .models import TimeBank


def board(request, bank):
    try:
        found = selectors.bank_get(user=request.user, uuid=bank)
    except TimeBank.DoesNotExist as error:
        raise Http404 from error
    form = ListingFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    listings = selectors.public_board(found, kind=filters.get("kind", ""), category=filters.get("category", ""))
    membership = selectors.membership_of(request.user, found) if request.user.is_authenticated else None
    return render(
        request,
        "timebank/board.html",
        {
            "bank": found,
            "form": form,
            "page": Paginator(listings, 30).get_page(request.GET.get("page")),
            "membership": membership,
        },
    )
