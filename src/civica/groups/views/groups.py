"""Pages of a working group: the directory, creation, members and its follow-ups."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from civica.core.forms import add_errors
from civica.knowledge import selectors as knowledge_selectors
from civica.organisations import selectors as organisation_selectors
from civica.organisations.models import Organisation

from .. import selectors, services
from ..calendar import feed_ics
from ..forms import (
    FilterForm,
    FollowUpStatusForm,
    GroupForm,
    MemberForm,
    SwotForm,
)
from ..models import FollowUp, SwotEntry
from ._shared import _calendar, _get

# --- Groups ----------------------------------------------------------------------------------------


def directory(request):
    form = FilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    groups = selectors.group_directory(user=request.user, query=filters.get("q", ""), kind=filters.get("kind", ""))
    page = Paginator(groups, 25).get_page(request.GET.get("page"))
    can_create = organisation_selectors.own_organisations(request.user, roles={"admin", "staff"}).exists()
    mine = selectors.group_positions(request.user)
    found = selectors.search_minutes_and_follow_ups(user=request.user, query=filters.get("q", ""), limit=20)
    return render(
        request,
        "groups/directory.html",
        {"form": form, "page": page, "can_create": can_create, "mine": mine, "found": found},
    )


@login_required
@require_http_methods(["GET", "POST"])
def create(request):
    organisations = organisation_selectors.own_organisations(request.user, roles={"admin", "staff"})
    if not organisations.exists():
        raise Http404
    form = GroupForm(
        request.POST or None,
        organisations=organisations,
        initial={"language": get_language(), "organisation": organisations.first(), "visibility": "private"},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            group = services.group_create(
                actor=request.user,
                organisation=data["organisation"],
                name=data["name"],
                kind=data["kind"],
                visibility=data["visibility"],
                description=data["description"],
                language=data["language"],
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The group has been created."))
            return redirect("groups:detail", uuid=group.uuid)
    return render(request, "groups/create.html", {"form": form})


def _member_form(request, data=None):
    return MemberForm(data, organisations=Organisation.objects.order_by("name"), prefix="member")


def _swot_form(group, data=None):
    return SwotForm(data, meetings=selectors.meetings_of(group), prefix="swot")


def detail(request, uuid, member_form=None, swot_form=None):
    group = _get(selectors.group_get, user=request.user, uuid=uuid)
    runs = request.user.has_perm("groups.manage_group", group)
    context = {
        "swot_form": swot_form or (_swot_form(group) if runs else None),
        "group": group,
        "members": selectors.members_of(group),
        "meetings": selectors.meetings_of(group)[:50],
        "open_follow_ups": selectors.follow_ups_of_group(user=request.user, group=group, status="open")[:50],
        "swots": selectors.swots_of(group),
        "runs": runs,
        "is_member": group.pk in selectors.group_positions(request.user),
        "member_form": member_form or (_member_form(request) if runs else None),
        "swot_kinds": SwotEntry.Kind.choices,
        "practices": knowledge_selectors.practices_of_group(user=request.user, group=group),
    }
    return render(request, "groups/detail.html", context)


@login_required
@require_POST
def member_add(request, uuid):
    group = _get(selectors.group_get, user=request.user, uuid=uuid)
    if not request.user.has_perm("groups.manage_group", group):
        raise Http404
    form = _member_form(request, request.POST)
    if form.is_valid():
        data = form.cleaned_data
        person = get_user_model().objects.filter(email__iexact=data["email"], is_active=True).first()
        if person is None:
            form.add_error("email", _("Nobody with this e-mail address has an account on Civica."))
        else:
            try:
                services.member_add(
                    actor=request.user,
                    group=group,
                    user=person,
                    position=data["position"],
                    organisation=data["organisation"],
                    starts_on=data["starts_on"],
                    ends_on=data["ends_on"],
                )
            except ValidationError as error:
                add_errors(form, error)
            else:
                messages.success(request, _("%(name)s is now a member of the group.") % {"name": person.display_name})
                return redirect("groups:detail", uuid=group.uuid)
    return detail(request, uuid, member_form=form)


def group_calendar(request, uuid):
    group = _get(selectors.group_get, user=request.user, uuid=uuid)
    return _calendar(feed_ics(selectors.meetings_of(group)[:200], name=group.name), "group.ics")


def follow_ups(request, uuid):
    group = _get(selectors.group_get, user=request.user, uuid=uuid)
    status = request.GET.get("status", "open")
    status = status if status in FollowUp.Status.values or status == "" else "open"
    items = selectors.follow_ups_of_group(user=request.user, group=group, status=status)
    page = Paginator(items, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "groups/follow_ups.html",
        {
            "group": group,
            "institution": None,
            "page": page,
            "status": status,
            "statuses": FollowUp.Status.choices,
            "updatable": _updatable(request.user, page),
        },
    )


def _updatable(user, follow_ups) -> set[int]:
    return {item.pk for item in follow_ups if user.has_perm("groups.update_follow_up", item)}


def institution_follow_ups(request, slug):
    organisation = _get(selectors.institution_get, user=request.user, slug=slug)
    status = request.GET.get("status", "open")
    status = status if status in FollowUp.Status.values or status == "" else "open"
    items = selectors.follow_ups_of_institution(user=request.user, organisation=organisation, status=status)
    page = Paginator(items, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "groups/follow_ups.html",
        {
            "group": None,
            "institution": organisation,
            "page": page,
            "status": status,
            "statuses": FollowUp.Status.choices,
            "updatable": _updatable(request.user, page),
        },
    )


@login_required
@require_POST
def follow_up_update(request, uuid):
    follow_up = _get(selectors.follow_up_get, user=request.user, uuid=uuid)
    form = FollowUpStatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a status."))
    else:
        try:
            services.follow_up_update(actor=request.user, follow_up=follow_up, status=form.cleaned_data["status"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The follow-up has been updated."))
    return redirect("groups:follow_ups", uuid=follow_up.group.uuid)
