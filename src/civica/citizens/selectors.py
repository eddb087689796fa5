"""Every read about residents. `is_verified_resident` is what other apps ask before a resident-only action."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.utils import timezone

from civica.organisations.models import Territory

from .models import ResidentVerification

# Country > region > county > municipality > sector: a verified territory lies at most this many levels
# below the territory asked about.
_MAX_DEPTH = 6


def active_verifications() -> QuerySet[ResidentVerification]:
    now = timezone.now()
    return ResidentVerification.objects.filter(revoked_at__isnull=True).filter(
        Q(expires_at__isnull=True) | Q(expires_at__gt=now)
    )


def verifications_of(user) -> QuerySet[ResidentVerification]:
    """A person's own verifications, active or not, newest first (their profile and data export)."""
    if not getattr(user, "is_authenticated", False):
        return ResidentVerification.objects.none()
    return ResidentVerification.objects.filter(user=user).select_related("territory", "organisation")


def _inside(territory) -> Q:
    """Verifications of `territory` or of any territory inside it (one query, a join per level)."""
    territory_id = territory.pk if isinstance(territory, Territory) else territory
    condition = Q(territory_id=territory_id)
    path = "territory"
    for _level in range(_MAX_DEPTH):
        path += "__parent"
        condition |= Q(**{f"{path}_id": territory_id})
    return condition


def is_verified_resident(user, territory) -> bool:
    """True when `user` holds an active verification for `territory` or a territory inside it.

    A resident of a district of Sector 1 is a resident of Sector 1 and of Bucharest."""
    if territory is None or not getattr(user, "is_authenticated", False):
        return False
    return active_verifications().filter(_inside(territory), user=user).exists()


def verified_territories(user) -> QuerySet[Territory]:
    """The territories `user` is an active verified resident of (as verified, not their parents)."""
    if not getattr(user, "is_authenticated", False):
        return Territory.objects.none()
    ids = active_verifications().filter(user=user).values("territory_id")
    return Territory.objects.filter(pk__in=ids)


def active_verification_for_identity(*, territory, identity_hash: str) -> ResidentVerification | None:
    return (
        ResidentVerification.objects.filter(territory=territory, identity_hash=identity_hash, revoked_at__isnull=True)
        .select_related("user")
        .first()
    )


def verification_counts(territory) -> dict[str, int]:
    """How many people are verified residents of `territory` (or inside it), by method: counts only,
    never identities, for the municipality's staff."""
    counts = dict.fromkeys(ResidentVerification.Method.values, 0)
    rows = active_verifications().filter(_inside(territory)).values_list("method", flat=True)
    for method in rows:
        counts[method] += 1
    counts["total"] = sum(counts.values())
    return counts
