"""A participatory strategy, from the beneficiaries' vision to the council's vote and the annual action plan.

Seed 001: a local social-services strategy drafted in stages with its beneficiaries and service
providers, consulted on, turned into an annual plan of actions and voted by the local council; a
charter of shared responsibilities signed by local actors; funding sources for the plan.

The draft is kept in versions. A paragraph is a record with a stable identity (`Paragraph`) whose text
in each version is a `ParagraphText`; comments hang on the identity, so they follow the paragraph
from version to version.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from civica.core.models import PublicRecord
from civica.core.validators import PublicURLValidator


class Strategy(PublicRecord):
    organisation = models.ForeignKey(
        "organisations.Organisation", verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="+"
    )
    working_group = models.ForeignKey(
        "groups.Group",
        verbose_name=_("working group"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    title = models.CharField(_("title"), max_length=250)
    summary = models.TextField(_("summary"), blank=True)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES, default="ro")
    period = models.CharField(_("period"), max_length=40, blank=True)
    plan_year = models.PositiveSmallIntegerField(_("year of the action plan"), null=True, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    adopted_version = models.ForeignKey(
        "DraftVersion", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # The SWOT analyses of the groups the process uses, processed into guidelines and strategic objectives
    # (seed 001, stage 4). Linked to the whole process, not to one stage: the thematic groups make them in
    # stage 3, the processing stage turns them into objectives, and the objectives (of the strategy, not of a
    # stage) cite their entries up to the annual plan.
    swot_analyses = models.ManyToManyField(
        "groups.SwotAnalysis", verbose_name=_("SWOT analyses"), blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "pk"]
        verbose_name = _("strategy")
        verbose_name_plural = _("strategies")
        indexes = [models.Index(fields=["organisation", "published_at"])]

    def __str__(self):
        return self.title

    @property
    def is_locked(self) -> bool:
        return self.adopted_version_id is not None


class Stage(PublicRecord):
    class Kind(models.TextChoices):
        VISION = "vision", _("Beneficiaries' vision of well-being")
        PROVIDERS = "providers", _("Consultation of service providers")
        THEMATIC_GROUPS = "thematic_groups", _("Thematic working groups")
        PROCESSING = "processing", _("Processing into guidelines and strategic objectives")
        CONSULTATION = "consultation", _("Consultation of stakeholders on the draft")
        ACTION_PLAN = "action_plan", _("Annual action plan")
        COUNCIL = "council", _("Submission to the local council")
        OTHER = "other", _("Other stage")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        ACTIVE = "active", _("Active")
        DONE = "done", _("Done")

    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE, related_name="stages")
    position = models.PositiveSmallIntegerField(default=0)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    title = models.CharField(_("title"), max_length=250)
    starts_on = models.DateField(_("starts"), null=True, blank=True)
    ends_on = models.DateField(_("ends"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PLANNED)
    groups = models.ManyToManyField("groups.Group", verbose_name=_("groups"), blank=True, related_name="+")
    meetings = models.ManyToManyField("groups.Meeting", verbose_name=_("meetings"), blank=True, related_name="+")

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["strategy", "position"], name="strategy_stage_position_unique"),
            # One active stage at a time, held by the database as well as by the service.
            models.UniqueConstraint(
                fields=["strategy"], condition=models.Q(status="active"), name="strategy_one_active_stage"
            ),
        ]

    def __str__(self):
        return self.title


class StageDocument(PublicRecord):
    stage = models.ForeignKey(Stage, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("title"), max_length=250)
    file = models.FileField(_("document"), upload_to="strategy/%Y/")
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.title


# --- Consultations ---------------------------------------------------------------------------------


class Survey(PublicRecord):
    class Purpose(models.TextChoices):
        SURVEY = "survey", _("Survey")
        WELLBEING = "wellbeing", _("Well-being criteria")

    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE, related_name="surveys")
    stage = models.ForeignKey(Stage, null=True, blank=True, on_delete=models.SET_NULL, related_name="surveys")
    purpose = models.CharField(_("purpose"), max_length=10, choices=Purpose.choices, default=Purpose.SURVEY)
    title = models.CharField(_("title"), max_length=250)
    introduction = models.TextField(_("introduction"), blank=True)
    is_open = models.BooleanField(_("open for answers"), default=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.title


class Question(models.Model):
    class Kind(models.TextChoices):
        CHOICE = "choice", _("One choice")
        SCALE = "scale", _("Scale from 1 to 5")
        TEXT = "text", _("Free text")

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField(default=0)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    text = models.CharField(_("question"), max_length=500)
    choices = models.JSONField(_("choices"), default=list, blank=True)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self):
        return self.text


class SurveyToken(models.Model):
    """A one-time code handed out (on paper, by a facilitator) so a person can answer without an account.
    Only its fingerprint is stored."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="tokens")
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"{self.survey_id}:{self.token_hash[:8]}"


