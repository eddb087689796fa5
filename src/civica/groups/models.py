"""Working groups and committees: members, meetings with agendas, structured minutes, follow-ups, SWOT.

The minutes carry the shape of the Sector 1 working group's (seed 003): themes; under each theme
the problems identified, the solutions proposed, the decisions and the "information to be provided"
(what, by whom, by when); the signatories. Each "information to be provided" and each action becomes
a follow-up that is carried from meeting to meeting until it is resolved.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from civica.core.models import PublicRecord
from civica.core.validators import PublicURLValidator


class Group(PublicRecord):
    class Kind(models.TextChoices):
        WORKING_GROUP = "working_group", _("Working group")
        COMMITTEE = "committee", _("Committee")
        THEMATIC = "thematic", _("Thematic group")

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Public")
        PRIVATE = "private", _("Private: members only")

    organisation = models.ForeignKey(
        "organisations.Organisation", verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="groups"
    )
    name = models.CharField(_("name"), max_length=250)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.WORKING_GROUP)
    visibility = models.CharField(_("visibility"), max_length=10, choices=Visibility.choices, default="public")
    description = models.TextField(_("description"), blank=True)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES, default="en")
    sdg_targets = models.ManyToManyField("sdg.Target", verbose_name=_("SDG targets"), blank=True, related_name="+")

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("group")
        verbose_name_plural = _("groups")
        indexes = [models.Index(fields=["organisation", "visibility"])]

    def __str__(self):
        return self.name


class GroupMember(PublicRecord):
    class Position(models.TextChoices):
        COORDINATOR = "coordinator", _("Coordinator")
        EXPERT = "expert", _("Expert")
        RESEARCH_ASSISTANT = "research_assistant", _("Research assistant")
        MEMBER = "member", _("Member")

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="group_memberships")
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("on behalf of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    position = models.CharField(_("position"), max_length=20, choices=Position.choices, default=Position.MEMBER)
    starts_on = models.DateField(_("from"), null=True, blank=True)
    ends_on = models.DateField(_("until"), null=True, blank=True)

    class Meta:
        ordering = ["position", "user__last_name", "pk"]
        constraints = [models.UniqueConstraint(fields=["group", "user"], name="one_membership_per_group")]
        indexes = [models.Index(fields=["user", "group"])]

    def __str__(self):
        return f"{self.user} ({self.get_position_display()})"


class Meeting(PublicRecord):
    class Kind(models.TextChoices):
        PLENARY = "plenary", _("Plenary")
        RESTRICTED = "restricted", _("Restricted, with named institutions")

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="meetings")
    title = models.CharField(_("title"), max_length=250)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.PLENARY)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    place = models.CharField(_("place"), max_length=250, blank=True)
    video_url = models.URLField(_("video room"), blank=True, validators=[PublicURLValidator()])
    institutions = models.ManyToManyField(
        "organisations.Organisation", verbose_name=_("institutions taking part"), blank=True, related_name="+"
    )
    sequence = models.PositiveIntegerField(default=0)  # RFC 5545 SEQUENCE: bumped at each change sent out

    class Meta:
        ordering = ["-starts_at", "pk"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        indexes = [models.Index(fields=["group", "starts_at"])]

    def __str__(self):
        return f"{self.title} ({self.starts_at:%Y-%m-%d})"


class AgendaItem(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="children")
    title = models.CharField(_("item"), max_length=300)
    duration_minutes = models.PositiveSmallIntegerField(_("duration (minutes)"), default=0)
    position = models.PositiveSmallIntegerField(default=0)
    # An item carried over from an open follow-up of an earlier meeting.
    follow_up = models.ForeignKey("FollowUp", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "follow_up"], condition=models.Q(follow_up__isnull=False), name="follow_up_once"
            )
        ]

    def __str__(self):
        return self.title


class Participation(models.Model):
    """One person invited to, registered for or present at a meeting, for one organisation."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="participations")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    organisation = models.ForeignKey(
        "organisations.Organisation", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    invited_at = models.DateTimeField(null=True, blank=True)
    registered_at = models.DateTimeField(null=True, blank=True)
    attended = models.BooleanField(_("attended"), default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["meeting", "user"], name="one_participation_per_person")]

    def __str__(self):
        return f"{self.user} @ {self.meeting}"


class MeetingDocument(PublicRecord):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("title"), max_length=250)
    file = models.FileField(_("document"), upload_to="groups/%Y/")
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    def __str__(self):
        return self.title


