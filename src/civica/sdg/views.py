"""SDG 16 pages: the reference framework, local indicators with their chart, and the forms that record them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from civica.core.forms import add_errors
from civica.organisations import selectors as organisation_selectors

from . import chart, selectors, services
from .forms import LocalIndicatorForm, MeasurementForm
from .models import LocalIndicator, Measurement


def _managed_organisations(user):
    return organisation_selectors.own_organisations(user, roles={"admin", "staff"})


def targets(request):
    return render(
        request,
        "sdg/targets.html",
        {
            "targets": selectors.targets(),
            "local_indicators": selectors.local_indicators_visible_to(request.user)[:100],
            "can_create": request.user.is_authenticated and _managed_organisations(request.user).exists(),
        },
    )


def _indicator(request, uuid) -> LocalIndicator:
    try:
        return selectors.local_indicator_get(user=request.user, uuid=uuid)
    except (LocalIndicator.DoesNotExist, ValidationError) as error:
        raise Http404 from error


def local_indicator(request, uuid, measurement_form=None):
    indicator = _indicator(request, uuid)
    can_manage = request.user.is_authenticated and request.user.has_perm(
        "sdg.manage_indicators", indicator.organisation
    )
    context = {
        "indicator": indicator,
        "chart": chart.points(indicator),
        "can_manage": can_manage,
        "measurement_form": measurement_form or (MeasurementForm(prefix="measurement") if can_manage else None),
    }
    return render(request, "sdg/local_indicator.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def local_indicator_new(request):
    organisations = _managed_organisations(request.user)
    if not organisations.exists():
        raise Http404
    form = LocalIndicatorForm(
        request.POST or None,
        organisations=organisations,
        indicators=selectors.indicators(),
        initial={"organisation": organisations.first(), "is_public": True},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            local = services.local_indicator_create(actor=request.user, **data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The local indicator has been created: record its measured values."))
            return redirect("sdg:local_indicator", uuid=local.uuid)
    return render(request, "sdg/local_indicator_new.html", {"form": form})


def _indicator_to_manage(request, uuid) -> LocalIndicator:
    indicator = _indicator(request, uuid)
    if not request.user.has_perm("sdg.manage_indicators", indicator.organisation):
        raise Http404
    return indicator


@login_required
@require_POST
def measurement_add(request, uuid):
    indicator = _indicator_to_manage(request, uuid)
    form = MeasurementForm(request.POST, prefix="measurement")
    if form.is_valid():
        try:
            services.measurement_record(actor=request.user, local_indicator=indicator, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The measured value has been recorded."))
            return redirect("sdg:local_indicator", uuid=indicator.uuid)
    return local_indicator(request, uuid, measurement_form=form)


@login_required
@require_POST
def measurement_delete(request, uuid, measurement_id):
    indicator = _indicator_to_manage(request, uuid)
    try:
        measurement = selectors.measurement_of(indicator, measurement_id)
    except Measurement.DoesNotExist as error:
        raise Http404 from error
    services.measurement_delete(actor=request.user, measurement=measurement)
    messages.success(request, _("The measured value has been removed."))
    return redirect("sdg:local_indicator", uuid=indicator.uuid)
