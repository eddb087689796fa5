from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from civica.cases import selectors as case_selectors
from civica.cases.models import Case
from civica.organisations import selectors as organisation_selectors

from . import selectors, services
from .estimates import estimate
from .forms import (
    DeclarationForm,
    DeclineForm,
    EstimateForm,
    MediationForm,
    MediatorFilterForm,
    ObjectionForm,
    ProposeMediatorForm,
)
from .matters import MATTERS
from .models import MediationCase, MediatorSelection


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
            past_durations_days=selectors.closed_durations_days(country=data["country"], matter=data["matter"]),
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


@login_required
@require_http_methods(["GET", "POST"])
def open_mediation(request):
    own = organisation_selectors.own_organisations(request.user)
    form = MediationForm(
        request.POST or None,
        recipients=case_selectors.request_recipients(),
        own_organisations=own,
        initial={
            "organisation": request.GET.get("to"),
            "requester_organisation": own.first(),
            "language": request.LANGUAGE_CODE,
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            mediation = services.mediation_open(actor=request.user, **data)
        except PermissionDenied:
            form.add_error("requester_organisation", _("You cannot send requests on behalf of this organisation."))
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(
                request, _("The mediation %(reference)s has been opened.") % {"reference": mediation.case.reference}
            )
            return redirect("mediation:case", reference=mediation.case.reference)
    return render(request, "mediation/open.html", {"form": form})


def _mediation(request, reference):
    """The mediation as a party or the handling side sees it, or as its proposed mediator does."""
    try:
        case = case_selectors.case_get(user=request.user, reference=reference)
        return case.mediation
    except (Case.DoesNotExist, MediationCase.DoesNotExist):
        pass
    try:
        return selectors.mediation_for_mediator(user=request.user, reference=reference)
    except MediationCase.DoesNotExist as error:
        raise Http404 from error


@login_required
def mediation_case(request, reference):
    mediation = _mediation(request, reference)
    case = mediation.case
    handles = request.user.has_perm("cases.assign_case", case)
    current = selectors.current_selection(mediation)
    is_mediator = selectors.is_selected_mediator(request.user, current)
    may_object = (
        current is not None
        and current.status == MediatorSelection.Status.DECLARED
        and request.user.has_perm("cases.add_shared_note", case)
        and not handles
        and timezone.now() <= current.objection_deadline
    )
    context = {
        "mediation": mediation,
        "case": case,
        "current": current,
        "handles": handles,
        "is_mediator": is_mediator,
        # Staff record a signed declaration only for a mediator who has no account to sign in with.
        "records_declaration": handles and current is not None and current.mediator.user_id is None,
        "selections": selectors.selections(mediation),
        "may_object": may_object,
        "estimate": estimate(
            country=mediation.country,
            matter=mediation.matter,
            value=mediation.value,
            court_referred=mediation.court_referred,
        ),
        "propose_form": ProposeMediatorForm(mediators=selectors.public_mediators(country=mediation.country))
        if handles
        else None,
        "declaration_form": DeclarationForm(),
        "objection_form": ObjectionForm(),
        "decline_form": DeclineForm(),
        "clauses": MediationCase.RO_MANDATORY_CLAUSES,
    }
    return render(request, "mediation/case.html", context)


@login_required
@require_POST
def selection_action(request, reference, action):
    mediation = _mediation(request, reference)
    selection = selectors.current_selection(mediation)
    try:
        if action == "propose":
            form = ProposeMediatorForm(request.POST, mediators=selectors.public_mediators(country=mediation.country))
            if not form.is_valid():
                raise ValidationError(_("Choose a mediator from the list."))
            services.mediator_propose(actor=request.user, mediation=mediation, mediator=form.cleaned_data["mediator"])
        elif selection is None:
            raise Http404
        elif action == "declare":
            form = DeclarationForm(request.POST)
            if not form.is_valid():
                raise ValidationError(_("Write the declaration."))
            services.mediator_declare(actor=request.user, selection=selection, **form.cleaned_data)
        elif action == "decline":
            form = DeclineForm(request.POST)
            if not form.is_valid():
                raise ValidationError(_("Say why you decline."))
            services.mediator_decline(actor=request.user, selection=selection, reason=form.cleaned_data["reason"])
        elif action == "object":
            form = ObjectionForm(request.POST)
            if not form.is_valid():
                raise ValidationError(_("Say why you object."))
            services.mediator_object(actor=request.user, selection=selection, reason=form.cleaned_data["reason"])
        elif action == "accept":
            services.mediator_accept(actor=request.user, selection=selection)
        elif action == "confirm":
            services.mediator_confirm(
                actor=request.user, selection=selection, others_accepted=request.POST.get("others_accepted") == "on"
            )
        else:
            raise Http404
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The mediation has been updated."))
        if action == "decline":  # the mediator no longer sees the mediation they refused
            return redirect("mediation:selected")
    return redirect("mediation:case", reference=reference)


@login_required
@require_POST
def set_clauses(request, reference):
    mediation = _mediation(request, reference)
    try:
        services.mediation_contract_clauses_set(
            actor=request.user, mediation=mediation, clauses=request.POST.getlist("clauses")
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The clauses of the contract have been saved."))
    return redirect("mediation:case", reference=reference)
