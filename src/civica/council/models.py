"""The council in the open, shaped like Popolo (issue 17; seed 003 asked for "a nominal analysis of each
councillor online: the sittings attended, attendance, votes, initiatives").

A `Body` is a Popolo organization: the deliberative council of a municipality, its committees (child
bodies) and the party groups. A `Person` holds `Seat`s (Popolo memberships) with a role and dates; an
ended seat is kept, so the composition on any past date can be answered. Sittings (Popolo events) carry
an agenda; motions (draft decisions) are decided by vote events; an adopted motion becomes a numbered
`Decision`, the official record.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from civica.core.models import PublicRecord
from civica.core.validators import PublicURLValidator


class Body(PublicRecord):
    class Kind(models.TextChoices):
        COUNCIL = "council", _("Council")
        COMMITTEE = "committee", _("Committee")
        GROUP = "group", _("Party or political group")

    organisation = models.ForeignKey(
        "organisations.Organisation", verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="+"
    )
    parent = models.ForeignKey(
        "self", verbose_name=_("part of"), null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.COUNCIL)
    name = models.CharField(_("name"), max_length=250)
    size = models.PositiveIntegerField(_("seats"), default=0)
    # Italy's sindaco is a voting member of the consiglio comunale; Romania's primar is not.
    mayor_votes = models.BooleanField(_("the mayor votes"), default=False)

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = _("council or committee")
        verbose_name_plural = _("councils and committees")
        indexes = [models.Index(fields=["organisation", "kind"])]

    def __str__(self):
        return self.name


class Term(PublicRecord):
    body = models.ForeignKey(Body, verbose_name=_("council"), on_delete=models.CASCADE, related_name="terms")
    name = models.CharField(_("name"), max_length=100)
    start_date = models.DateField(_("start"))
    end_date = models.DateField(_("end"), null=True, blank=True)

    class Meta:
        ordering = ["-start_date"]
        verbose_name = _("term of office")
        verbose_name_plural = _("terms of office")

    def __str__(self):
        return f"{self.body} · {self.name}"


class Person(PublicRecord):
    organisation = models.ForeignKey(
        "organisations.Organisation", verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="+"
    )
    name = models.CharField(_("name"), max_length=200)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="council_persons",
    )

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("person")
        verbose_name_plural = _("persons")
        indexes = [models.Index(fields=["organisation", "name"])]

    def __str__(self):
        return self.name


class Seat(PublicRecord):
    """A Popolo membership: a person's role in a council, committee or group between two dates."""

    class Role(models.TextChoices):
        COUNCILLOR = "councillor", _("Councillor")
        CHAIR = "chair", _("Chair")
        MAYOR = "mayor", _("Mayor")
        SECRETARY = "secretary", _("Secretary")
        MEMBER = "member", _("Member")

    person = models.ForeignKey(Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="seats")
    body = models.ForeignKey(Body, verbose_name=_("body"), on_delete=models.CASCADE, related_name="seats")
    role = models.CharField(_("role"), max_length=12, choices=Role.choices, default=Role.COUNCILLOR)
    group = models.ForeignKey(
        Body,
        verbose_name=_("party or group"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="group_seats",
    )
    start_date = models.DateField(_("start"))
    end_date = models.DateField(_("end"), null=True, blank=True)

    class Meta:
        ordering = ["start_date", "pk"]
        verbose_name = _("seat")
        verbose_name_plural = _("seats")
        indexes = [models.Index(fields=["body", "role", "start_date"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True) | models.Q(end_date__gte=models.F("start_date")),
                name="seat_ends_after_it_starts",
            )
        ]

    def __str__(self):
        return f"{self.person} · {self.body}"


class Sitting(PublicRecord):
    class Status(models.TextChoices):
        CONVENED = "convened", _("Convened")
        HELD = "held", _("Held")

    body = models.ForeignKey(Body, verbose_name=_("council"), on_delete=models.CASCADE, related_name="sittings")
    title = models.CharField(_("title"), max_length=250)
    starts_at = models.DateTimeField(_("starts"))
    place = models.CharField(_("place"), max_length=250, blank=True)
    stream_url = models.URLField(_("live stream or video"), blank=True, validators=[PublicURLValidator()])
    is_public = models.BooleanField(_("public"), default=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.CONVENED)
    minutes = models.TextField(_("minutes"), blank=True)

    class Meta:
        ordering = ["-starts_at", "pk"]
        verbose_name = _("sitting")
        verbose_name_plural = _("sittings")
        indexes = [models.Index(fields=["body", "starts_at"])]

    def __str__(self):
        return self.title


class Motion(PublicRecord):
    """A draft decision (Popolo motion), with its initiator; an amendment points at the motion it amends."""

    class Initiator(models.TextChoices):
        MAYOR = "mayor", _("Mayor")
        COUNCILLORS = "councillors", _("Councillors")
        CITIZENS = "citizens", _("Citizens' initiative")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        DEBATE = "debate", _("In public debate")
        ADOPTED = "adopted", _("Adopted")
        REJECTED = "rejected", _("Rejected")

    body = models.ForeignKey(Body, verbose_name=_("council"), on_delete=models.CASCADE, related_name="motions")
    title = models.CharField(_("title"), max_length=300)
    text = models.TextField(_("text"), blank=True)
    justification = models.TextField(_("justification"), blank=True)
    initiator = models.CharField(_("initiator"), max_length=12, choices=Initiator.choices)
    initiators = models.ManyToManyField(
        Person, verbose_name=_("initiating councillors"), blank=True, related_name="initiatives"
    )
    amends = models.ForeignKey(
        "self", verbose_name=_("amends"), null=True, blank=True, on_delete=models.CASCADE, related_name="amendments"
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    debate_deadline = models.DateField(_("recommendations until"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "pk"]
        verbose_name = _("draft decision")
        verbose_name_plural = _("draft decisions")
        indexes = [models.Index(fields=["body", "status"])]

    def __str__(self):
        return self.title


class AgendaItem(PublicRecord):
    class Kind(models.TextChoices):
        DRAFT_DECISION = "draft_decision", _("Draft decision")
        REPORT = "report", _("Report")
        QUESTION = "question", _("Question")
        PETITION = "petition", _("Petition")

    sitting = models.ForeignKey(Sitting, verbose_name=_("sitting"), on_delete=models.CASCADE, related_name="items")
    position = models.PositiveIntegerField(_("number"))
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=300)
    motion = models.ForeignKey(
        Motion, verbose_name=_("draft decision"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Who asked a question or presented a report: a councillor's page lists them.
    person = models.ForeignKey(
        Person, verbose_name=_("by"), null=True, blank=True, on_delete=models.SET_NULL, related_name="agenda_items"
    )
    document = models.FileField(_("document"), upload_to="council/items/%Y/", blank=True)

    class Meta:
        ordering = ["sitting", "position"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        constraints = [models.UniqueConstraint(fields=["sitting", "position"], name="one_item_per_number")]

    def __str__(self):
        return f"{self.position}. {self.title}"


class Attendance(PublicRecord):
    class Status(models.TextChoices):
        PRESENT = "present", _("Present")
        ABSENT = "absent", _("Absent")
        EXCUSED = "excused", _("Excused")
        LATE = "late", _("Arrived late")
        LEFT_EARLY = "left_early", _("Left early")

    sitting = models.ForeignKey(Sitting, verbose_name=_("sitting"), on_delete=models.CASCADE, related_name="attendance")
    person = models.ForeignKey(Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="attendance")
    status = models.CharField(_("attendance"), max_length=10, choices=Status.choices)

    class Meta:
        ordering = ["sitting", "person__name"]
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [models.UniqueConstraint(fields=["sitting", "person"], name="one_attendance_per_sitting")]

    def __str__(self):
        return f"{self.person} · {self.sitting}"


class CommitteeOpinion(PublicRecord):
    motion = models.ForeignKey(
        Motion, verbose_name=_("draft decision"), on_delete=models.CASCADE, related_name="opinions"
    )
    committee = models.ForeignKey(Body, verbose_name=_("committee"), on_delete=models.CASCADE, related_name="+")
    favourable = models.BooleanField(_("favourable"))
    text = models.TextField(_("opinion"), blank=True)

    class Meta:
        verbose_name = _("committee opinion")
        verbose_name_plural = _("committee opinions")

    def __str__(self):
        return f"{self.committee} · {self.motion}"


class VoteEvent(PublicRecord):
    class Kind(models.TextChoices):
        ROLL_CALL = "roll_call", _("Roll call")
        SECRET = "secret", _("Secret ballot")

    class Majority(models.TextChoices):
        SIMPLE = "simple", _("Simple majority of those present")
        ABSOLUTE = "absolute", _("Absolute majority of the members in office")
        TWO_THIRDS = "two_thirds", _("Two thirds of the members in office")

    sitting = models.ForeignKey(
        Sitting, verbose_name=_("sitting"), on_delete=models.CASCADE, related_name="vote_events"
    )
    motion = models.ForeignKey(
        Motion, verbose_name=_("draft decision"), on_delete=models.CASCADE, related_name="vote_events"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.ROLL_CALL)
    majority = models.CharField(_("majority"), max_length=10, choices=Majority.choices, default=Majority.SIMPLE)
    held_at = models.DateTimeField(_("voted"))
    in_office = models.PositiveIntegerField(_("members in office"))
    present = models.PositiveIntegerField(_("present"))
    yes = models.PositiveIntegerField(_("for"))
    no = models.PositiveIntegerField(_("against"))
    abstain = models.PositiveIntegerField(_("abstentions"))
    passed = models.BooleanField(_("adopted"))

    class Meta:
        ordering = ["held_at", "pk"]
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        constraints = [models.UniqueConstraint(fields=["sitting", "motion"], name="one_vote_per_motion_and_sitting")]

    def __str__(self):
        return f"{self.motion} · {self.held_at:%Y-%m-%d}"


class Vote(models.Model):
    class Option(models.TextChoices):
        YES = "yes", _("For")
        NO = "no", _("Against")
        ABSTAIN = "abstain", _("Abstention")
        NOT_VOTING = "not_voting", _("Did not vote")
        ABSENT = "absent", _("Absent")

    vote_event = models.ForeignKey(VoteEvent, on_delete=models.CASCADE, related_name="votes")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="votes")
    option = models.CharField(_("option"), max_length=10, choices=Option.choices)

    class Meta:
        ordering = ["vote_event", "person__name"]
        constraints = [models.UniqueConstraint(fields=["vote_event", "person"], name="one_vote_per_person")]

    def __str__(self):
        return f"{self.person}: {self.option}"


class Decision(PublicRecord):
    """An adopted motion as the official record: numbered per council and year, with the country's
    identifier (Greece's Diavgeia ΑΔΑ, a Monitorul Oficial Local or albo pretorio reference) and its PDF."""

    motion = models.OneToOneField(
        Motion, verbose_name=_("draft decision"), on_delete=models.CASCADE, related_name="decision"
    )
    body = models.ForeignKey(Body, verbose_name=_("council"), on_delete=models.CASCADE, related_name="decisions")
    year = models.PositiveIntegerField(_("year"))
    number = models.PositiveIntegerField(_("number"))
    adopted_on = models.DateField(_("adopted on"))
    official_id = models.CharField(_("official record identifier"), max_length=60, blank=True)
    pdf = models.FileField(_("PDF"), upload_to="council/decisions/%Y/", blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    audit_skip_fields = ("pdf",)  # a file, not a value: the trail names the decision, the file stays in storage

    class Meta:
        ordering = ["-year", "-number"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        constraints = [models.UniqueConstraint(fields=["body", "year", "number"], name="one_decision_number_per_year")]

    def __str__(self):
        return f"{self.number}/{self.year} · {self.motion}"


class Recommendation(PublicRecord):
    """A recommendation on a draft decision in public debate (Legea 52/2003), and the answer to it."""

    motion = models.ForeignKey(
        Motion, verbose_name=_("draft decision"), on_delete=models.CASCADE, related_name="recommendations"
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    text = models.TextField(_("recommendation"))
    accepted = models.BooleanField(_("taken into account"), null=True, blank=True)
    answer = models.TextField(_("reason"), blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")

    def __str__(self):
        return f"{self.motion} · {self.pk}"
