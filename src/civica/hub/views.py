from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from civica.organisations.models import Organisation

from . import selectors, services
from .forms import DecisionForm, JoinForm, ProfileForm, RepresentativeForm
from .models import SECTORS, CentreMembership, Representative


def _centre(slug) -> Organisation:
    try:
        return selectors.centre_get(slug)
    except Organisation.DoesNotExist as error:
        raise Http404 from error


def _apply_errors(form, error: ValidationError) -> None:
    if not hasattr(error, "error_dict"):
        form.add_error(None, error.messages)
        return
    for field, errors in error.message_dict.items():
        form.add_error(field if field in form.fields else None, errors)


def centre(request, slug):
    """A centre's public page: its members and their profiles; requests to its staff."""
    found = _centre(slug)
    context = {
        "centre": found,
        "members": selectors.members_of(found),
        "requests": selectors.requests_for(request.user, found),
        "figures": selectors.figures(found),
        "may_ask": request.user.is_authenticated and selectors.organisations_that_may_ask(request.user, found).exists(),
        "sector_labels": dict(SECTORS),
    }
    return render(request, "hub/centre.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def join(request, slug):
    found = _centre(slug)
    organisations = selectors.organisations_that_may_ask(request.user, found)
    if not organisations.exists():
        raise Http404
    form = JoinForm(request.POST or None, organisations=organisations, initial={"organisation": organisations.first()})
    if request.method == "POST" and form.is_valid():
        try:
            membership = services.membership_request(
                actor=request.user,
                centre=found,
                organisation=form.cleaned_data["organisation"],
                motivation=form.cleaned_data["motivation"],
                sectors=form.cleaned_data["sectors"],
            )
        except PermissionDenied as error:
            raise Http404 from error
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, _("Your request has been sent to the centre."))
            return redirect("hub:membership", uuid=membership.uuid)
    return render(request, "hub/join.html", {"centre": found, "form": form})


def _membership(request, uuid) -> CentreMembership:
    try:
        return selectors.membership_get(user=request.user, uuid=uuid)
    except (CentreMembership.DoesNotExist, ValidationError) as error:
        raise Http404 from error


@require_http_methods(["GET", "POST"])
def membership(request, uuid):
    found = _membership(request, uuid)
    may_decide = request.user.is_authenticated and request.user.has_perm("hub.decide", found)
    may_edit = request.user.is_authenticated and request.user.has_perm("hub.edit_profile", found)
    decision = DecisionForm(request.POST if "decide" in request.POST else None)
    profile = ProfileForm(
        request.POST if "profile_save" in request.POST else None,
        initial={"profile": found.profile, "sectors": found.sectors},
    )
    people = [m.user for m in selectors.colleagues(found)] if may_edit else []
    representative = RepresentativeForm(request.POST if "representative_add" in request.POST else None, people=people)
    if request.method == "POST":
        try:
            if "decide" in request.POST and may_decide and decision.is_valid():
                services.membership_decide(
                    actor=request.user,
                    membership=found,
                    approve=request.POST["decide"] == "approve",
                    reason=decision.cleaned_data["reason"],
                )
                messages.success(request, _("The decision has been recorded."))
                return redirect("hub:membership", uuid=found.uuid)
            if "profile_save" in request.POST and may_edit and profile.is_valid():
                services.profile_update(actor=request.user, membership=found, **profile.cleaned_data)
                messages.success(request, _("The profile has been saved."))
                return redirect("hub:membership", uuid=found.uuid)
            if "representative_add" in request.POST and may_edit and representative.is_valid():
                services.representative_add(
                    actor=request.user,
                    membership=found,
                    user=representative.people[representative.cleaned_data["user"]],
                    title=representative.cleaned_data["title"],
                )
                messages.success(request, _("The representative has been added."))
                return redirect("hub:membership", uuid=found.uuid)
            if "representative_remove" in request.POST and may_edit:
                try:
                    target = found.representatives.get(uuid=request.POST["representative_remove"])
                except (Representative.DoesNotExist, ValidationError) as error:
                    raise Http404 from error
                services.representative_remove(actor=request.user, representative=target)
                return redirect("hub:membership", uuid=found.uuid)
            if not (may_decide or may_edit):
                raise Http404
        except ValidationError as error:
            _apply_errors(decision if "decide" in request.POST else profile, error)
    context = {
        "membership": found,
        "representatives": selectors.representatives_of(found),
        "may_decide": may_decide and found.state == CentreMembership.State.REQUESTED,
        "may_edit": may_edit,
        "decision": decision,
        "profile_form": profile,
        "representative_form": representative,
        "sector_labels": dict(SECTORS),
    }
    return render(request, "hub/membership.html", context)
