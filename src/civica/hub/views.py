from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from civica.core.forms import add_errors
from civica.organisations.models import Organisation

from . import selectors, services, throttle
from .forms import (
    CapacityForm,
    ContactForm,
    DecisionForm,
    JoinForm,
    MatchForm,
    NeedFilterForm,
    NeedForm,
    NoteForm,
    OfferForm,
    ProfileForm,
    ReasonForm,
    RepresentativeForm,
    TaskForm,
    TaskStatusForm,
)
from .models import SECTORS, CentreMembership, Need, Offer, PreparednessTask, Representative


def _centre(slug) -> Organisation:
    try:
        return selectors.centre_get(slug)
    except Organisation.DoesNotExist as error:
        raise Http404 from error


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
        "emergency": selectors.emergency_of(found),
        "may_see_needs": request.user.is_authenticated and request.user.has_perm("hub.see_needs", found),
        "may_see_offers": request.user.is_authenticated and request.user.has_perm("hub.propose_need", found),
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
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Your request has been sent to the centre."))
            return redirect("hub:membership", uuid=membership.uuid)
    return render(request, "hub/join.html", {"centre": found, "form": form, "emergency": selectors.emergency_of(found)})


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
            add_errors(decision if "decide" in request.POST else profile, error)
    context = {
        "membership": found,
        "representatives": selectors.representatives_of(found),
        "may_decide": may_decide and found.state == CentreMembership.State.REQUESTED,
        "may_edit": may_edit,
        "decision": decision,
        "profile_form": profile,
        "representative_form": representative,
        "sector_labels": dict(SECTORS),
        "emergency": selectors.emergency_of(found.centre),
    }
    return render(request, "hub/membership.html", context)


def centres(request):
    """The coordination centres: where to offer support, and for members their needs and plan."""
    return render(request, "hub/centres.html", {"centres": selectors.centres()})


# --- needs and gaps ------------------------------------------------------------------------------


def _centre_for(request, slug, permission: str) -> Organisation:
    found = _centre(slug)
    if not request.user.has_perm(permission, found):
        raise Http404
    return found


