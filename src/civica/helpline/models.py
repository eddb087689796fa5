"""The youth helpline: conversations that come in by WhatsApp, e-mail or the web chat, answered by
operators in one console. Fields only; behaviour lives in services, selectors and rules."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from civica.core.crypto import EncryptedTextField
from civica.core.models import PublicRecord
from civica.organisations.models import COUNTRIES


class Helpline(PublicRecord):
    """A listening service run by an organisation, with its hours and its channels."""

    organisation = models.ForeignKey(
        "organisations.Organisation", verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="helplines"
    )
    name = models.CharField(_("name"), max_length=200)
    country = models.CharField(_("country"), max_length=2, choices=COUNTRIES)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES, default="en")
    time_zone = models.CharField(_("time zone"), max_length=60, default="Europe/Rome")
    # Weekdays (0 = Monday) on which the helpline answers, and the hours it answers in its time zone.
    open_weekdays = models.JSONField(_("open days"), default=list, blank=True)
    opens_at = models.TimeField(_("opens at"), default="09:00")
    closes_at = models.TimeField(_("closes at"), default="18:00")
    outside_hours_message = models.TextField(
        _("automatic answer outside hours"),
        blank=True,
        help_text=_("Sent once when someone writes while the helpline is closed or nobody is available."),
    )
    # National numbers shown beside 112 when a conversation is at risk: [{"label": ..., "number": ...}].
    emergency_numbers = models.JSONField(_("emergency numbers"), default=list, blank=True)
    retention_days = models.PositiveIntegerField(
        _("retention (days)"), default=365, help_text=_("Closed conversations are anonymised after this.")
    )
    whatsapp_phone_number_id = models.CharField(_("WhatsApp phone number id"), max_length=40, blank=True)
    whatsapp_display_number = models.CharField(_("WhatsApp number"), max_length=40, blank=True)
    whatsapp_template = models.CharField(
        _("approved WhatsApp template"),
        max_length=100,
        blank=True,
        help_text=_("Sent instead of free text more than 24 hours after the person's last message."),
    )
    whatsapp_template_language = models.CharField(_("template language"), max_length=10, default="it")
    email_address = models.EmailField(_("e-mail address"), blank=True)
    web_chat_enabled = models.BooleanField(_("web chat open"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("helpline")
        verbose_name_plural = _("helplines")
        constraints = [
            models.UniqueConstraint(
                fields=["whatsapp_phone_number_id"],
                condition=~models.Q(whatsapp_phone_number_id=""),
                name="one_helpline_per_whatsapp_number",
            ),
            models.UniqueConstraint(
                fields=["email_address"], condition=~models.Q(email_address=""), name="one_helpline_per_email"
            ),
        ]

    def __str__(self):
        return self.name


class Operator(PublicRecord):
    """A person who answers for a helpline: a volunteer, a counsellor or the coordinator."""

    class Role(models.TextChoices):
        VOLUNTEER = "volunteer", _("Volunteer operator")
        COUNSELLOR = "counsellor", _("Counsellor")
        COORDINATOR = "coordinator", _("Helpline coordinator")

    helpline = models.ForeignKey(Helpline, on_delete=models.CASCADE, related_name="operators")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="helpline_operators")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.VOLUNTEER)
    sees_contacts = models.BooleanField(
        _("sees phone numbers and addresses"),
        default=False,
        help_text=_("Others see them masked; every unmasked view is logged."),
    )
    is_available = models.BooleanField(_("available now"), default=False)

    class Meta:
        ordering = ["helpline", "user__email"]
        verbose_name = _("operator")
        verbose_name_plural = _("operators")
        constraints = [models.UniqueConstraint(fields=["helpline", "user"], name="one_operator_per_helpline")]

    def __str__(self):
        return f"{self.user} · {self.helpline}"


class Channel(models.TextChoices):
    WHATSAPP = "whatsapp", _("WhatsApp")
    EMAIL = "email", _("E-mail")
    WEB = "web", _("Web chat")


class Conversation(PublicRecord):
    class State(models.TextChoices):
        NEW = "new", _("New")
        OPEN = "open", _("Open")
        WAITING = "waiting", _("Waiting for the person")
        CLOSED = "closed", _("Closed")

    helpline = models.ForeignKey(Helpline, on_delete=models.PROTECT, related_name="conversations")
    reference = models.CharField(_("reference"), max_length=20, unique=True)
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.NEW)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("operator"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="helpline_conversations",
    )
    tags = models.JSONField(_("tags"), default=list, blank=True)
    is_minor = models.BooleanField(_("minor"), default=False)
    at_risk = models.BooleanField(_("at risk"), default=False)
    # An e-mail whose Authentication-Results said dmarc, dkim or spf=fail: the sender may be forged, so
    # it never joins an existing conversation and operators see the warning.
    sender_unverified = models.BooleanField(_("sender not verified"), default=False)
    language = models.CharField(_("language"), max_length=5, default="it")
    subject = models.CharField(_("subject"), max_length=200, blank=True)
    # The person's phone number (WhatsApp) or e-mail address, encrypted; masked for operators without
    # need to know. Conversations are found by `contact_digest` (safety.contact_digest), never by it.
    contact_address = EncryptedTextField(_("contact"), blank=True)
    contact_digest = models.CharField(max_length=64, blank=True, editable=False)
    contact_name = EncryptedTextField(_("name given"), blank=True)
    # The web chat's private link carries this secret, signed; it is never shown to operators.
    access_key = models.CharField(max_length=64, blank=True)
    last_inbound_at = models.DateTimeField(_("last message from the person"), null=True, blank=True)
    last_outbound_at = models.DateTimeField(_("last answer"), null=True, blank=True)
    first_response_at = models.DateTimeField(_("first answer"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    # The inbound message a 23-hour reminder was sent for (so it is sent once per message).
    reminded_for = models.DateTimeField(null=True, blank=True)
    auto_answered_at = models.DateTimeField(null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)
    case_reference = models.CharField(_("case"), max_length=30, blank=True)

    audit_sensitive_fields = ("contact_address", "contact_digest", "contact_name", "access_key")

    class Meta:
        ordering = ["-updated_at", "-id"]
        verbose_name = _("conversation")
        verbose_name_plural = _("conversations")
        indexes = [
            models.Index(fields=["helpline", "state", "-updated_at"]),
            models.Index(fields=["helpline", "channel", "state"]),
            models.Index(fields=["helpline", "contact_digest", "channel"]),
            models.Index(fields=["channel", "state", "last_inbound_at"]),
            models.Index(fields=["state", "closed_at"]),
            models.Index(fields=["helpline", "created_at"]),
        ]

    def __str__(self):
        return self.reference


class Message(PublicRecord):
    class Direction(models.TextChoices):
        INBOUND = "in", _("From the person")
        OUTBOUND = "out", _("From the helpline")
        AUTOMATIC = "auto", _("Automatic answer")

    class Status(models.TextChoices):
        RECEIVED = "received", _("received")
        QUEUED = "queued", _("queued")
        SENT = "sent", _("sent")
        DELIVERED = "delivered", _("delivered")
        READ = "read", _("read")
        FAILED = "failed", _("failed")

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="messages")
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    direction = models.CharField(_("direction"), max_length=5, choices=Direction.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Always plain text, encrypted; pages show only this, revealed by the selectors, escaped.
    body = EncryptedTextField(_("message"), blank=True)
    # Received HTML after nh3 cleaned it, encrypted; kept for the record, never rendered.
    html_sanitised = EncryptedTextField(blank=True)
    # WhatsApp's wamid or the e-mail's Message-ID: the same delivery twice is stored once.
    external_id = models.CharField(max_length=300, blank=True)
    media_type = models.CharField(max_length=30, blank=True)
    media_reference = models.CharField(max_length=300, blank=True)
    used_template = models.CharField(max_length=100, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.RECEIVED)
    error = models.CharField(_("error"), max_length=300, blank=True)

    audit_sensitive_fields = ("body", "html_sanitised")

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        constraints = [
            models.UniqueConstraint(
                fields=["channel", "external_id"],
                condition=~models.Q(external_id=""),
                name="one_message_per_external_id",
            )
        ]
        indexes = [models.Index(fields=["conversation", "created_at"])]

    def __str__(self):
        return f"{self.conversation} {self.direction} {self.created_at:%Y-%m-%d %H:%M}"


class InternalNote(PublicRecord):
    """A note between operators; never sent to the person."""

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    body = EncryptedTextField(_("note"))

    audit_sensitive_fields = ("body",)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("internal note")
        verbose_name_plural = _("internal notes")

    def __str__(self):
        return f"{self.conversation} note"


class QuickReply(PublicRecord):
    """A ready answer in the library, one row per language of the same `key`."""

    helpline = models.ForeignKey(Helpline, on_delete=models.CASCADE, related_name="quick_replies")
    key = models.SlugField(_("key"), max_length=60)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    title = models.CharField(_("title"), max_length=120)
    body = models.TextField(_("text"))

    class Meta:
        ordering = ["key", "language"]
        verbose_name = _("quick reply")
        verbose_name_plural = _("quick replies")
        constraints = [
            models.UniqueConstraint(fields=["helpline", "key", "language"], name="one_quick_reply_per_language")
        ]

    def __str__(self):
        return self.title
