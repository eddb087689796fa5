from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from civica.core import notifications
from civica.core import selectors as audit_selectors
from civica.mediation import selectors as mediation_selectors
from civica.organisations import selectors as organisation_selectors
from civica.organisations.models import Role

from .active_organisation import active_membership, set_active_organisation


def home(request):
    return render(request, "web/home.html")


def accessibility(request):
    return render(request, "web/accessibility.html")


@login_required
def dashboard(request):
    """What this person needs today, by their role in the organisation they are working as."""
    memberships = list(organisation_selectors.memberships_of(request.user))
    membership = active_membership(request, memberships)
    context = {
        "membership": membership,
        "is_platform_admin": request.user.is_superuser,
        "notices": list(notifications.unread_notices(request.user)),
        # A mediator of a centre's registry may have no membership at all: their selections come first.
        "mediator_selections": list(mediation_selectors.selections_for_mediator(request.user)[:5]),
    }
    if membership is not None:
        organisation = membership.organisation
        context["colleague_count"] = organisation_selectors.members_of(organisation).count()
        if membership.role == Role.ADMIN:
            context["invitations"] = list(organisation_selectors.pending_invitations(organisation)[:5])
            context["recent_changes"] = list(
                audit_selectors.audit_events_for_organisation(organisation_uuid=organisation.uuid)[:5]
            )
    if request.user.is_superuser:
        context["platform_counts"] = organisation_selectors.platform_counts()
    return render(request, "web/dashboard.html", context)


@login_required
def my_organisations(request):
    return render(request, "web/my_organisations.html")


@login_required
@require_POST
def switch_organisation(request):
    chosen = request.POST.get("organisation", "")
    membership = next(
        (m for m in organisation_selectors.memberships_of(request.user) if str(m.organisation.uuid) == chosen), None
    )
    if membership is None:
        raise Http404
    set_active_organisation(request, membership.organisation.uuid)
    messages.success(request, _("You are now working as %(organisation)s.") % {"organisation": membership.organisation})
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "web:dashboard"
    return redirect(target)


@login_required
@require_POST
def notices_read(request):
    notifications.mark_all_read(request.user)
    return redirect("web:dashboard")
