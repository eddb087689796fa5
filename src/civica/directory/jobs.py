"""'Is this still correct?': once a service has gone unconfirmed for CIVICA_DIRECTORY_CONFIRM_DAYS, its
organisation's staff get an e-mail with a signed one-click link. The job records when it asked
(`confirmation_requested_at`), so running it twice, or late, asks once per period."""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from civica.core import notifications
from civica.core.periodic import periodic
from civica.organisations import selectors as organisation_selectors

from .models import Service

SALT = "civica.directory.confirm"
LINK_VALID_FOR = timedelta(days=60)


def confirm_token(service: Service) -> str:
    return signing.dumps(str(service.id), salt=SALT)


def service_id_from_token(token: str) -> str:
    """The service's id; signing.BadSignature (or SignatureExpired) for a forged or stale link."""
    return signing.loads(token, salt=SALT, max_age=LINK_VALID_FOR)


def due(now):
    limit = now - timedelta(days=settings.CIVICA_DIRECTORY_CONFIRM_DAYS)
    return (
        Service.objects.filter(is_published=True, organization__organisation__isnull=False)
        .filter(Q(confirmed_at__lt=limit) | Q(confirmed_at__isnull=True, created_at__lt=limit))
        .filter(Q(confirmation_requested_at__isnull=True) | Q(confirmation_requested_at__lt=limit))
        .select_related("organization__organisation")
    )


@periodic("directory.confirmations", every=timedelta(days=1))
def ask_for_confirmations(now=None) -> int:
    now = now or timezone.now()
    asked = 0
    for service in due(now):
        with transaction.atomic():
            staff = [
                membership.user
                for membership in organisation_selectors.members_of(service.organization.organisation)
                if membership.role in {"admin", "staff"}
            ]
            confirm_url = settings.SITE_URL + reverse("directory:confirm", kwargs={"token": confirm_token(service)})
            notifications.notify(
                recipients=staff,
                subject=_("Is this still correct? %(name)s"),
                template="directory/email/confirm.txt",
                context={"name": service.name, "confirm_url": confirm_url},
                url=reverse("directory:service", kwargs={"service_id": service.id}),
            )
            Service.objects.filter(id=service.id).update(confirmation_requested_at=now)
            asked += 1
    return asked