class Minutes(PublicRecord):
    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        REVIEW = "review", _("In review by the attendees")
        APPROVED = "approved", _("Approved")
        PUBLISHED = "published", _("Published")

    meeting = models.OneToOneField(Meeting, on_delete=models.CASCADE, related_name="minutes")
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.DRAFT)
    introduction = models.TextField(_("introduction"), blank=True)
    prepared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("prepared by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    coordinator = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("coordinator"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    expert = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("expert"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("minutes")
        verbose_name_plural = _("minutes")

    def __str__(self):
        return str(self.meeting)

    @property
    def is_locked(self) -> bool:
        return self.state in {self.State.APPROVED, self.State.PUBLISHED}


class ReviewComment(models.Model):
    """What an attendee says about the minutes while they are in review."""

    minutes = models.ForeignKey(Minutes, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    text = models.TextField(_("comment"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.text[:80]


class Theme(models.Model):
    minutes = models.ForeignKey(Minutes, on_delete=models.CASCADE, related_name="themes")
    title = models.CharField(_("theme"), max_length=300)
    position = models.PositiveSmallIntegerField(default=0)
    sdg_targets = models.ManyToManyField("sdg.Target", verbose_name=_("SDG targets"), blank=True, related_name="+")

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self):
        return self.title


class Point(PublicRecord):
    """One line of a theme: a problem, a proposed solution, a decision, an action or information to provide."""

    class Kind(models.TextChoices):
        PROBLEM = "problem", _("Problem identified")
        SOLUTION = "solution", _("Proposed solution")
        DECISION = "decision", _("Decision")
        ACTION = "action", _("Action")
        INFORMATION = "information", _("Information to be provided")

    FOLLOWED_UP = (Kind.ACTION, Kind.INFORMATION)

    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="points")
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    text = models.TextField(_("text"))
    position = models.PositiveSmallIntegerField(default=0)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by whom"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    institution = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("by which institution"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    due_on = models.DateField(_("by when"), null=True, blank=True)
    sdg_targets = models.ManyToManyField("sdg.Target", blank=True, related_name="+")
    sdg_indicators = models.ManyToManyField("sdg.Indicator", blank=True, related_name="+")

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self):
        return self.text[:80]


class FollowUp(PublicRecord):
    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        DONE = "done", _("Done")
        CANCELLED = "cancelled", _("Cancelled")

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="follow_ups")
    point = models.OneToOneField(Point, on_delete=models.CASCADE, related_name="follow_up")
    raised_in = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="follow_ups_raised")
    resolved_in = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="follow_ups_resolved"
    )
    description = models.TextField(_("what"))
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    institution = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("institution"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="follow_ups",
    )
    due_on = models.DateField(_("due"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    resolved_at = models.DateTimeField(null=True, blank=True)
    sdg_indicators = models.ManyToManyField("sdg.Indicator", blank=True, related_name="+")

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")
        indexes = [models.Index(fields=["group", "status", "due_on"]), models.Index(fields=["institution", "status"])]

    def __str__(self):
        return self.description[:80]


class FollowUpReminder(models.Model):
    """What the reminder job has sent, so that it never sends the same reminder twice."""

    class Kind(models.TextChoices):
        BEFORE = "before", _("before the due date")
        OVERDUE = "overdue", _("after the due date")

    follow_up = models.ForeignKey(FollowUp, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["follow_up", "kind"], name="one_reminder_per_kind")]

    def __str__(self):
        return f"{self.follow_up}: {self.kind}"


class CalendarFeedToken(models.Model):
    """A person's private calendar-feed address; only the fingerprint of its secret is kept."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"calendar feed of {self.user}"


class SwotAnalysis(PublicRecord):
    """A SWOT analysis owned by a group. A strategy uses analyses by linking them (strategy.models), so that
    groups never depends on strategy."""

    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="+")
    group = models.ForeignKey(Group, null=True, blank=True, on_delete=models.CASCADE, related_name="swots")
    title = models.CharField(_("title"), max_length=250)
    meeting = models.ForeignKey(Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-created_at", "pk"]
        verbose_name = _("SWOT analysis")
        verbose_name_plural = _("SWOT analyses")

    def __str__(self):
        return self.title


class SwotEntry(models.Model):
    class Kind(models.TextChoices):
        STRENGTH = "strength", _("Strength")
        WEAKNESS = "weakness", _("Weakness")
        OPPORTUNITY = "opportunity", _("Opportunity")
        THREAT = "threat", _("Threat")

    analysis = models.ForeignKey(SwotAnalysis, on_delete=models.CASCADE, related_name="entries")
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    text = models.TextField(_("text"))
    points = models.ManyToManyField(Point, verbose_name=_("problems and solutions"), blank=True, related_name="+")

    class Meta:
        ordering = ["kind", "pk"]

    def __str__(self):
        return self.text[:80]
