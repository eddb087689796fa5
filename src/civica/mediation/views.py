from django.core.paginator import Paginator
from django.shortcuts import render

from . import selectors
from .estimates import estimate
from .forms import EstimateForm, MediatorFilterForm
from .matters import MATTERS


def estimate_page(request):
    """What a mediation would cost and how long it would take. A GET form: nothing is stored."""
    form = EstimateForm(request.GET or None)
    result = None
    if form.is_valid():
        data = form.cleaned_data
        result = estimate(
            country=data["country"],
            matter=data["matter"],
            value=data["value"],
            parties=data["parties"],
            court_referred=data["court_referred"],
        )
    return render(request, "mediation/estimate.html", {"form": form, "result": result})


def mediators(request):
    form = MediatorFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    queryset = selectors.public_mediators(
        country=filters.get("country", ""),
        specialisation=filters.get("specialisation", ""),
        language=filters.get("language", ""),
        public_bodies=True if filters.get("public_bodies") else None,
    )
    page = Paginator(queryset, 25).get_page(request.GET.get("page"))
    return render(request, "mediation/mediators.html", {"form": form, "page": page, "matters": MATTERS})
