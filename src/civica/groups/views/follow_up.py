"""The page of one follow-up and its SDG targets."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from civica.sdg import selectors as sdg_selectors

from .. import selectors, services
from ..forms import (
    FollowUpSdgForm,
)
from ..models import FollowUp
from ._shared import _get

# --- One follow-up ---------------------------------------------------------------------------------


def _sdg_form(follow_up, data=None):
    return FollowUpSdgForm(
        data,
        indicators=sdg_selectors.indicators(),
        prefix="sdg",
        initial={"sdg_indicators": list(follow_up.sdg_indicators.all())},
    )


def follow_up(request, uuid, sdg_form=None):
    item = _get(selectors.follow_up_detail, user=request.user, uuid=uuid)
    can_update = request.user.has_perm("groups.update_follow_up", item)
    context = {
        "follow_up": item,
        "group": item.group,
        "can_update": can_update,
        "sdg_form": sdg_form or (_sdg_form(item) if can_update else None),
        "statuses": FollowUp.Status.choices,
    }
    return render(request, "groups/follow_up.html", context)


@login_required
@require_POST
def follow_up_sdg(request, uuid):
    item = _get(selectors.follow_up_detail, user=request.user, uuid=uuid)
    if not request.user.has_perm("groups.update_follow_up", item):
        raise Http404
    form = _sdg_form(item, request.POST)
    if form.is_valid():
        services.follow_up_link_sdg(
            actor=request.user, follow_up=item, sdg_indicators=list(form.cleaned_data["sdg_indicators"])
        )
        messages.success(request, _("The SDG 16 indicators of the follow-up have been saved."))
        return redirect("groups:follow_up", uuid=item.uuid)
    return follow_up(request, uuid, sdg_form=form)