class Response(PublicRecord):
    class Channel(models.TextChoices):
        ONLINE = "online", _("Online")
        TOKEN = "token", _("Online, anonymous with a one-time code")
        PAPER = "paper", _("From paper, entered by a facilitator")

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    # Kept only to answer once; never shown with the answers.
    respondent = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "respondent"],
                condition=models.Q(respondent__isnull=False),
                name="strategy_one_response_per_person",
            )
        ]

    def __str__(self):
        return f"{self.survey} ({self.get_channel_display()})"


class Answer(models.Model):
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    choice = models.CharField(max_length=250, blank=True)
    scale = models.PositiveSmallIntegerField(null=True, blank=True)
    text = models.TextField(blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["response", "question"], name="strategy_one_answer")]

    def __str__(self):
        return self.choice or str(self.scale or "") or self.text[:60]


class Proposal(PublicRecord):
    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE, related_name="proposals")
    stage = models.ForeignKey(Stage, null=True, blank=True, on_delete=models.SET_NULL, related_name="proposals")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    on_behalf_of = models.CharField(_("on behalf of"), max_length=250, blank=True)
    from_paper = models.BooleanField(_("from paper"), default=False)
    text = models.TextField(_("proposal"))

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.text[:80]


# --- The draft ------------------------------------------------------------------------------------


class DraftVersion(PublicRecord):
    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField()
    note = models.CharField(_("what changed"), max_length=500, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["number"]
        constraints = [models.UniqueConstraint(fields=["strategy", "number"], name="strategy_version_number")]

    def __str__(self):
        return f"{self.strategy} v{self.number}"


class Paragraph(PublicRecord):
    """The identity of a paragraph, the same in every version that keeps it."""

    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE, related_name="paragraphs")

    def __str__(self):
        return str(self.uuid)


class ParagraphText(models.Model):
    version = models.ForeignKey(DraftVersion, on_delete=models.CASCADE, related_name="texts")
    paragraph = models.ForeignKey(Paragraph, on_delete=models.CASCADE, related_name="texts")
    position = models.PositiveSmallIntegerField()
    is_heading = models.BooleanField(default=False)
    text = models.TextField()

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["version", "paragraph"], name="strategy_paragraph_once_per_version")
        ]

    def __str__(self):
        return self.text[:80]


class Comment(PublicRecord):
    class Verdict(models.TextChoices):
        ACCEPTED = "accepted", _("Accepted")
        PARTLY = "partly", _("Partly accepted")
        REJECTED = "rejected", _("Rejected")

    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE, related_name="comments")
    paragraph = models.ForeignKey(Paragraph, on_delete=models.CASCADE, related_name="comments")
    # The paragraph's text in the version the comment was made on: the page flags a later change.
    on_text = models.ForeignKey(ParagraphText, on_delete=models.PROTECT, related_name="+")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    on_behalf_of = models.CharField(_("on behalf of"), max_length=250, blank=True)
    text = models.TextField(_("comment"))
    verdict = models.CharField(_("answer"), max_length=10, choices=Verdict.choices, blank=True)
    reason = models.TextField(_("why"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["strategy", "paragraph"])]

    def __str__(self):
        return self.text[:80]


# --- Objectives, measures, actions, funding ------------------------------------------------------


class FundingSource(PublicRecord):
    class Kind(models.TextChoices):
        LOCAL = "local", _("Local budget")
        NATIONAL = "national", _("National budget")
        EU = "eu", _("European funds")
        PRIVATE = "private", _("Private or philanthropic")
        OTHER = "other", _("Other")

    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="+")
    name = models.CharField(_("name"), max_length=250)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.OTHER)
    url = models.URLField(_("web page"), blank=True, validators=[PublicURLValidator()])

    class Meta:
        ordering = ["name", "pk"]

    def __str__(self):
        return self.name


class FundingCall(PublicRecord):
    source = models.ForeignKey(FundingSource, on_delete=models.CASCADE, related_name="calls")
    title = models.CharField(_("title"), max_length=250)
    deadline = models.DateField(_("deadline"))
    url = models.URLField(_("web page"), blank=True, validators=[PublicURLValidator()])

    class Meta:
        ordering = ["deadline", "pk"]

    def __str__(self):
        return self.title


class Objective(PublicRecord):
    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE, related_name="objectives")
    code = models.CharField(_("code"), max_length=20)
    title = models.CharField(_("objective"), max_length=500)
    # The entries of the strategy's SWOT analyses the objective answers.
    swot_entries = models.ManyToManyField(
        "groups.SwotEntry", verbose_name=_("SWOT entries answered"), blank=True, related_name="+"
    )

    class Meta:
        ordering = ["code", "pk"]
        constraints = [models.UniqueConstraint(fields=["strategy", "code"], name="strategy_objective_code")]

    def __str__(self):
        return f"{self.code} {self.title}"