@login_required
def needs(request, slug, gaps=False):
    """The centre's needs by sector and territory; `gaps`: the open ones no service in the directory answers."""
    found = _centre_for(request, slug, "hub.see_needs")
    form = NeedFilterForm(
        request.GET or None,
        territories=selectors.territories_for_needs(found),
        committees=selectors.committees_of(found),
    )
    data = form.cleaned_data if form.is_valid() else {}
    filters = selectors.NeedFilters(
        sector=data.get("sector", ""),
        priority=data.get("priority", ""),
        status=data.get("status", ""),
        territory=data["territory"].pk if data.get("territory") else None,
        committee=data["committee"].pk if data.get("committee") else None,
        unanswered=gaps,
        query=data.get("q", ""),
    )
    page = Paginator(selectors.needs_visible_to(request.user, found, filters), 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "centre": found,
        "form": form,
        "page": page,
        "gaps": gaps,
        "emergency": selectors.emergency_of(found),
        "may_propose": request.user.has_perm("hub.propose_need", found),
        "manages": request.user.has_perm("hub.manage_needs", found),
        "language": get_language(),
        "query_string": query.urlencode(),
    }
    return render(request, "hub/needs.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def need_new(request, slug):
    found = _centre_for(request, slug, "hub.propose_need")
    manages = request.user.has_perm("hub.manage_needs", found)
    form = NeedForm(
        request.POST or None,
        territories=selectors.territories_for_needs(found),
        committees=selectors.committees_of(found),
        services=selectors.services_of_centre(found).order_by("name", "id"),
        manage=manages,
        initial={"priority": Need.Priority.IMMEDIATE, "status": Need.Status.OPEN, "territory": found.territory_id},
    )
    if request.method == "POST" and form.is_valid():
        values = dict(form.cleaned_data)
        values.pop("status", None)
        try:
            need = services.need_create(actor=request.user, centre=found, **values)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request,
                _("The need is recorded.")
                if manages
                else _("Thank you: the centre will look at the need you propose."),
            )
            return redirect("hub:need", uuid=need.uuid)
    context = {"centre": found, "form": form, "emergency": selectors.emergency_of(found), "manages": manages}
    return render(request, "hub/need_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def need(request, uuid):
    try:
        found = selectors.need_get(user=request.user, uuid=uuid)
    except (Need.DoesNotExist, ValidationError) as error:
        raise Http404 from error
    manages = request.user.has_perm("hub.manage_needs", found.centre)
    linked = list(selectors.services_of_need(found))
    form = None
    if manages:
        form = NeedForm(
            request.POST or None,
            territories=selectors.territories_for_needs(found.centre),
            committees=selectors.committees_of(found.centre),
            services=selectors.services_of_centre(found.centre).order_by("name", "id"),
            manage=True,
            initial={
                "title": found.title,
                "description": found.description,
                "sector": found.sector,
                "priority": found.priority,
                "territory": found.territory_id,
                "committee": found.committee_id,
                "status": found.status,
                "services": [service.id for service in linked],
            },
        )
        if request.method == "POST" and form.is_valid():
            try:
                services.need_update(actor=request.user, need=found, **form.cleaned_data)
            except ValidationError as error:
                add_errors(form, error)
            else:
                messages.success(request, _("The need is saved."))
                return redirect("hub:need", uuid=found.uuid)
    elif request.method == "POST":
        raise Http404
    context = {
        "centre": found.centre,
        "need": found,
        "services": linked,
        "offers": selectors.offers_of_need(user=request.user, need=found),
        "form": form,
        "emergency": selectors.emergency_of(found.centre),
        "language": get_language(),
    }
    return render(request, "hub/need.html", context)


# --- offers of support -----------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def offer_new(request, slug):
    """The public form: no account needed. A robot filling the hidden field is thanked and ignored."""
    found = _centre(slug)
    form = OfferForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["website"]:
            return render(request, "hub/offer_thanks.html", {"centre": found})
        if not throttle.allow("offer", request):
            form.add_error(None, _("Too many offers were sent from here in the last hour. Please try again later."))
            status = 429
        else:
            data = {**form.cleaned_data, "language": get_language()}
            try:
                offer = services.offer_submit(centre=found, data=data, actor=request.user)
            except ValidationError as error:
                add_errors(form, error)
            else:
                messages.success(
                    request,
                    _("Thank you: your offer %(reference)s is with the centre. We sent this page's address to you.")
                    % {"reference": offer.reference},
                )
                return redirect("hub:offer_follow", token=services.offer_token(offer))
    elif request.method == "POST":
        status = 400
    context = {"centre": found, "form": form, "emergency": selectors.emergency_of(found)}
    return render(request, "hub/offer_new.html", context, status=status)


def offer_follow(request, token):
    """The offerer's private page, reached through the signed link they were sent."""
    try:
        found = selectors.offer_for_token(services.offer_uuid_from_token(token))
    except (signing.BadSignature, Offer.DoesNotExist, ValidationError) as error:
        raise Http404 from error
    return render(request, "hub/offer_follow.html", {"offer": found, "centre": found.centre})


@login_required
def offers(request, slug):
    found = _centre(slug)
    manages = request.user.has_perm("hub.manage_offers", found)
    state = request.GET.get("state", "")
    state = state if state in Offer.State.values else ""
    # The centre's staff see every offer; a member organisation's staff those matched to them (maybe none).
    if not request.user.has_perm("hub.propose_need", found):
        raise Http404
    rows = selectors.offers_visible_to(request.user, found, state=state)
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    context = {
        "centre": found,
        "page": page,
        "state": state,
        "states": Offer.State.choices,
        "manages": manages,
        "emergency": selectors.emergency_of(found),
        "query_string": f"state={state}" if state else "",
    }
    return render(request, "hub/offers.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def offer(request, uuid):
    try:
        found = selectors.offer_get(user=request.user, uuid=uuid)
    except (Offer.DoesNotExist, ValidationError) as error:
        raise Http404 from error
    manages = request.user.has_perm("hub.manage_offers", found.centre)
    match = None
    if manages and found.state in (Offer.State.OFFERED, Offer.State.MATCHED):
        match = MatchForm(
            request.POST if "match" in request.POST else None,
            organisations=selectors.member_organisations(found.centre),
            needs=selectors.open_needs(found.centre),
            prefix="match",
            initial={
                "organisation": found.matched_organisation_id,
                "needs": [need.pk for need in selectors.needs_of_offer(found)],
            },
        )
    note = NoteForm(request.POST if "move" in request.POST else None, prefix="move")
    moves = services.allowed_moves(actor=request.user, offer=found)
    if request.method == "POST":
        try:
            if match is not None and "match" in request.POST and match.is_valid():
                services.offer_match(
                    actor=request.user,
                    offer=found,
                    needs=match.cleaned_data["needs"],
                    organisation=match.cleaned_data["organisation"],
                    note=match.cleaned_data["note"],
                )
                messages.success(request, _("The offer is matched; the organisation and the offerer are told."))
                return redirect("hub:offer", uuid=found.uuid)
            if "move" in request.POST and note.is_valid():
                target = request.POST["move"]
                if target not in moves:
                    raise Http404
                services.offer_transition(actor=request.user, offer=found, to=target, note=note.cleaned_data["note"])
                messages.success(request, _("The offer's state is saved."))
                if request.user.has_perm("hub.see_offer", found):
                    return redirect("hub:offer", uuid=found.uuid)
                return redirect("hub:centre", slug=found.centre.slug)
        except ValidationError as error:
            add_errors(match if "match" in request.POST and match is not None else note, error)
    context = {
        "centre": found.centre,
        "offer": found,
        "needs": selectors.needs_of_offer(found),
        "manages": manages,
        "match": match,
        "note_form": note,
        "moves": [(state, Offer.State(state).label) for state in moves],
        "emergency": selectors.emergency_of(found.centre),
    }
    return render(request, "hub/offer.html", context)


# --- preparedness plan -----------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def preparedness(request, slug):
    """The plan: the emergency mode, capacities reported by members, tasks, and a link to the contact tree."""
    found = _centre_for(request, slug, "hub.see_preparedness")
    manages = request.user.has_perm("hub.manage_preparedness", found)
    emergency = selectors.emergency_of(found)
    mine = selectors.approved_memberships(found) if manages else selectors.my_memberships(request.user, found)
    emergency_form = ReasonForm(request.POST if "emergency" in request.POST else None, prefix="emergency")
    capacity_form = CapacityForm(
        request.POST if "capacity" in request.POST else None, memberships=mine, prefix="capacity"
    )
    task_form = TaskForm(
        request.POST if "task" in request.POST else None,
        memberships=selectors.approved_memberships(found),
        prefix="task",
    )
    if request.method == "POST":
        try:
            if "emergency" in request.POST and manages and emergency_form.is_valid():
                reason = emergency_form.cleaned_data["reason"]
                if emergency is None:
                    services.emergency_activate(actor=request.user, centre=found, reason=reason)
                    messages.success(request, _("The emergency mode is active."))
                else:
                    services.emergency_deactivate(actor=request.user, centre=found, reason=reason)
                    messages.success(request, _("The emergency mode has ended."))
                return redirect("hub:preparedness", slug=found.slug)
            if "capacity" in request.POST and capacity_form.is_valid():
                services.capacity_report(actor=request.user, **capacity_form.cleaned_data)
                messages.success(request, _("The capacity is reported."))
                return redirect("hub:preparedness", slug=found.slug)
            if "task" in request.POST and manages and task_form.is_valid():
                services.task_create(actor=request.user, centre=found, **task_form.cleaned_data)
                messages.success(request, _("The task is assigned."))
                return redirect("hub:preparedness", slug=found.slug)
        except ValidationError as error:
            target = {"emergency": emergency_form, "capacity": capacity_form, "task": task_form}
            add_errors(next(form for key, form in target.items() if key in request.POST), error)
    reports = selectors.latest_capacities(found)
    tasks = [
        (
            task,
            TaskStatusForm(prefix=f"t{task.uuid.hex[:12]}", initial={"status": task.status}),
            request.user.has_perm("hub.update_task", task),
        )
        for task in selectors.tasks_of(found, user=request.user)
    ]
    context = {
        "centre": found,
        "emergency": emergency,
        "history": selectors.emergency_history(found),
        "manages": manages,
        "emergency_form": emergency_form,
        "capacity_form": capacity_form if mine.exists() else None,
        "task_form": task_form if manages else None,
        "reports": reports,
        "totals": selectors.capacity_totals(reports),
        "tasks": tasks,
    }
    return render(request, "hub/preparedness.html", context)


@login_required
@require_POST
def task_status(request, uuid):
    try:
        found = selectors.task_get(user=request.user, uuid=uuid)
    except (PreparednessTask.DoesNotExist, ValidationError) as error:
        raise Http404 from error
    form = TaskStatusForm(request.POST, prefix=f"t{found.uuid.hex[:12]}")
    if form.is_valid():
        services.task_set_status(actor=request.user, task=found, status=form.cleaned_data["status"])
        messages.success(request, _("The task's status is saved."))
    else:
        messages.error(request, _("Choose a status from the list."))
    return redirect("hub:preparedness", slug=found.centre.slug)


@login_required
@require_http_methods(["GET", "POST"])
def contact_tree(request, slug):
    """Who calls whom, level by level; laid out to be printed and kept by every representative."""
    found = _centre_for(request, slug, "hub.see_preparedness")
    manages = request.user.has_perm("hub.manage_preparedness", found)
    entries = selectors.contact_tree(found)
    form = None
    if manages:
        placed = {entry.representative_id for entry in entries}
        form = ContactForm(
            request.POST if "add" in request.POST else None,
            representatives=[r for r in selectors.representatives_of_centre(found) if r.pk not in placed],
            entries=entries,
        )
    if request.method == "POST":
        if not manages:
            raise Http404
        try:
            if "add" in request.POST and form.is_valid():
                services.contact_add(
                    actor=request.user,
                    centre=found,
                    representative=form.representatives[form.cleaned_data["representative"]],
                    caller=form.entries.get(form.cleaned_data["caller"]),
                )
                messages.success(request, _("The person is added to the contact tree."))
                return redirect("hub:contact_tree", slug=found.slug)
            if "remove" in request.POST:
                target = next((e for e in entries if str(e.uuid) == request.POST["remove"]), None)
                if target is None:
                    raise Http404
                services.contact_remove(actor=request.user, entry=target)
                messages.success(request, _("The person is removed from the contact tree."))
                return redirect("hub:contact_tree", slug=found.slug)
        except ValidationError as error:
            if form is not None and "add" in request.POST:
                add_errors(form, error)
            else:
                messages.error(request, " ".join(error.messages))
    context = {
        "centre": found,
        "levels": selectors.contact_tree_levels(found),
        "manages": manages,
        "form": form,
        "emergency": selectors.emergency_of(found),
    }
    return render(request, "hub/contact_tree.html", context)
