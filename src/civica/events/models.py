"""Trainings, seminars and conferences (seed 004: the Athens centre held eight seminars and workshops in
seven months): registration by signed-in people or, for public events, by a confirmed e-mail address; a
waiting list when full; attendance; certificates of attendance with a code anyone can verify."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from civica.core.models import PublicRecord
from civica.core.validators import PublicURLValidator


class Event(PublicRecord):
    class Kind(models.TextChoices):
        TRAINING = "training", _("Training")
        SEMINAR = "seminar", _("Seminar")
        CONFERENCE = "conference", _("Conference")

    organisation = models.ForeignKey(
        "organisations.Organisation", verbose_name=_("organiser"), on_delete=models.CASCADE, related_name="events"
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.TRAINING)
    title = models.CharField(_("title"), max_length=250)
    description = models.TextField(_("description"), blank=True)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES, default="en")
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    place = models.CharField(_("place"), max_length=250, blank=True)
    video_url = models.URLField(_("video room"), blank=True, validators=[PublicURLValidator()])
    capacity = models.PositiveIntegerField(_("places"))
    is_public = models.BooleanField(
        _("public"), default=True, help_text=_("Anyone can see it and register with an e-mail address.")
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-starts_at", "pk"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [models.Index(fields=["organisation", "starts_at"]), models.Index(fields=["is_public", "starts_at"])]

    def __str__(self):
        return self.title


class Registration(PublicRecord):
    class Status(models.TextChoices):
        UNCONFIRMED = "unconfirmed", _("Waiting for e-mail confirmation")
        CONFIRMED = "confirmed", _("Registered")
        WAITING = "waiting", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    event = models.ForeignKey(Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="event_registrations"
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail address"))
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES, default="en")
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    # Only the hash of the confirmation token is kept; the token travels in the e-mail alone.
    token_hash = models.CharField(max_length=64, blank=True, db_index=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    attended = models.BooleanField(_("attended"), null=True, blank=True)
    certificate_code = models.CharField(_("certificate code"), max_length=20, null=True, blank=True, unique=True)
    certificate_issued_at = models.DateTimeField(_("certificate issued"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [models.UniqueConstraint(fields=["event", "email"], name="one_registration_per_address")]
        indexes = [models.Index(fields=["event", "status"])]

    def __str__(self):
        return f"{self.name} · {self.event}"
