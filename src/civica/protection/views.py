"""Pages of protection cases. Thin: parse, authorise through the selectors and rules, call a service.

Anything a person may not read answers 404, never 403: a case's existence is itself confidential.
"""

import json
from dataclasses import replace

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from civica.core.forms import add_errors
from civica.organisations import selectors as organisation_selectors
from civica.organisations.models import Organisation

from . import risk, selectors, services
from .forms import (
    AnswerForm,
    CaseFilterForm,
    ContributionForm,
    EmergencyForm,
    FollowUpForm,
    LegalHoldForm,
    NarrativeForm,
    OpenCaseForm,
    OrderForm,
    ReferralForm,
    RiskForm,
    SafetyPlanForm,
    ServiceForm,
    StatisticsForm,
    TeamForm,
)
from .models import SECTIONS, ProtectedPerson, ProtectionCase, Referral
from .workflows import PROTECTION


def _case(request, reference):
    try:
        return selectors.case_get(user=request.user, reference=reference)
    except ProtectionCase.DoesNotExist as error:
        raise Http404 from error


@login_required
def index(request):
    emergency_reference = request.GET.get("emergency", "").strip()
    if emergency_reference:
        return redirect("protection:emergency", reference=emergency_reference)
    form = CaseFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    queryset = selectors.case_list(user=request.user, query=filters.get("q", ""), kind=filters.get("kind", ""))
    page = Paginator(queryset, 25).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "page": page,
        "incoming": selectors.incoming_referrals(request.user)[:50],
        "may_open": request.user.has_perm("protection.open_case"),
        "log_organisations": selectors.log_organisations(request.user),
        "may_see_statistics": request.user.has_perm("protection.view_statistics"),
    }
    return render(request, "protection/index.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def open_case(request):
    if not request.user.has_perm("protection.open_case"):
        raise Http404
    organisations = selectors.lead_organisations(request.user)
    first = organisations.first()
    form = OpenCaseForm(
        request.POST or None,
        organisations=organisations,
        territories=organisation_selectors.territories(country=first.country if first else ""),
        initial={"organisation": first, "territory": first.territory_id if first else None},
    )
    if request.method == "POST" and form.is_valid():
        try:
            pcase = services.protection_case_open(
                actor=request.user, language=request.LANGUAGE_CODE, **form.cleaned_data
            )
        except PermissionDenied:
            form.add_error("organisation", _("You cannot open cases for this organisation."))
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request, _("The protection case %(reference)s has been opened.") % {"reference": pcase.case.reference}
            )
            return redirect("protection:case", reference=pcase.case.reference)
    return render(request, "protection/open.html", {"form": form})


@login_required
def case_page(request, reference):
    """The integrated view: every section the person may read, each agency's contributions marked."""
    pcase, found = _case(request, reference)
    sections = selectors.read_sections(user=request.user, pcase=pcase, found=found)
    lead = found.lead
    context = {
        "pcase": pcase,
        "case": pcase.case,
        "found": found,
        "sections": sections,
        "section_labels": dict(SECTIONS),
        "lead": lead,
        "writable": sorted(found.sections) if found.emergency is None else [],
        "team": selectors.team(pcase),
        "referrals": selectors.referrals_of_case(pcase=pcase, found=found),
        "transitions": PROTECTION.transitions_from(pcase.case.state) if lead else [],
        "state_label": PROTECTION.state(pcase.case.state).label,
        "mediation_refusal": selectors.mediation_refusal(pcase),
        "level_labels": risk.LEVEL_LABELS,
        "questions": risk.QUESTIONS,
        "hold_form": LegalHoldForm(
            prefix="hold", initial={"legal_hold": pcase.legal_hold, "legal_hold_reason": pcase.legal_hold_reason}
        )
        if lead
        else None,
    }
    return render(request, "protection/case.html", context)


FORMS = {
    "risk": (RiskForm, "risk", _("Risk assessment")),
    "safety_plan": (SafetyPlanForm, "safety_plan", _("Safety plan")),
    "order": (OrderForm, "orders", _("Add a protection order")),
    "service": (ServiceForm, "services", _("Record a service provided")),
    "follow_up": (FollowUpForm, "follow_ups", _("Add a follow-up")),
    "contribution": (ContributionForm, None, _("Add a note to the case")),
    "narrative": (NarrativeForm, "narrative", _("Narrative, addresses and children")),
    "team": (TeamForm, None, _("Add a member to the intervention team")),
}
LEAD_ONLY = {"safety_plan", "narrative", "team"}


