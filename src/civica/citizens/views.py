"""Citizens' pages: an organisation's public home, verifying as a resident, the organisation's
verification settings (counts, never identities), and the person's own account (profile, export, erasure)."""

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from civica.core.forms import add_errors, run_service
from civica.core.public_actions import public_actions_for
from civica.core.uploads import check_upload
from civica.organisations import selectors as organisations
from civica.organisations.models import Organisation

from . import accounts, selectors, verification
from .adapter import SESSION_KEY
from .forms import (
    PRIVACY_NOTICE_VERSION,
    CensusForm,
    CensusUploadForm,
    CodeForm,
    CodesForm,
    EraseForm,
    ProfileForm,
    SetupForm,
)


def _organisation(request, slug):
    try:
        return organisations.organisation_get(user=request.user, slug=slug)
    except Organisation.DoesNotExist as error:
        raise Http404 from error


def public_home(request, slug):
    organisation = _organisation(request, slug)
    setup = selectors.setup_of(organisation)
    context = {
        "organisation": organisation,
        "actions": public_actions_for(organisation, request.user),
        "setup": setup,
        "can_verify": bool(setup and (setup.census_enabled or setup.code_enabled)),
        "is_resident": bool(setup) and selectors.is_verified_resident(request.user, setup.territory),
        "show_contacts": not organisation.contacts_confidential,
    }
    return render(request, "citizens/public_home.html", context)


def signup_here(request, slug):
    """Remember the organisation so that its open sign-up applies, then go to the sign-up form."""
    organisation = _organisation(request, slug)
    if not selectors.signup_open_at(organisation):
        raise Http404
    request.session[SESSION_KEY] = organisation.slug
    return redirect("account_signup")


@login_required
@require_http_methods(["GET", "POST"])
def verify(request, slug):
    organisation = _organisation(request, slug)
    setup = selectors.setup_of(organisation)
    if setup is None or not (setup.census_enabled or setup.code_enabled):
        raise Http404
    method = request.POST.get("method", "")
    census_form = CensusForm(request.POST if method == "census" else None, prefix="census")
    code_form = CodeForm(request.POST if method == "code" else None, prefix="code")
    if method == "census" and setup.census_enabled:
        ok, _result = run_service(
            census_form,
            lambda data: verification.census_verify(
                actor=request.user, setup=setup, identifier=data["identifier"], birth_date=data["birth_date"]
            ),
        )
    elif method == "code" and setup.code_enabled:
        ok, _result = run_service(
            code_form, lambda data: verification.code_redeem(actor=request.user, setup=setup, code=data["code"])
        )
    else:
        ok = False
    if ok:
        messages.success(request, _("You are now a verified resident of %(place)s.") % {"place": setup.territory})
        return redirect("citizens:home", slug=organisation.slug)
    context = {
        "organisation": organisation,
        "setup": setup,
        "census_form": census_form,
        "code_form": code_form,
        "is_resident": selectors.is_verified_resident(request.user, setup.territory),
    }
    return render(request, "citizens/verify.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def manage(request, slug):
    organisation = _organisation(request, slug)
    if not request.user.has_perm("citizens.manage_verification", organisation):
        raise Http404
    setup = selectors.setup_of(organisation)
    action = request.POST.get("action", "")
    setup_form = SetupForm(request.POST if action == "setup" else None, instance=setup, prefix="setup")
    upload_form = CensusUploadForm(request.POST if action == "census" else None, request.FILES or None)
    codes_form = CodesForm(request.POST if action == "codes" else None, prefix="codes")
    codes = None
    if action == "setup":
        ok, _result = run_service(
            setup_form,
            lambda data: verification.setup_save(actor=request.user, organisation=organisation, data=data),
        )
        if ok:
            messages.success(request, _("The verification settings are saved."))
            return redirect("citizens:manage", slug=organisation.slug)
    elif action == "census" and setup is not None and upload_form.is_valid():
        upload = upload_form.cleaned_data["file"]
        try:
            check_upload(upload, kinds={"csv"}, max_bytes=20 * 1024 * 1024)
            upload.seek(0)
            text = upload.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            add_errors(upload_form, ValidationError({"file": _("The file must be UTF-8 text.")}))
        except ValidationError as error:
            add_errors(upload_form, ValidationError({"file": error.messages}))
        else:
            try:
                census = verification.census_upload(actor=request.user, setup=setup, text=text)
            except ValidationError as error:
                add_errors(upload_form, ValidationError({"file": error.messages}))
            else:
                messages.success(request, _("The census is loaded: %(count)s people.") % {"count": census.row_count})
                return redirect("citizens:manage", slug=organisation.slug)
    elif action == "codes" and setup is not None:
        ok, codes = run_service(
            codes_form,
            lambda data: verification.codes_issue(
                actor=request.user, setup=setup, count=data["count"], valid_days=data["valid_days"]
            ),
        )
    context = {
        "organisation": organisation,
        "setup": setup,
        "setup_form": setup_form,
        "upload_form": upload_form,
        "codes_form": codes_form,
        "codes": codes,
        "census": selectors.current_census(organisation) if setup else None,
        "counts": selectors.verification_counts(setup.territory) if setup else None,
    }
    return render(request, "citizens/manage.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def me(request):
    user = request.user
    notification = selectors.notification_settings_of(user)
    initial = {
        "preferred_language": user.preferred_language,
        "email_updates": notification.email_updates,
        "email_consultations": notification.email_consultations,
    }
    form = ProfileForm(request.POST or None, initial=initial)
    if request.method == "POST":
        ok, _result = run_service(form, lambda data: accounts.profile_update(actor=user, user=user, data=data))
        if ok:
            messages.success(request, _("Your settings are saved."))
            return redirect("citizens:me")
    context = {
        "form": form,
        "verifications": selectors.verifications_of(user),
        "consents": selectors.consents_of(user),
    }
    return render(request, "citizens/me.html", context)


@login_required
def export(request):
    data = accounts.personal_data_export(actor=request.user, user=request.user)
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2), content_type="application/json"
    )
    response["Content-Disposition"] = 'attachment; filename="civica-my-data.json"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def erase(request):
    form = EraseForm(request.POST or None)
    if request.method == "POST":
        user = request.user
        ok, _result = run_service(form, lambda data: accounts.account_erase(actor=user, user=user))
        if ok:
            logout(request)
            messages.success(request, _("Your account has been erased."))
            return redirect("/")
    return render(request, "citizens/erase.html", {"form": form})


def privacy(request):
    return render(request, "citizens/privacy.html", {"version": PRIVACY_NOTICE_VERSION})
