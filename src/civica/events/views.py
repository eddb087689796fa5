from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from civica.core import documents
from civica.core.forms import add_errors

from . import selectors, services
from .calendar import event_ics
from .certificates import certificate_docx, certificate_pdf
from .forms import EmailRegistrationForm, EventForm, VerifyForm
from .models import Event, Registration


def _event(request, uuid) -> Event:
    try:
        return selectors.event_get(user=request.user, uuid=uuid)
    except (Event.DoesNotExist, ValidationError) as error:
        raise Http404 from error


def event_list(request):
    upcoming = request.GET.get("when") != "past"
    kind = request.GET.get("kind", "")
    if kind not in Event.Kind.values:
        kind = ""
    page = Paginator(selectors.event_list(user=request.user, kind=kind, upcoming=upcoming), 25).get_page(
        request.GET.get("page")
    )
    context = {
        "page": page,
        "upcoming": upcoming,
        "kind": kind,
        "kinds": Event.Kind.choices,
        "may_create": request.user.is_authenticated
        and selectors.organisations_that_may_organise(request.user).exists(),
        "mine": selectors.my_registrations(request.user)[:10],
    }
    return render(request, "events/list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def event_create(request):
    organisations = selectors.organisations_that_may_organise(request.user)
    if not organisations.exists():
        raise Http404
    form = EventForm(
        request.POST or None,
        organisations=organisations,
        initial={"organisation": organisations.first(), "language": get_language(), "capacity": 30},
    )
    if request.method == "POST" and form.is_valid():
        try:
            event = services.event_create(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The event has been published."))
            return redirect("events:detail", uuid=event.uuid)
    return render(request, "events/create.html", {"form": form})


@require_http_methods(["GET", "POST"])
def event_detail(request, uuid):
    event = _event(request, uuid)
    may_manage = request.user.is_authenticated and request.user.has_perm("events.manage_event", event)
    mine = selectors.registration_of(request.user, event)
    email_form = EmailRegistrationForm(request.POST if "register_by_email" in request.POST else None, prefix="email")
    if request.method == "POST":
        try:
            if "register" in request.POST and request.user.is_authenticated:
                registration = services.registration_create(actor=request.user, event=event)
                if registration.status == Registration.Status.CONFIRMED:
                    messages.success(request, _("You are registered. The calendar file is in your e-mail."))
                else:
                    messages.success(request, _("The event is full: you are on the waiting list."))
                return redirect("events:detail", uuid=event.uuid)
            if "cancel" in request.POST and mine is not None:
                services.registration_cancel(actor=request.user, registration=mine)
                messages.success(request, _("Your registration has been cancelled."))
                return redirect("events:detail", uuid=event.uuid)
            if "register_by_email" in request.POST and email_form.is_valid():
                services.registration_request_by_email(
                    event=event,
                    name=email_form.cleaned_data["name"],
                    email=email_form.cleaned_data["email"],
                    language=get_language(),
                )
                messages.success(request, _("We have sent you an e-mail: open its link to confirm your registration."))
                return redirect("events:detail", uuid=event.uuid)
            if "attendance" in request.POST and may_manage:
                count = services.attendance_record(
                    actor=request.user, event=event, present=set(request.POST.getlist("present"))
                )
                messages.success(request, _("Attendance recorded: %(count)s present.") % {"count": count})
                return redirect("events:detail", uuid=event.uuid)
            if "register_by_email" not in request.POST:
                raise Http404
        except ValidationError as error:
            if "register_by_email" in request.POST:
                add_errors(email_form, error)
            else:
                messages.error(request, " ".join(error.messages))
                return redirect("events:detail", uuid=event.uuid)
    context = {
        "event": event,
        "mine": mine,
        "may_manage": may_manage,
        "registrations": selectors.registrations_of(event) if may_manage else [],
        "email_form": email_form,
        "places_left": max(event.capacity - event.registered, 0),
        "sees_video": bool(event.video_url) and (may_manage or (mine is not None and mine.status == "confirmed")),
        "has_started": event.starts_at <= timezone.now(),
    }
    return render(request, "events/detail.html", context)


def event_calendar(request, uuid):
    event = _event(request, uuid)
    mine = selectors.registration_of(request.user, event)
    with_video = request.user.has_perm("events.manage_event", event) or (
        mine is not None and mine.status == Registration.Status.CONFIRMED
    )
    response = HttpResponse(event_ics(event, with_video=with_video), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="event.ics"'
    return response


def confirm(request, token):
    try:
        registration = services.registration_confirm(token=token)
    except ValidationError as error:
        return render(request, "events/confirm.html", {"error": " ".join(error.messages)}, status=400)
    return render(request, "events/confirm.html", {"registration": registration, "event": registration.event})


def certificate(request, uuid, format):
    try:
        registration = selectors.registration_get(user=request.user, uuid=uuid)
    except (Registration.DoesNotExist, ValidationError) as error:
        raise Http404 from error
    if not registration.attended or not registration.certificate_code:
        raise Http404
    if format == "pdf":
        try:
            content = certificate_pdf(registration)
        except documents.DocumentError as error:
            messages.error(request, str(error))
            return redirect("events:detail", uuid=registration.event.uuid)
        content_type, name = documents.PDF_CONTENT_TYPE, "certificate.pdf"
    else:
        content, content_type, name = certificate_docx(registration), documents.DOCX_CONTENT_TYPE, "certificate.docx"
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def verify(request):
    """Public: anyone holding a certificate's code can check that it was issued, and to whom."""
    form = VerifyForm(request.GET if "code" in request.GET else None)
    found = None
    checked = False
    if form.is_bound and form.is_valid():
        checked = True
        try:
            found = selectors.certificate_by_code(form.cleaned_data["code"])
        except Registration.DoesNotExist:
            found = None
    return render(request, "events/verify.html", {"form": form, "found": found, "checked": checked})
