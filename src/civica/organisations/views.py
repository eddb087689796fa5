"""Organisation pages: thin views that parse, authorise, call a service or selector, render."""

from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from civica.core import selectors as audit_selectors
from civica.core.forms import add_errors

from . import selectors, services
from .forms import (
    DirectoryFilterForm,
    InvitationForm,
    InvitationSignupForm,
    MembershipForm,
    OrganisationForm,
    TerritoryFilterForm,
)
from .models import Invitation, Membership, Organisation

PAGE_SIZE = 25


def _page(request, queryset):
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))


def _visible_organisation(request, slug) -> Organisation:
    try:
        return selectors.organisation_get(user=request.user, slug=slug)
    except Organisation.DoesNotExist as error:
        raise Http404 from error


def _authorised_organisation(request, slug, permission) -> Organisation:
    organisation = _visible_organisation(request, slug)
    if not request.user.has_perm(permission, organisation):
        # A page the person cannot use looks like a page that does not exist.
        raise Http404
    return organisation


def directory(request):
    form = DirectoryFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    queryset = selectors.organisation_directory(
        user=request.user, query=filters.get("q", ""), kind=filters.get("kind", ""), country=filters.get("country", "")
    )
    return render(request, "organisations/directory.html", {"form": form, "page": _page(request, queryset)})


def profile(request, slug):
    organisation = _visible_organisation(request, slug)
    can_view_contacts = request.user.has_perm("organisations.view_contacts", organisation)
    if organisation.contacts_confidential and can_view_contacts:
        services.organisation_contacts_viewed(actor=request.user, organisation=organisation)
    context = {
        "organisation": organisation,
        "units": selectors.units_of(organisation, user=request.user),
        "show_contacts": can_view_contacts or not organisation.contacts_confidential,
        "can_edit": request.user.has_perm("organisations.change_organisation", organisation),
        "can_view_members": request.user.has_perm("organisations.view_members", organisation),
        "can_view_audit": request.user.has_perm("organisations.view_audit", organisation),
    }
    return render(request, "organisations/profile.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def edit(request, slug):
    organisation = _authorised_organisation(request, slug, "organisations.change_organisation")
    form = OrganisationForm(request.POST or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in form.Meta.fields}
        # Work on a fresh copy: the form has already written its values onto `organisation`.
        fresh = Organisation.objects.get(pk=organisation.pk)
        try:
            services.organisation_update(actor=request.user, organisation=fresh, data=data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The organisation's profile has been saved."))
            return redirect("organisations:profile", slug=fresh.slug)
    return render(request, "organisations/edit.html", {"organisation": organisation, "form": form})


@login_required
def members(request, slug):
    organisation = _authorised_organisation(request, slug, "organisations.view_members")
    can_manage = request.user.has_perm("organisations.manage_members", organisation)
    context = {
        "organisation": organisation,
        "page": _page(request, selectors.members_of(organisation)),
        "can_manage": can_manage,
        "invitations": selectors.pending_invitations(organisation) if can_manage else [],
        "invite_form": InvitationForm() if can_manage else None,
    }
    return render(request, "organisations/members.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def invite(request, slug):
    organisation = _authorised_organisation(request, slug, "organisations.manage_members")
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.invitation_create(
                actor=request.user,
                organisation=organisation,
                email=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Invitation sent to %(email)s.") % {"email": form.cleaned_data["email"]})
            return redirect("organisations:members", slug=organisation.slug)
    return render(request, "organisations/invite.html", {"organisation": organisation, "form": form})


@login_required
@require_POST
def invitation_revoke(request, slug, uuid):
    organisation = _authorised_organisation(request, slug, "organisations.manage_members")
    try:
        invitation = selectors.pending_invitations(organisation).get(uuid=uuid)
    except (Invitation.DoesNotExist, ValidationError) as error:
        raise Http404 from error
    services.invitation_revoke(actor=request.user, invitation=invitation)
    messages.success(request, _("The invitation has been withdrawn."))
    return redirect("organisations:members", slug=organisation.slug)


@login_required
@require_http_methods(["GET", "POST"])
def membership_edit(request, slug, uuid):
    organisation = _authorised_organisation(request, slug, "organisations.manage_members")
    try:
        membership = selectors.membership_get(organisation=organisation, uuid=uuid)
    except (Membership.DoesNotExist, ValidationError) as error:
        raise Http404 from error
    initial = {
        "role": membership.role,
        "position": membership.position,
        "handles_sensitive_data": membership.handles_sensitive_data,
    }
    form = MembershipForm(request.POST or None, initial=initial)
    if request.method == "POST" and "remove" in request.POST:
        try:
            services.membership_remove(actor=request.user, membership=membership)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("%(person)s is no longer a member.") % {"person": membership.user})
            return redirect("organisations:members", slug=organisation.slug)
    elif request.method == "POST" and form.is_valid():
        try:
            services.membership_update(actor=request.user, membership=membership, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The membership has been saved."))
            return redirect("organisations:members", slug=organisation.slug)
    return render(
        request,
        "organisations/membership_edit.html",
        {"organisation": organisation, "membership": membership, "form": form},
    )


@login_required
def audit(request, slug):
    organisation = _authorised_organisation(request, slug, "organisations.view_audit")
    show = "access" if request.GET.get("show") == "access" else "changes"
    if show == "access":
        queryset = audit_selectors.access_log_for_organisation(organisation_uuid=organisation.uuid)
    else:
        queryset = audit_selectors.audit_events_for_organisation(organisation_uuid=organisation.uuid)
    return render(
        request,
        "organisations/audit.html",
        {"organisation": organisation, "page": _page(request, queryset), "show": show},
    )


@require_http_methods(["GET", "POST"])
def invitation(request, token):
    """Accept an invitation: signed-in people join; newcomers create their account here."""
    found = services.invitation_find(token)
    if found is None:
        return render(request, "organisations/invitation_invalid.html", status=404)
    user_model = get_user_model()
    if request.user.is_authenticated:
        if request.method == "POST":
            try:
                services.invitation_accept(invitation=found, user=request.user)
            except PermissionDenied:
                messages.error(request, _("This invitation was sent to another e-mail address."))
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(request, _("You have joined %(organisation)s.") % {"organisation": found.organisation})
                return redirect("web:dashboard")
        return render(request, "organisations/invitation.html", {"invitation": found})
    if user_model.objects.filter(email__iexact=found.email).exists():
        return render(request, "organisations/invitation.html", {"invitation": found, "must_sign_in": True})
    form = InvitationSignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        candidate = user_model(
            email=found.email, first_name=form.cleaned_data["first_name"], last_name=form.cleaned_data["last_name"]
        )
        try:
            validate_password(form.cleaned_data["password1"], user=candidate)
        except ValidationError as error:
            form.add_error("password1", error)
        else:
            user = services.invitation_signup(
                invitation=found,
                first_name=candidate.first_name,
                last_name=candidate.last_name,
                password=form.cleaned_data["password1"],
            )
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(
                request,
                _("Welcome to Civica. You have joined %(organisation)s.") % {"organisation": found.organisation},
            )
            return redirect("web:dashboard")
    return render(request, "organisations/invitation.html", {"invitation": found, "form": form})


def territories(request):
    form = TerritoryFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    queryset = selectors.territories(
        country=filters.get("country", ""), level=filters.get("level", ""), query=filters.get("q", "")
    )
    return render(request, "organisations/territories.html", {"form": form, "page": _page(request, queryset)})