class Measure(PublicRecord):
    objective = models.ForeignKey(Objective, on_delete=models.CASCADE, related_name="measures")
    code = models.CharField(_("code"), max_length=20)
    title = models.CharField(_("measure"), max_length=500)

    class Meta:
        ordering = ["code", "pk"]
        constraints = [models.UniqueConstraint(fields=["objective", "code"], name="strategy_measure_code")]

    def __str__(self):
        return f"{self.code} {self.title}"


class Action(PublicRecord):
    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="actions")
    code = models.CharField(_("code"), max_length=20)
    title = models.CharField(_("action"), max_length=500)
    owner = models.CharField(_("owner"), max_length=250, blank=True)
    institution = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("institution"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    budget = models.DecimalField(_("budget (lei)"), max_digits=14, decimal_places=2, default=0)
    funding_source = models.ForeignKey(
        FundingSource, verbose_name=_("funding source"), null=True, blank=True, on_delete=models.SET_NULL
    )
    funding_call = models.ForeignKey(
        FundingCall, verbose_name=_("funding call"), null=True, blank=True, on_delete=models.SET_NULL
    )
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    indicator = models.CharField(_("indicator"), max_length=300, blank=True)
    sdg_indicators = models.ManyToManyField(
        "sdg.Indicator", verbose_name=_("SDG 16 indicators"), blank=True, related_name="+"
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)

    class Meta:
        ordering = ["code", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["measure", "code"], name="strategy_action_code"),
            models.CheckConstraint(condition=models.Q(progress__lte=100), name="strategy_action_progress_0_100"),
            models.CheckConstraint(condition=models.Q(budget__gte=0), name="strategy_action_budget_positive"),
        ]

    def __str__(self):
        return f"{self.code} {self.title}"


# --- The council ----------------------------------------------------------------------------------


class CouncilDecision(PublicRecord):
    """The draft decision (Popolo: a Motion) and its roll-call vote (a VoteEvent)."""

    class Majority(models.TextChoices):
        SIMPLE = "simple", _("Simple: more than half of those present")
        ABSOLUTE = "absolute", _("Absolute: more than half of the councillors in office")

    class Result(models.TextChoices):
        PENDING = "pending", _("Not voted yet")
        ADOPTED = "adopted", _("Adopted")
        REJECTED = "rejected", _("Rejected")
        NO_QUORUM = "no_quorum", _("No quorum")

    strategy = models.OneToOneField(Strategy, on_delete=models.CASCADE, related_name="decision")
    version = models.ForeignKey(DraftVersion, on_delete=models.PROTECT, related_name="+")
    reference = models.CharField(_("draft decision number"), max_length=100)
    seats = models.PositiveSmallIntegerField(_("councillors in office"))
    majority = models.CharField(_("majority required"), max_length=10, choices=Majority.choices, default="simple")
    submitted_at = models.DateTimeField(_("submitted"))
    voted_on = models.DateField(_("date of the vote"), null=True, blank=True)
    result = models.CharField(_("result"), max_length=10, choices=Result.choices, default=Result.PENDING)

    def __str__(self):
        return self.reference


class Vote(models.Model):
    class Option(models.TextChoices):
        YES = "yes", pgettext_lazy("vote", "Yes")
        NO = "no", pgettext_lazy("vote", "No")
        ABSTAIN = "abstain", _("Abstain")
        ABSENT = "absent", _("Absent")

    decision = models.ForeignKey(CouncilDecision, on_delete=models.CASCADE, related_name="votes")
    councillor = models.CharField(_("councillor"), max_length=250)
    group = models.CharField(_("political group"), max_length=100, blank=True)
    option = models.CharField(_("vote"), max_length=10, choices=Option.choices)

    class Meta:
        ordering = ["councillor", "pk"]
        constraints = [models.UniqueConstraint(fields=["decision", "councillor"], name="strategy_councillor_once")]

    def __str__(self):
        return f"{self.councillor}: {self.option}"


# --- The charter ----------------------------------------------------------------------------------


class Charter(PublicRecord):
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="+")
    strategy = models.ForeignKey(Strategy, null=True, blank=True, on_delete=models.SET_NULL, related_name="charters")
    title = models.CharField(_("title"), max_length=300)
    text = models.TextField(_("text"), blank=True)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES, default="ro")

    class Meta:
        ordering = ["title", "pk"]

    def __str__(self):
        return self.title


class Signature(PublicRecord):
    charter = models.ForeignKey(Charter, on_delete=models.CASCADE, related_name="signatures")
    organisation_name = models.CharField(_("organisation"), max_length=250)
    organisation = models.ForeignKey(
        "organisations.Organisation", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    representative = models.CharField(_("representative"), max_length=250)
    signed_on = models.DateField(_("date of signature"))

    class Meta:
        ordering = ["signed_on", "organisation_name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["charter", "organisation_name"], name="strategy_charter_signed_once")
        ]

    def __str__(self):
        return self.organisation_name
