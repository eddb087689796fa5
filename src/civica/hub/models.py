"""Membership of a coordination centre: organisations ask to join, the centre decides; each member
names its representatives and keeps a profile (seed 004: 75 members, over 200 representatives)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from civica.core.models import PublicRecord

SECTORS = [
    ("legal", _("Legal support")),
    ("health_social", _("Health and social services")),
    ("housing", _("Housing")),
    ("education", _("Education")),
    ("labour", _("Labour market integration")),
]


class CentreMembership(PublicRecord):
    class State(models.TextChoices):
        REQUESTED = "requested", _("Asked to join")
        APPROVED = "approved", _("Member")
        REJECTED = "rejected", _("Not admitted")

    centre = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("coordination centre"),
        on_delete=models.CASCADE,
        related_name="centre_memberships",
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("member organisation"),
        on_delete=models.CASCADE,
        related_name="memberships_of_centres",
    )
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.REQUESTED)
    motivation = models.TextField(_("why the organisation wants to join"), blank=True)
    # The member profile the centre's members see.
    profile = models.TextField(_("profile"), blank=True)
    sectors = models.JSONField(_("sectors of work"), default=list, blank=True)
    reason = models.TextField(_("reason for the decision"), blank=True)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta:
        ordering = ["organisation__name"]
        verbose_name = _("centre membership")
        verbose_name_plural = _("centre memberships")
        constraints = [models.UniqueConstraint(fields=["centre", "organisation"], name="one_membership_per_centre")]
        indexes = [models.Index(fields=["centre", "state"])]

    def __str__(self):
        return f"{self.organisation} · {self.centre}"


class Representative(PublicRecord):
    """A person who speaks for a member organisation in the centre (committees, meetings)."""

    membership = models.ForeignKey(
        CentreMembership, verbose_name=_("membership"), on_delete=models.CASCADE, related_name="representatives"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.CASCADE)
    title = models.CharField(_("title or role"), max_length=150, blank=True)

    class Meta:
        ordering = ["user__last_name", "user__first_name"]
        verbose_name = _("representative")
        verbose_name_plural = _("representatives")
        constraints = [models.UniqueConstraint(fields=["membership", "user"], name="one_representative_per_person")]

    def __str__(self):
        return str(self.user)
