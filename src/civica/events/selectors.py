"""Every read of events and registrations, scoped to what the person may see."""

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from civica.organisations import selectors as organisation_selectors

from .models import Event, Registration

STAFF = {"admin", "staff"}


def runs_event(user, event: Event) -> bool:
    return organisation_selectors.role_in(
        user, event.organisation
    ) in STAFF or organisation_selectors.is_platform_admin(user)


def events_visible_to(user) -> QuerySet[Event]:
    """Public events, and every event of the person's own organisations."""
    queryset = Event.objects.all()
    if not organisation_selectors.is_platform_admin(user):
        queryset = queryset.filter(
            Q(is_public=True) | Q(organisation_id__in=list(organisation_selectors.roles_of(user)))
        )
    return queryset.select_related("organisation").annotate(
        registered=Count("registrations", filter=Q(registrations__status=Registration.Status.CONFIRMED))
    )


def event_list(*, user, kind: str = "", upcoming: bool | None = None) -> QuerySet[Event]:
    queryset = events_visible_to(user)
    if kind:
        queryset = queryset.filter(kind=kind)
    if upcoming is True:
        queryset = queryset.filter(ends_at__gte=timezone.now()).order_by("starts_at", "pk")
    elif upcoming is False:
        queryset = queryset.filter(ends_at__lt=timezone.now()).order_by("-starts_at", "pk")
    else:
        queryset = queryset.order_by("-starts_at", "pk")
    return queryset


def event_get(*, user, uuid) -> Event:
    """An event the person may see; Event.DoesNotExist otherwise (never 'forbidden')."""
    return events_visible_to(user).get(uuid=uuid)


def confirmed_count(event: Event) -> int:
    return event.registrations.filter(status=Registration.Status.CONFIRMED).count()


def registration_of(user, event: Event) -> Registration | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return (
        event.registrations.filter(Q(user=user) | Q(email__iexact=user.email))
        .exclude(status=Registration.Status.CANCELLED)
        .first()
    )


def registrations_of(event: Event) -> QuerySet[Registration]:
    """For the event's organisers only (the caller checks `events.manage_event`)."""
    return (
        event.registrations.exclude(status=Registration.Status.CANCELLED)
        .select_related("user")
        .order_by("status", "created_at", "pk")
    )


def first_waiting(event: Event) -> Registration | None:
    return event.registrations.filter(status=Registration.Status.WAITING).order_by("created_at", "pk").first()


def registration_by_token_hash(token_hash: str) -> Registration:
    return Registration.objects.select_related("event", "event__organisation").get(token_hash=token_hash)


def registration_get(*, user, uuid) -> Registration:
    """A registration, to the person registered or to the event's organisers."""
    registration = Registration.objects.select_related("event", "event__organisation", "user").get(uuid=uuid)
    if registration.user_id == getattr(user, "pk", None) and registration.user_id is not None:
        return registration
    if runs_event(user, registration.event):
        return registration
    raise Registration.DoesNotExist


def certificate_by_code(code: str) -> Registration:
    """Public: a certificate of attendance by its code, for anyone who wants to check one."""
    return Registration.objects.select_related("event", "event__organisation").get(
        certificate_code=code.strip().upper(), attended=True
    )


def my_registrations(user) -> QuerySet[Registration]:
    if not getattr(user, "is_authenticated", False):
        return Registration.objects.none()
    return (
        Registration.objects.filter(user=user)
        .exclude(status=Registration.Status.CANCELLED)
        .select_related("event")
        .order_by("-event__starts_at", "pk")
    )


def organisations_that_may_organise(user):
    return organisation_selectors.own_organisations(user, roles=STAFF)


def training_figures(organisation, *, now=None) -> dict:
    """Events held by the organisation (ended) and the people who attended them: one query."""
    now = now or timezone.now()
    return Event.objects.filter(organisation=organisation, ends_at__lt=now).aggregate(
        held=Count("pk", distinct=True),
        trainings=Count("pk", filter=Q(kind=Event.Kind.TRAINING), distinct=True),
        participants=Count("registrations", filter=Q(registrations__attended=True)),
    )
