"""Pages of charters and their signatures."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from civica.core.forms import add_errors
from civica.organisations import selectors as organisation_selectors

from .. import selectors, services
from ..forms import (
    CharterForm,
    SignatureForm,
)
from ._shared import _do, _get

# --- Charters -------------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def charters(request):
    organisations = organisation_selectors.own_organisations(request.user, roles={"admin"})
    form = None
    if organisations.exists():
        form = CharterForm(request.POST or None, organisations=organisations, prefix="charter")
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                charter_row = services.charter_create(
                    actor=request.user, organisation=data["organisation"], title=data["title"], text=data["text"]
                )
            except ValidationError as error:
                add_errors(form, error)
            else:
                messages.success(request, _("The charter has been created."))
                return redirect("strategy:charter", uuid=charter_row.uuid)
    elif request.method == "POST":
        raise Http404
    return render(request, "strategy/charters.html", {"charters": selectors.charters_visible()[:200], "form": form})


def charter(request, uuid, form=None):
    charter_row = _get(selectors.charter_get, uuid=uuid)
    signs = request.user.has_perm("strategy.manage_charter", charter_row.organisation)
    context = {
        "charter": charter_row,
        "signatures": selectors.signatures_of(charter_row),
        "form": form or (SignatureForm(prefix="signature") if signs else None),
    }
    return render(request, "strategy/charter.html", context)


@login_required
@require_POST
def charter_sign(request, uuid):
    charter_row = _get(selectors.charter_get, uuid=uuid)
    form = SignatureForm(request.POST, prefix="signature")
    if form.is_valid() and _do(
        request,
        form,
        services.charter_sign,
        _("The signature has been recorded."),
        actor=request.user,
        charter=charter_row,
        **form.cleaned_data,
    ):
        return redirect("strategy:charter", uuid=charter_row.uuid)
    return charter(request, uuid, form=form)
