"""Every write to events and registrations: atomic, audited, keyword-only actor; e-mails after commit."""

import secrets
from datetime import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMessage
from django.core.validators import validate_email
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from civica.core import audit
from civica.core import calendar as core_calendar
from civica.core.permissions import require
from civica.core.tokens import fingerprint

from . import selectors
from .calendar import event_ics
from .certificates import certificate_docx
from .models import Event, Registration

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def _record(actor, instance, action, event: Event, **values) -> None:
    audit.record_change(
        actor=actor, instance=instance, action=action, organisation_uuid=event.organisation.uuid, **values
    )


def _send(registration: Registration, *, template: str, subject, context=None, attachments=()) -> None:
    """One e-mail to the person registered, in their language, after the commit."""
    event = registration.event
    with translation.override(registration.language or event.language):
        text = str(subject) % {"title": event.title}
        body = render_to_string(
            template,
            {"registration": registration, "event": event, "site_url": settings.SITE_URL, **(context or {})},
        )
    message = EmailMessage(text, body, None, [registration.email])
    for name, content, mimetype in attachments:
        message.attach(name, content, mimetype)
    transaction.on_commit(message.send)


def _check_event_values(*, title, kind, starts_at: datetime, ends_at: datetime, place, video, capacity, language):
    errors = {}
    if not title.strip():
        errors["title"] = _("Give the event a title.")
    if kind not in Event.Kind.values:
        errors["kind"] = _("Choose a kind of event.")
    if ends_at <= starts_at:
        errors["ends_at"] = _("The event must end after it starts.")
    if not place.strip() and not video:
        errors["place"] = _("Say where the event is, or hold it by video.")
    if capacity is None or capacity < 1:
        errors["capacity"] = _("An event has at least one place.")
    if language not in dict(settings.LANGUAGES):
        errors["language"] = _("Choose a language.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def event_create(
    *,
    actor,
    organisation,
    title: str,
    kind: str,
    starts_at: datetime,
    ends_at: datetime,
    capacity: int,
    place: str = "",
    video: bool = False,
    description: str = "",
    language: str = "en",
    is_public: bool = True,
) -> Event:
    """A training, seminar or conference; `video` opens a Jitsi Meet room on the configured server."""
    require(actor, "events.create_event", organisation)
    _check_event_values(
        title=title,
        kind=kind,
        starts_at=starts_at,
        ends_at=ends_at,
        place=place,
        video=video,
        capacity=capacity,
        language=language,
    )
    event = Event.objects.create(
        organisation=organisation,
        title=title.strip(),
        kind=kind,
        starts_at=starts_at,
        ends_at=ends_at,
        place=place.strip(),
        video_url=core_calendar.video_room_url() if video else "",
        capacity=capacity,
        description=description.strip(),
        language=language,
        is_public=is_public,
        created_by=actor,
    )
    _record(actor, event, "create", event, after=audit.snapshot(event))
    return event


def _place_for(event: Event) -> str:
    """Confirmed while places are free, else the waiting list. The event row is locked by the caller."""
    taken = selectors.confirmed_count(event)
    return Registration.Status.CONFIRMED if taken < event.capacity else Registration.Status.WAITING


def _locked(event: Event) -> Event:
    # Two people taking the last place at once: the row lock makes the second one wait and then count again.
    return Event.objects.select_for_update().select_related("organisation").get(pk=event.pk)


def _announce(registration: Registration) -> None:
    if registration.status == Registration.Status.CONFIRMED:
        _send(
            registration,
            template="events/email/registered.txt",
            subject=gettext_lazy("You are registered: %(title)s"),
            attachments=[
                (
                    "event.ics",
                    event_ics(registration.event, with_video=True),
                    "text/calendar; charset=UTF-8",
                )
            ],
        )
    elif registration.status == Registration.Status.WAITING:
        _send(registration, template="events/email/waiting.txt", subject=gettext_lazy("On the waiting list: %(title)s"))


@transaction.atomic
def registration_create(*, actor, event: Event) -> Registration:
    """A signed-in person registers: a place, or the waiting list when the event is full."""
    require(actor, "events.register", event)
    if event.ends_at < timezone.now():
        raise ValidationError(_("This event has already taken place."))
    event = _locked(event)
    existing = event.registrations.filter(email__iexact=actor.email).first()
    if existing is not None and existing.status != Registration.Status.CANCELLED:
        raise ValidationError(_("You are already registered for this event."))
    registration = existing or Registration(event=event, email=actor.email)
    registration.user = actor
    registration.name = actor.get_full_name() or actor.email
    registration.language = actor.preferred_language or event.language
    registration.status = _place_for(event)
    registration.confirmed_at = timezone.now()
    registration.token_hash = ""
    registration.save()
    _record(actor, registration, "create", event, after={"status": registration.status})
    _announce(registration)
    return registration


@transaction.atomic
def registration_add(*, actor, event: Event, name: str, email: str, user=None, language: str = "") -> Registration:
    """An organiser registers someone (a list taken by phone or on paper, or after the event): a place,
    or the waiting list when the event is full. The person hears of it by e-mail."""
    require(actor, "events.manage_event", event)
    errors = {}
    if not name.strip():
        errors["name"] = _("Write the person's name as it should appear on the certificate.")
    try:
        validate_email(email)
    except ValidationError:
        errors["email"] = _("Enter a valid e-mail address.")
    if errors:
        raise ValidationError(errors)
    event = _locked(event)
    email = email.strip().lower()
    existing = event.registrations.filter(email__iexact=email).first()
    if existing is not None and existing.status in {Registration.Status.CONFIRMED, Registration.Status.WAITING}:
        raise ValidationError({"email": _("This address is already registered for this event.")})
    registration = existing or Registration(event=event, email=email)
    registration.user, registration.name = user, name.strip()
    registration.language = language if language in dict(settings.LANGUAGES) else event.language
    registration.status = _place_for(event)
    registration.confirmed_at, registration.token_hash = timezone.now(), ""
    registration.save()
    _record(actor, registration, "create", event, after={"status": registration.status}, summary="added by organiser")
    if event.ends_at >= timezone.now():
        _announce(registration)
    return registration


