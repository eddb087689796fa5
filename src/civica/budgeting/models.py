"""Participatory budgeting: a process per territory, its districts, projects and (secret) ballots.

Secret ballots: who voted (:class:`Participation`) is stored apart from how (:class:`Ballot`). A
ballot row has no voter, no timestamp and a random UUID key, so neither its id nor its order can
link it to a participation row.
"""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


class Process(models.Model):
    class Phase(models.TextChoices):
        DRAFT = "draft", _("draft")
        PROPOSALS = "proposals", _("proposals")
        SUPPORT = "support", _("public support")
        REVIEW = "review", _("technical review")
        BALLOT = "ballot", _("ballot")
        RESULTS = "results", _("results")
        EXECUTION = "execution", _("execution")
        CLOSED = "closed", _("closed")

    class VoteType(models.TextChoices):
        APPROVAL = "approval", _("approval")
        KNAPSACK = "knapsack", _("knapsack")
        CUMULATIVE = "cumulative", _("cumulative")

    class Rule(models.TextChoices):
        GREEDY = "greedy", _("greedy by votes")
        MES = "mes", _("Method of Equal Shares")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(_("title"), max_length=300)
    territory = models.ForeignKey(
        "organisations.Territory", verbose_name=_("territory"), null=True, blank=True, on_delete=models.PROTECT
    )
    budget = models.DecimalField(_("budget"), max_digits=16, decimal_places=2)
    currency = models.CharField(_("currency"), max_length=3, default="RON")
    vote_type = models.CharField(_("ballot"), max_length=16, choices=VoteType.choices, default=VoteType.APPROVAL)
    rule = models.CharField(_("rule"), max_length=16, choices=Rule.choices, default=Rule.MES)
    min_projects = models.PositiveIntegerField(_("minimum projects"), null=True, blank=True)
    max_projects = models.PositiveIntegerField(_("maximum projects"), null=True, blank=True)
    max_points = models.PositiveIntegerField(_("points to distribute"), null=True, blank=True)
    phase = models.CharField(_("phase"), max_length=16, choices=Phase.choices, default=Phase.DRAFT)
    meta = models.JSONField(_("Pabulib metadata"), default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("participatory budget")
        ordering = ["-created_at"]

    def __str__(self):
        return self.title


class District(models.Model):
    """A part of the process's territory with its own amount."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="districts")
    name = models.CharField(_("name"), max_length=200)
    budget = models.DecimalField(_("budget"), max_digits=16, decimal_places=2)

    class Meta:
        verbose_name = _("district")
        unique_together = [("process", "name")]

    def __str__(self):
        return self.name


class Project(models.Model):
    class Status(models.TextChoices):
        PROPOSED = "proposed", _("proposed")
        FEASIBLE = "feasible", _("feasible")
        UNFEASIBLE = "unfeasible", _("unfeasible")
        MERGED = "merged", _("merged")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="projects")
    district = models.ForeignKey(District, null=True, blank=True, on_delete=models.PROTECT, related_name="projects")
    code = models.CharField(_("project id"), max_length=64)
    title = models.CharField(_("title"), max_length=500, blank=True)
    cost = models.DecimalField(_("cost"), max_digits=16, decimal_places=2)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PROPOSED)
    extra = models.JSONField(default=dict, blank=True)  # other Pabulib columns, kept for export

    class Meta:
        verbose_name = _("project")
        unique_together = [("process", "code")]
        ordering = ["process", "id"]

    def __str__(self):
        return self.title or self.code


class Ballot(models.Model):
    """How someone voted: no voter, no time, a random key."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="ballots")
    district = models.ForeignKey(District, null=True, blank=True, on_delete=models.CASCADE)
    content = models.JSONField(default=dict)  # project code -> points
    # A keyed hash (core.crypto.blind_index) letting the same voter replace their ballot while the
    # ballot is open; cleared when the ballot closes. Whoever holds the key could recompute it.
    change_key = models.CharField(max_length=128, blank=True, db_index=True)

    class Meta:
        verbose_name = _("ballot")

    def __str__(self):
        return str(self.id)


class Participation(models.Model):
    """Who voted (one per person, process and district), never how."""

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="participations")
    district = models.ForeignKey(District, null=True, blank=True, on_delete=models.CASCADE)
    user = models.ForeignKey("accounts.User", null=True, blank=True, on_delete=models.PROTECT)
    external_ref = models.CharField(max_length=100, blank=True)  # the voter id of an imported file

    class Meta:
        verbose_name = _("participation")
        constraints = [
            models.UniqueConstraint(fields=["process", "district", "user"], name="budgeting_one_participation_per_user")
        ]

    def __str__(self):
        return f"{self.process_id}:{self.user_id or self.external_ref}"