def _save(what, request, pcase, data):
    actor = request.user
    if what == "risk":
        answers = {key: data[key] for key in risk.QUESTION_KEYS}
        return services.risk_assessment_add(actor=actor, pcase=pcase, answers=answers, notes=data["notes"])
    if what == "safety_plan":
        return services.safety_plan_set(actor=actor, pcase=pcase, plan=data["plan"])
    if what == "order":
        return services.order_add(actor=actor, pcase=pcase, **data)
    if what == "service":
        return services.service_add(actor=actor, pcase=pcase, **data)
    if what == "follow_up":
        return services.follow_up_add(actor=actor, pcase=pcase, **data)
    if what == "contribution":
        return services.contribution_add(actor=actor, pcase=pcase, **data)
    if what == "narrative":
        return services.case_sensitive_update(actor=actor, pcase=pcase, **data)
    if what == "team":
        return services.team_member_add(actor=actor, pcase=pcase, user=data["membership"].user, role=data["role"])
    raise Http404


@login_required
@require_http_methods(["GET", "POST"])
def case_form(request, reference, what):
    """One page per kind of entry; the section's access is checked again by the service."""
    if what not in FORMS:
        raise Http404
    pcase, found = _case(request, reference)
    form_class, section, title = FORMS[what]
    allowed = (
        found.lead if what in LEAD_ONLY else (found.emergency is None and (found.lead or section in found.sections))
    )
    if what == "contribution":
        allowed = found.emergency is None and bool(found.sections)
    if not allowed:
        raise Http404
    kwargs = {}
    initial = {}
    if what == "contribution":
        kwargs["sections"] = found.sections
    if what == "team":
        kwargs["candidates"] = selectors.team_candidates(pcase).exclude(user__in=pcase.team.values("user"))
    if what in {"narrative", "safety_plan"} and request.method == "GET":
        wanted = {"narrative", "person"} if what == "narrative" else {"safety_plan"}
        content = selectors.read_sections(
            user=request.user, pcase=pcase, found=replace(found, sections=frozenset(wanted) & found.sections)
        )
        if what == "narrative":
            initial = {
                "narrative": content["narrative"]["narrative"],
                "injuries": content["narrative"]["injuries"],
                "incident_address": content["person"]["incident_address"],
                "children": "\n".join(
                    f"{child['name']}, {child['birth_year']}" if child.get("birth_year") else child["name"]
                    for child in content["person"]["children"]
                ),
            }
        else:
            initial = {"plan": content["safety_plan"]["plan"]}
    form = form_class(request.POST or None, initial=initial, **kwargs)
    if request.method == "POST" and form.is_valid():
        try:
            _save(what, request, pcase, form.cleaned_data)
        except PermissionDenied as error:
            raise Http404 from error
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("protection:case", reference=reference)
    return render(
        request,
        "protection/form.html",
        {"form": form, "pcase": pcase, "case": pcase.case, "title": title, "what": what},
    )


@login_required
@require_POST
def case_action(request, reference, action):
    pcase, _found = _case(request, reference)
    try:
        if action.startswith("move-"):
            services.case_move(actor=request.user, pcase=pcase, transition=action[5:])
        elif action.startswith("done-"):
            follow_up = pcase.follow_ups.filter(uuid=action[5:]).first()
            if follow_up is None:
                raise Http404
            services.follow_up_done(actor=request.user, follow_up=follow_up)
        elif action.startswith("remove-"):
            member = pcase.team.filter(uuid=action[7:]).first()
            if member is None:
                raise Http404
            services.team_member_remove(actor=request.user, member=member)
        elif action == "hold":
            form = LegalHoldForm(request.POST, prefix="hold")
            form.is_valid()
            services.legal_hold_set(
                actor=request.user,
                pcase=pcase,
                hold=form.cleaned_data.get("legal_hold", False),
                reason=form.cleaned_data.get("legal_hold_reason", ""),
            )
        else:
            raise Http404
    except PermissionDenied as error:
        raise Http404 from error
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The case has been updated."))
    return redirect("protection:case", reference=reference)


