from decimal import Decimal, InvalidOperation

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from civica.core.forms import add_errors
from civica.hub import selectors as hub_selectors
from civica.organisations import selectors as organisation_selectors
from civica.organisations.models import Organisation
from civica.sdg import selectors as sdg_selectors

from . import selectors, services
from .forms import IndicatorForm, MemorandumForm, PilotActionForm, SignatureForm, TransitionForm
from .models import ActionIndicator, Memorandum, PilotAction

TRANSITION_LABELS = {
    "approve": gettext_lazy("Approve"),
    "reject": gettext_lazy("Reject"),
    "start": gettext_lazy("Start"),
    "evaluate": gettext_lazy("Record the evaluation"),
}
STATUS_LABELS = {
    "draft": gettext_lazy("Draft"),
    "signed": gettext_lazy("Signed"),
    "expiring": gettext_lazy("Expiring soon"),
    "expired": gettext_lazy("Expired"),
    "renewed": gettext_lazy("Renewed"),
}


def _centre(slug) -> Organisation:
    try:
        return hub_selectors.centre_get(slug)
    except Organisation.DoesNotExist as error:
        raise Http404 from error


# --- Pilot actions -------------------------------------------------------------------------------


def action_list(request):
    state = request.GET.get("state", "")
    if state not in PilotAction.State.values:
        state = ""
    actions = selectors.pilot_action_list(user=request.user, state=state)
    context = {
        "page": Paginator(actions, 25).get_page(request.GET.get("page")),
        "state": state,
        "states": PilotAction.State.choices,
        "centres": selectors.centres_for_proposals(request.user) if request.user.is_authenticated else [],
    }
    return render(request, "partnerships/action_list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def action_create(request, slug):
    centre = _centre(slug)
    if not request.user.has_perm("partnerships.propose_action", centre):
        raise Http404
    leads = selectors.lead_choices(request.user, centre)
    form = PilotActionForm(
        request.POST or None,
        leads=leads,
        partners=selectors.partner_choices(request.user),
        territories=organisation_selectors.territories(country=centre.country),
        initial={"lead": leads.first(), "currency": "EUR", "territory": centre.territory},
    )
    if request.method == "POST" and form.is_valid():
        try:
            action = services.pilot_action_propose(actor=request.user, centre=centre, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The pilot action has been proposed to the centre."))
            return redirect("partnerships:action", uuid=action.uuid)
    return render(request, "partnerships/action_create.html", {"centre": centre, "form": form})


def _action(request, uuid) -> PilotAction:
    try:
        return selectors.pilot_action_get(user=request.user, uuid=uuid)
    except (PilotAction.DoesNotExist, ValidationError) as error:
        raise Http404 from error


@require_http_methods(["GET", "POST"])
def action_detail(request, uuid):
    action = _action(request, uuid)
    may_report = request.user.is_authenticated and request.user.has_perm("partnerships.report_on_action", action)
    transitions = services.transitions_for(request.user if request.user.is_authenticated else None, action)
    transition_form = TransitionForm(request.POST if "transition" in request.POST else None, prefix="step")
    indicator_form = IndicatorForm(
        request.POST if "indicator_add" in request.POST else None,
        prefix="indicator",
        sdg_indicators=sdg_selectors.indicators(),
    )
    if request.method == "POST":
        if ("transition" in request.POST and not transitions) or (
            ("indicator_add" in request.POST or "achieved_for" in request.POST) and not may_report
        ):
            raise Http404
        if not any(key in request.POST for key in ("transition", "indicator_add", "achieved_for")):
            raise Http404
        try:
            if "transition" in request.POST and transitions and transition_form.is_valid():
                services.pilot_action_transition(
                    actor=request.user,
                    action=action,
                    transition=request.POST["transition"],
                    text=transition_form.cleaned_data["text"],
                )
                messages.success(request, _("The pilot action has moved on."))
                return redirect("partnerships:action", uuid=action.uuid)
            if "indicator_add" in request.POST and may_report and indicator_form.is_valid():
                services.indicator_add(actor=request.user, action=action, **indicator_form.cleaned_data)
                messages.success(request, _("The indicator has been added."))
                return redirect("partnerships:action", uuid=action.uuid)
            if "achieved_for" in request.POST and may_report:
                try:
                    indicator = selectors.indicators_of(action).get(uuid=request.POST["achieved_for"])
                except (ActionIndicator.DoesNotExist, ValidationError) as error:
                    raise Http404 from error
                try:
                    value = Decimal(request.POST.get("achieved", "").replace(",", "."))
                except InvalidOperation:
                    messages.error(request, _("Enter the value achieved as a number."))
                else:
                    services.indicator_record_achieved(actor=request.user, indicator=indicator, achieved=value)
                    messages.success(request, _("The value achieved has been recorded."))
                return redirect("partnerships:action", uuid=action.uuid)
        except ValidationError as error:
            add_errors(transition_form if "transition" in request.POST else indicator_form, error)
    context = {
        "action": action,
        "partners": action.partners.all(),
        "indicators": selectors.indicators_of(action),
        "transitions": [(name, TRANSITION_LABELS[name]) for name in transitions],
        "transition_form": transition_form,
        "indicator_form": indicator_form,
        "may_report": may_report,
    }
    return render(request, "partnerships/action_detail.html", context)


# --- Memoranda -----------------------------------------------------------------------------------


def _status_rows(memoranda):
    today = timezone.localdate()
    return [(memorandum, STATUS_LABELS[selectors.memorandum_status(memorandum, today)]) for memorandum in memoranda]


def memorandum_list(request):
    page = Paginator(selectors.memorandum_list(user=request.user), 25).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "rows": _status_rows(page),
        "may_create": request.user.is_authenticated and selectors.organisations_that_keep(request.user).exists(),
    }
    return render(request, "partnerships/memorandum_list.html", context)


def _memorandum(request, uuid) -> Memorandum:
    try:
        return selectors.memorandum_get(user=request.user, uuid=uuid)
    except (Memorandum.DoesNotExist, ValidationError) as error:
        raise Http404 from error


@login_required
@require_http_methods(["GET", "POST"])
def memorandum_create(request):
    organisations = selectors.organisations_that_keep(request.user)
    if not organisations.exists():
        raise Http404
    renews = None
    initial = {"organisation": organisations.first(), "is_public": True}
    if request.GET.get("renews") or request.POST.get("renews"):
        renews = _memorandum(request, request.GET.get("renews") or request.POST.get("renews"))
        if not request.user.has_perm("partnerships.manage_memorandum", renews):
            raise Http404
        organisations = organisations.filter(pk=renews.organisation_id)
        initial |= {
            "organisation": renews.organisation,
            "title": renews.title,
            "scope": renews.scope,
            "parties": list(renews.parties.all()),
            "is_public": renews.is_public,
        }
    form = MemorandumForm(
        request.POST or None,
        request.FILES or None,
        organisations=organisations,
        parties=organisation_selectors.organisations_visible_to(request.user).order_by("name", "pk"),
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        try:
            memorandum = services.memorandum_create(actor=request.user, renews=renews, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The memorandum has been saved."))
            return redirect("partnerships:memorandum", uuid=memorandum.uuid)
    return render(request, "partnerships/memorandum_create.html", {"form": form, "renews": renews})


@require_http_methods(["GET", "POST"])
def memorandum_detail(request, uuid):
    memorandum = _memorandum(request, uuid)
    may_manage = request.user.is_authenticated and request.user.has_perm("partnerships.manage_memorandum", memorandum)
    form = SignatureForm(
        request.POST or None,
        request.FILES or None,
        initial={"signed_on": memorandum.signed_on, "expires_on": memorandum.expires_on},
    )
    if request.method == "POST":
        if not may_manage:
            raise Http404
        if form.is_valid():
            try:
                services.memorandum_record_signature(actor=request.user, memorandum=memorandum, **form.cleaned_data)
            except ValidationError as error:
                add_errors(form, error)
            else:
                messages.success(request, _("The signature has been recorded."))
                return redirect("partnerships:memorandum", uuid=memorandum.uuid)
    status = selectors.memorandum_status(memorandum)
    context = {
        "memorandum": memorandum,
        "status": status,
        "status_label": STATUS_LABELS[status],
        "parties": memorandum.parties.all(),
        "may_manage": may_manage,
        "may_see_document": bool(memorandum.document)
        and request.user.has_perm("partnerships.view_memorandum_document", memorandum),
        "form": form,
    }
    return render(request, "partnerships/memorandum_detail.html", context)


def memorandum_document(request, uuid):
    """The signed PDF, only to the keeping organisation and the parties (never a bare file link)."""
    memorandum = _memorandum(request, uuid)
    if not memorandum.document or not request.user.has_perm("partnerships.view_memorandum_document", memorandum):
        raise Http404
    return FileResponse(
        memorandum.document.open("rb"), as_attachment=True, filename="memorandum.pdf", content_type="application/pdf"
    )


# --- Impact --------------------------------------------------------------------------------------


def impact(request, slug):
    centre = _centre(slug)
    return render(request, "partnerships/impact.html", {"centre": centre, "figures": selectors.impact(centre)})
