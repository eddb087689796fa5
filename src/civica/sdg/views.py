from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import render

from . import chart, selectors
from .models import LocalIndicator


def targets(request):
    return render(
        request,
        "sdg/targets.html",
        {"targets": selectors.targets(), "local_indicators": selectors.local_indicators_visible_to(request.user)[:100]},
    )


def local_indicator(request, uuid):
    try:
        indicator = selectors.local_indicator_get(user=request.user, uuid=uuid)
    except (LocalIndicator.DoesNotExist, ValidationError) as error:
        raise Http404 from error
    return render(request, "sdg/local_indicator.html", {"indicator": indicator, "chart": chart.points(indicator)})