@login_required
@require_http_methods(["GET", "POST"])
def referral_new(request, reference):
    pcase, found = _case(request, reference)
    if not found.lead:
        raise Http404
    form = ReferralForm(request.POST or None, receivers=selectors.receivers(pcase))
    chosen = request.POST.getlist("sections") if request.method == "POST" else []
    if request.method == "POST" and form.is_valid():
        try:
            referral = services.referral_send(actor=request.user, pcase=pcase, sections=chosen, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The referral has been sent."))
            return redirect("protection:referral", uuid=referral.uuid)
    elif request.method == "POST" and not chosen:
        form.add_error(None, _("Name at least one section to share."))
    return render(
        request,
        "protection/referral_new.html",
        {"form": form, "pcase": pcase, "case": pcase.case, "sections": SECTIONS, "chosen": chosen},
    )


def _referral(request, uuid):
    try:
        return selectors.referral_get(user=request.user, uuid=uuid)
    except Referral.DoesNotExist as error:
        raise Http404 from error


@login_required
def referral_page(request, uuid):
    referral = _referral(request, uuid)
    user = request.user
    context = {
        "referral": referral,
        "pcase": referral.case,
        "section_labels": dict(SECTIONS),
        "may_answer": user.has_perm("protection.answer_referral", referral),
        "may_complete": user.has_perm("protection.complete_referral", referral),
        "may_revoke": user.has_perm("protection.end_referral", referral),
        "may_open_case": bool(selectors.access(user, referral.case)),
        "form": AnswerForm(),
    }
    return render(request, "protection/referral.html", context)


@login_required
@require_POST
def referral_action(request, uuid, action):
    referral = _referral(request, uuid)
    form = AnswerForm(request.POST)
    outcome = form.cleaned_data["outcome"] if form.is_valid() else ""
    actions = {
        "accept": lambda: services.referral_accept(actor=request.user, referral=referral),
        "decline": lambda: services.referral_decline(actor=request.user, referral=referral, reason=outcome),
        "complete": lambda: services.referral_complete(actor=request.user, referral=referral, outcome=outcome),
        "revoke": lambda: services.referral_revoke(actor=request.user, referral=referral, reason=outcome),
    }
    if action not in actions:
        raise Http404
    try:
        actions[action]()
    except PermissionDenied as error:
        raise Http404 from error
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The referral has been updated."))
    return redirect("protection:referral", uuid=uuid)


@login_required
@require_http_methods(["GET", "POST"])
def emergency(request, reference):
    try:
        pcase = selectors.case_for_emergency(user=request.user, reference=reference)
    except ProtectionCase.DoesNotExist as error:
        raise Http404 from error
    if selectors.access(request.user, pcase):
        return redirect("protection:case", reference=reference)
    form = EmergencyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.emergency_access_grant(actor=request.user, pcase=pcase, reason=form.cleaned_data["reason"])
        except PermissionDenied as error:
            raise Http404 from error
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.warning(
                request, _("Emergency access granted. Every read is logged and the administrators are told.")
            )
            return redirect("protection:case", reference=reference)
    return render(request, "protection/emergency.html", {"form": form, "pcase": pcase, "case": pcase.case})


@login_required
def access_log(request, slug):
    try:
        organisation = selectors.log_organisations(request.user).get(slug=slug)
        entries = selectors.access_log(
            user=request.user, organisation=organisation, reference=request.GET.get("q", "").strip()
        )
    except Organisation.DoesNotExist as error:
        raise Http404 from error
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "protection/access_log.html",
        {"organisation": organisation, "page": page, "q": request.GET.get("q", "")},
    )


@login_required
def statistics(request):
    if not request.user.has_perm("protection.view_statistics"):
        raise Http404
    form = StatisticsForm(request.GET or None, territories=selectors.statistics_territories())
    filters = form.cleaned_data if form.is_valid() else {}
    tables = selectors.statistics(territory_code=filters.get("territory", ""), year=filters.get("year"))
    return render(
        request,
        "protection/statistics.html",
        {"form": form, "tables": tables, "threshold": settings.CIVICA_PROTECTION_SMALL_COUNT},
    )


def _person(request, code):
    try:
        return selectors.person_get(user=request.user, code=code)
    except ProtectedPerson.DoesNotExist as error:
        raise Http404 from error


@login_required
@require_http_methods(["GET", "POST"])
def person_page(request, code):
    person = _person(request, code)
    if not request.user.has_perm("protection.manage_person", person):
        raise Http404
    if request.method == "POST":
        try:
            services.person_erase(actor=request.user, person=person)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("The person's data has been erased."))
        return redirect("protection:person", code=code)
    cases = person.cases.select_related("case")
    return render(
        request, "protection/person.html", {"person": person, "cases": cases, "held": selectors.held_cases(person)}
    )


@login_required
def person_export(request, code):
    person = _person(request, code)
    try:
        data = services.person_export_record(actor=request.user, person=person)
    except PermissionDenied as error:
        raise Http404 from error
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{person.code}.json"'
    return response
