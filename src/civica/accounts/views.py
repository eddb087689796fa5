import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from . import selectors, services
from .forms import ApiTokenForm, ProfileForm
from .models import ApiToken


@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        services.profile_update(actor=request.user, user=request.user, data=form.cleaned_data)
        messages.success(request, _("Your profile has been saved."))
        return redirect("accounts:profile")
    return render(request, "accounts/profile.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def api_tokens(request):
    form = ApiTokenForm(request.POST or None)
    issued = None
    if request.method == "POST" and form.is_valid():
        expires_on = form.cleaned_data.get("expires_at")
        expires_at = (
            timezone.make_aware(datetime.datetime.combine(expires_on, datetime.time.max)) if expires_on else None
        )
        issued = services.api_token_create(
            actor=request.user,
            name=form.cleaned_data["name"],
            expires_at=expires_at,
            scopes=form.cleaned_data["scopes"],
        )
        form = ApiTokenForm()
    context = {"form": form, "tokens": selectors.api_tokens_for_user(user=request.user), "issued": issued}
    return render(request, "accounts/api_tokens.html", context)


@login_required
@require_POST
def api_token_revoke(request, uuid):
    try:
        token = selectors.api_tokens_for_user(user=request.user).get(uuid=uuid)
    except (ApiToken.DoesNotExist, ValidationError) as error:
        raise Http404 from error
    services.api_token_revoke(actor=request.user, token=token)
    messages.success(request, _("The token “%(name)s” has been revoked.") % {"name": token.name})
    return redirect("accounts:api_tokens")
