"""Every change to participatory budgeting: atomic, audited, permission-checked."""

from __future__ import annotations

import random
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from civica.core.audit import record_change
from civica.core.permissions import require

from . import pabulib
from .models import Ballot, Participation, Process, Project

CORE_PROJECT_COLUMNS = {"project_id", "cost", "name"}


def process_import_pabulib(*, actor, text: str, title: str = "") -> Process:
    """Create a closed process from a ``.pb`` file: its projects, ballots and (anonymous) voters.

    A malformed file raises ValidationError naming line and section; nothing is saved."""
    require(actor, "budgeting.import_process")
    pb = pabulib.parse(text)
    with transaction.atomic():
        meta = pb.meta
        process = Process.objects.create(
            title=title or meta.get("description") or _("Imported participatory budget"),
            budget=Decimal(meta["budget"]),
            currency=(meta.get("currency") or "")[:3],
            vote_type=pb.vote_type,
            rule=Process.Rule.MES if meta.get("rule", "").startswith("equalshares") else Process.Rule.GREEDY,
            min_projects=_int(meta.get("min_length")),
            max_projects=_int(meta.get("max_length")),
            max_points=_int(meta.get("max_sum_points")),
            phase=Process.Phase.CLOSED,
            meta=meta,
        )
        for pid, row in pb.projects.items():
            if Decimal(row["cost"]) > process.budget:
                raise ValidationError(_("Project %(id)s costs more than the budget.") % {"id": pid}, code="over_budget")
        Project.objects.bulk_create(
            Project(
                process=process,
                code=pid,
                title=row.get("name", "")[:500],
                cost=Decimal(row["cost"]),
                status=Project.Status.FEASIBLE,
                extra={k: v for k, v in row.items() if k not in CORE_PROJECT_COLUMNS},
            )
            for pid, row in pb.projects.items()
        )
        contents = [pabulib.ballot_of(row, pb.vote_type) for row in pb.votes.values()]
        random.SystemRandom().shuffle(contents)  # the file's order is not kept: ballots are secret
        Ballot.objects.bulk_create((Ballot(process=process, content=c) for c in contents), batch_size=5000)
        Participation.objects.bulk_create(
            (Participation(process=process, external_ref=vid[:100]) for vid in pb.votes), batch_size=5000
        )
        record_change(actor=actor, instance=process, action="import", summary=f"{len(pb.votes)} ballots")
    return process


def _int(text):
    try:
        return int(float(text)) if text not in (None, "") else None
    except ValueError:
        return None


def process_export_pabulib(process: Process) -> str:
    """The process as a ``.pb`` file; voter ids are sequence numbers (ballots are secret)."""
    meta = dict(process.meta)
    meta.update(
        {
            "description": meta.get("description") or process.title,
            "num_projects": str(process.projects.count()),
            "num_votes": str(process.ballots.count()),
            "budget": str(process.budget.normalize()),
            "vote_type": process.vote_type,
            "rule": "equalshares/add1" if process.rule == Process.Rule.MES else "greedy",
        }
    )
    pb = pabulib.PbFile(meta=meta)
    extra_columns: list[str] = []
    for project in process.projects.order_by("id"):
        for column in project.extra:
            if column not in extra_columns:
                extra_columns.append(column)
    pb.project_columns = ["project_id", "cost", "name", *extra_columns]
    for project in process.projects.order_by("id"):
        pb.projects[project.code] = {
            "project_id": project.code,
            "cost": str(project.cost.normalize()),
            "name": project.title,
            **{k: str(v) for k, v in project.extra.items()},
        }
    cumulative = process.vote_type == Process.VoteType.CUMULATIVE
    pb.vote_columns = ["voter_id", "vote", "points"] if cumulative else ["voter_id", "vote"]
    for n, content in enumerate(process.ballots.order_by("id").values_list("content", flat=True), start=1):
        row = {"voter_id": str(n), "vote": ",".join(content)}
        if cumulative:
            row["points"] = ",".join(str(v) for v in content.values())
        pb.votes[str(n)] = row
    return pabulib.dump(pb)


PHASE_ORDER = [p.value for p in Process.Phase]


def process_phase_set(*, actor, process: Process, phase: str) -> Process:
    """Move a process to ``phase`` (forward only), audited; leaving the ballot seals the ballots."""
    require(actor, "budgeting.manage_process", process)
    if phase not in PHASE_ORDER or PHASE_ORDER.index(phase) <= PHASE_ORDER.index(process.phase):
        raise ValidationError(_("A process only moves forward to a later phase."), code="phase")
    from .voting import ballots_seal

    with transaction.atomic():
        before = process.phase
        process.phase = phase
        process.save(update_fields=["phase"])
        if before == Process.Phase.BALLOT:
            ballots_seal(process)
        record_change(actor=actor, instance=process, action="phase", before={"phase": before}, after={"phase": phase})
    return process