@transaction.atomic
def registration_request_by_email(*, event: Event, name: str, email: str, language: str = "") -> Registration:
    """Anyone registers for a public event with an e-mail address; the place is held once they confirm."""
    if not event.is_public:
        raise PermissionDenied("events.register_by_email")
    errors = {}
    if not name.strip():
        errors["name"] = _("Write your name as it should appear on the certificate.")
    try:
        validate_email(email)
    except ValidationError:
        errors["email"] = _("Enter a valid e-mail address.")
    if errors:
        raise ValidationError(errors)
    if event.ends_at < timezone.now():
        raise ValidationError(_("This event has already taken place."))
    email = email.strip().lower()
    existing = event.registrations.filter(email__iexact=email).first()
    if existing is not None and existing.status in {Registration.Status.CONFIRMED, Registration.Status.WAITING}:
        raise ValidationError({"email": _("This address is already registered for this event.")})
    token = secrets.token_urlsafe(24)
    registration = existing or Registration(event=event, email=email)
    registration.name = name.strip()
    registration.language = language if language in dict(settings.LANGUAGES) else event.language
    registration.status = Registration.Status.UNCONFIRMED
    registration.token_hash = fingerprint(token)
    registration.save()
    _record(None, registration, "create", event, after={"status": registration.status})
    _send(
        registration,
        template="events/email/confirm.txt",
        subject=gettext_lazy("Confirm your registration: %(title)s"),
        context={"token": token},
    )
    return registration


@transaction.atomic
def registration_confirm(*, token: str) -> Registration:
    """The link in the e-mail: the place (or the waiting list) is taken now. A second click changes nothing."""
    try:
        registration = selectors.registration_by_token_hash(fingerprint(token))
    except Registration.DoesNotExist as error:
        raise ValidationError(_("This confirmation link is not valid or has already been used.")) from error
    if registration.status != Registration.Status.UNCONFIRMED:
        raise ValidationError(_("This confirmation link is not valid or has already been used."))
    event = _locked(registration.event)
    registration.status = _place_for(event)
    registration.confirmed_at = timezone.now()
    registration.token_hash = ""
    registration.save(update_fields=["status", "confirmed_at", "token_hash", "updated_at"])
    _record(None, registration, "update", event, after={"status": registration.status})
    _announce(registration)
    return registration


@transaction.atomic
def registration_cancel(*, actor, registration: Registration) -> Registration:
    """The person (or an organiser) cancels; the first on the waiting list takes the place."""
    event = registration.event
    if registration.user_id != getattr(actor, "pk", None) and not (
        actor and actor.has_perm("events.manage_event", event)
    ):
        raise PermissionDenied("events.cancel_registration")
    if registration.status == Registration.Status.CANCELLED:
        return registration
    event = _locked(event)
    freed = registration.status == Registration.Status.CONFIRMED
    registration.status = Registration.Status.CANCELLED
    registration.save(update_fields=["status", "updated_at"])
    _record(actor, registration, "update", event, after={"status": registration.status})
    if freed:
        promoted = selectors.first_waiting(event)
        if promoted is not None:
            promoted.status = Registration.Status.CONFIRMED
            promoted.save(update_fields=["status", "updated_at"])
            _record(actor, promoted, "update", event, after={"status": promoted.status}, summary="from waiting list")
            _announce(promoted)
    return registration


def _new_code() -> str:
    while True:
        raw = "".join(secrets.choice(CODE_ALPHABET) for _i in range(12))
        code = f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"
        if not Registration.objects.filter(certificate_code=code).exists():
            return code


@transaction.atomic
def attendance_record(*, actor, event: Event, present: set) -> int:
    """Who came (registration UUIDs); every other confirmed registration is marked absent. Each person who
    came receives a certificate of attendance once, by e-mail, with its verification code."""
    require(actor, "events.manage_event", event)
    if event.starts_at > timezone.now():
        raise ValidationError(_("Attendance is recorded once the event has started."))
    present = {str(value) for value in present}
    registrations = list(event.registrations.filter(status=Registration.Status.CONFIRMED).select_related("event"))
    now = timezone.now()
    issued = []
    for registration in registrations:
        registration.attended = str(registration.uuid) in present
        if registration.attended and not registration.certificate_code:
            registration.certificate_code = _new_code()
            registration.certificate_issued_at = now
            issued.append(registration)
    Registration.objects.bulk_update(registrations, ["attended", "certificate_code", "certificate_issued_at"])
    count = sum(1 for registration in registrations if registration.attended)
    _record(actor, event, "update", event, summary=f"attendance: {count} present")
    for registration in issued:
        registration.event = event
        _send(
            registration,
            template="events/email/certificate.txt",
            subject=gettext_lazy("Your certificate of attendance: %(title)s"),
            attachments=[
                (
                    "certificate.docx",
                    certificate_docx(registration),
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                )
            ],
        )
    return count
