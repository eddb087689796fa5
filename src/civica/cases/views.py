"""Case pages: the inbox, opening a request, and one case with its steps, notes and tasks."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from civica.core import calendar
from civica.organisations import selectors as organisation_selectors

from . import document_kinds, selectors, services, workflows
from .forms import (
    CaseFilterForm,
    ConsultationForm,
    ConsultationNotesForm,
    DocumentUploadForm,
    LogContactForm,
    NoteForm,
    OwnerForm,
    RequestForm,
    SolutionFilterForm,
    TaskForm,
    TransitionForm,
)
from .models import Case, CaseTask, Consultation


def _case(request, reference) -> Case:
    try:
        return selectors.case_get(user=request.user, reference=reference)
    except Case.DoesNotExist as error:
        raise Http404 from error


def _act(request, case: Case, action, success: str):
    """Run one write on a case: refused looks like missing (404), a broken rule becomes a message,
    and the person goes back to the case either way."""
    try:
        action()
    except ValidationError as error:
        _errors_to_messages(request, error)
    else:
        messages.success(request, success)
    return redirect("cases:detail", reference=case.reference)


def _errors_to_messages(request, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


@login_required
def inbox(request):
    scope = "all" if request.GET.get("scope") == "all" else "mine"
    form = CaseFilterForm(request.GET or None, states=workflows.state_choices())
    filters = form.cleaned_data if form.is_valid() else {}
    queryset = selectors.case_directory(
        user=request.user, query=filters.get("q", ""), state=filters.get("state", ""), scope=scope
    )
    page = Paginator(queryset, 25).get_page(request.GET.get("page"))
    takes_calls = (
        selectors.request_recipients()
        .filter(pk__in=organisation_selectors.organisation_ids_with_role(request.user))
        .exists()
    )
    edits_templates = bool(organisation_selectors.administered_organisation_ids(request.user))
    return render(
        request,
        "cases/inbox.html",
        {"form": form, "page": page, "scope": scope, "takes_calls": takes_calls, "edits_templates": edits_templates},
    )


@login_required
@require_http_methods(["GET", "POST"])
def open_request(request):
    own = organisation_selectors.own_organisations(request.user)
    form = RequestForm(
        request.POST or None,
        recipients=selectors.request_recipients(),
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
            case = services.case_open(
                actor=request.user,
                workflow="request",
                organisation=data["organisation"],
                requester_organisation=data["requester_organisation"],
                title=data["title"],
                summary=data["summary"],
                topic=data["topic"],
                language=data["language"],
            )
        except PermissionDenied:
            form.add_error("requester_organisation", _("You cannot send requests on behalf of this organisation."))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your request %(reference)s has been sent.") % {"reference": case.reference})
            return redirect("cases:detail", reference=case.reference)
    return render(request, "cases/open_request.html", {"form": form})


def _filter_territories(country: str):
    """The level a centre thinks in: counties in Romania, provinces in Italy, regions in Greece."""
    for level in ("county", "province", "region"):
        territories = list(organisation_selectors.territories(country=country, level=level))
        if territories:
            return territories
    return []


def _solutions(request, case: Case, *, analysing: bool) -> dict:
    """What resembles the case while it is analysed: closed cases and good practices, narrowed by topic
    and territory (the requester's country's counties and regions)."""
    if not analysing:
        return {"solutions": [], "good_practices": [], "solution_filter": None}
    country = case.requester_organisation.country if case.requester_organisation_id else case.organisation.country
    form = SolutionFilterForm(
        request.GET or None,
        initial={"topic": case.topic},
        territories=_filter_territories(country),
    )
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {"topic": case.topic, "territory": ""}
    return {
        "solutions": selectors.similar_solutions(
            user=request.user, case=case, topic=filters["topic"], territory=filters["territory"]
        ),
        "good_practices": selectors.good_practices(user=request.user, case=case, topic=filters["topic"]),
        "solution_filter": form,
    }


@login_required
def detail(request, reference):
    case = _case(request, reference)
    flow = workflows.get(case.workflow)
    capacities = selectors.capacities(request.user, case)
    works_on_it = request.user.has_perm("cases.work_on_case", case)
    steps = [t for t in flow.transitions_from(case.state) if capacities & t.allowed]
    context = {
        "case": case,
        "domain_page": flow.domain_page,
        "state": flow.state(case.state),
        "steps": steps,
        "timeline": selectors.timeline(user=request.user, case=case),
        "notes": selectors.notes(user=request.user, case=case),
        "tasks": selectors.tasks(case) if works_on_it else [],
        "works_on_it": works_on_it,
        "can_assign": request.user.has_perm("cases.assign_case", case),
        "note_form": NoteForm(),
        "task_form": TaskForm(),
        "owner_form": OwnerForm(people=selectors.workers_for(case)) if works_on_it else None,
        "consultations": selectors.consultations(case),
        **_solutions(request, case, analysing=works_on_it and not flow.state(case.state).terminal),
        "consultation_form": ConsultationForm() if works_on_it else None,
        "documents": selectors.documents_visible(user=request.user, case=case),
        "document_kinds": document_kinds.kinds_for(case) if works_on_it else [],
        "upload_form": DocumentUploadForm(),
    }
    return render(request, "cases/detail.html", context)


@login_required
@require_POST
def transition(request, reference):
    case = _case(request, reference)
    form = TransitionForm(request.POST)
    if not form.is_valid():
        return redirect("cases:detail", reference=case.reference)
    return _act(
        request,
        case,
        lambda: services.case_transition(
            actor=request.user,
            case=case,
            transition=form.cleaned_data["transition"],
            outcome=form.cleaned_data["outcome"],
        ),
        _("The case has moved on."),
    )


@login_required
@require_POST
def add_note(request, reference):
    case = _case(request, reference)
    form = NoteForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Write the note first."))
        return redirect("cases:detail", reference=case.reference)
    shared = form.cleaned_data["shared_with_requester"] or not request.user.has_perm("cases.work_on_case", case)
    services.note_add(actor=request.user, case=case, body=form.cleaned_data["body"], shared_with_requester=shared)
    messages.success(request, _("The note has been added."))
    return redirect("cases:detail", reference=case.reference)


@login_required
@require_POST
def add_task(request, reference):
    case = _case(request, reference)
    form = TaskForm(request.POST)
    if form.is_valid():
        services.task_add(
            actor=request.user, case=case, title=form.cleaned_data["title"], due_on=form.cleaned_data["due_on"]
        )
        messages.success(request, _("The task has been added."))
    else:
        messages.error(request, _("Give the task a title and, if you wish, a valid date."))
    return redirect("cases:detail", reference=case.reference)


@login_required
@require_POST
def complete_task(request, reference, uuid):
    case = _case(request, reference)
    try:
        task = case.tasks.get(uuid=uuid)
        services.task_complete(actor=request.user, task=task)
    except (CaseTask.DoesNotExist, ValidationError, PermissionDenied) as error:
        raise Http404 from error
    return redirect("cases:detail", reference=case.reference)


@login_required
@require_POST
def set_owner(request, reference):
    case = _case(request, reference)
    form = OwnerForm(request.POST, people=selectors.workers_for(case))
    if not form.is_valid():
        raise Http404
    person = get_user_model().objects.get(uuid=form.cleaned_data["person"])
    if request.POST.get("as") == "assignee":
        return _act(
            request,
            case,
            lambda: services.case_assign(actor=request.user, case=case, person=person),
            _("The case has been updated."),
        )
    return _act(
        request,
        case,
        lambda: services.case_set_owner(actor=request.user, case=case, owner=person),
        _("The case has been updated."),
    )


@login_required
@require_POST
def schedule_consultation(request, reference):
    case = _case(request, reference)
    form = ConsultationForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
        return redirect("cases:detail", reference=case.reference)
    return _act(
        request,
        case,
        lambda: services.consultation_schedule(actor=request.user, case=case, **form.cleaned_data),
        _("The consultation has been scheduled and the invitations sent."),
    )


@login_required
def consultation_ics(request, reference, uuid):
    case = _case(request, reference)
    try:
        consultation = selectors.consultations(case).get(uuid=uuid)
    except Consultation.DoesNotExist as error:
        raise Http404 from error
    body = calendar.ics([services.consultation_calendar_event(consultation)])
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{case.reference}-consultation.ics"'
    return response


@login_required
@require_POST
def consultation_notes(request, reference, uuid):
    case = _case(request, reference)
    form = ConsultationNotesForm(request.POST)
    try:
        consultation = selectors.consultations(case).get(uuid=uuid)
        if form.is_valid():
            services.consultation_notes_set(
                actor=request.user, consultation=consultation, notes=form.cleaned_data["notes"]
            )
            messages.success(request, _("The notes have been saved."))
    except (Consultation.DoesNotExist, PermissionDenied) as error:
        raise Http404 from error
    return redirect("cases:detail", reference=case.reference)


@login_required
@require_POST
def attach_solution(request, reference, uuid):
    case = _case(request, reference)
    try:
        solution = selectors.solution_get(user=request.user, uuid=uuid)
        services.solution_attach(actor=request.user, case=case, solution=solution)
    except (Case.DoesNotExist, PermissionDenied, ValidationError) as error:
        raise Http404 from error
    messages.success(request, _("The solution has been shared with the requester."))
    return redirect("cases:detail", reference=case.reference)


@login_required
@require_http_methods(["GET", "POST"])
def log_contact(request):
    centres = selectors.request_recipients().filter(
        pk__in=organisation_selectors.organisation_ids_with_role(request.user)
    )
    if not centres.exists():
        raise Http404
    form = LogContactForm(
        request.POST or None,
        centres=centres,
        organisations=organisation_selectors.organisations_visible_to(request.user),
        initial={"organisation": centres.first(), "language": request.LANGUAGE_CODE},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            case = services.case_open(
                actor=request.user,
                workflow="request",
                organisation=data["organisation"],
                requester_organisation=data["requester_organisation"],
                title=data["title"],
                summary=data["summary"],
                topic=data["topic"],
                language=data["language"],
                channel=data["channel"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("%(reference)s has been logged.") % {"reference": case.reference})
            return redirect("cases:detail", reference=case.reference)
    return render(request, "cases/log_contact.html", {"form": form, "centres": centres})
