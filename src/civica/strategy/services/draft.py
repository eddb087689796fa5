"""Writes to the draft: versions, paragraphs, comments and their answers."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from civica.core import audit
from civica.core.permissions import as_user, require

from .. import selectors
from ..models import (
    Comment,
    DraftVersion,
    Paragraph,
    ParagraphText,
    Stage,
    Strategy,
)
from ._shared import _locked, _record

# --- The draft ------------------------------------------------------------------------------------


@transaction.atomic
def version_create(*, actor, strategy: Strategy, paragraphs: list[dict], note: str = "") -> DraftVersion:
    """A new version of the draft: [{"paragraph": <uuid of a paragraph to keep, or None for a new one>,
    "text": ..., "heading": bool}]. A kept paragraph keeps its identity, and so its comments."""
    require(actor, "strategy.edit_draft", strategy)
    strategy = Strategy.objects.select_for_update().get(pk=strategy.pk)
    _locked(strategy)
    if not any(str(item.get("text", "")).strip() for item in paragraphs):
        raise ValidationError({"paragraphs": _("The draft needs at least one paragraph.")})
    known = {str(p.uuid): p for p in strategy.paragraphs.all()}
    seen = set()
    for item in paragraphs:
        key = str(item["paragraph"]) if item.get("paragraph") else None
        if key is not None and (key not in known or key in seen):
            raise ValidationError({"paragraphs": _("A paragraph does not belong to this draft or appears twice.")})
        seen.add(key)
    number = (strategy.versions.aggregate(last=Max("number"))["last"] or 0) + 1
    version = DraftVersion.objects.create(
        strategy=strategy, number=number, note=note.strip()[:500], created_by=as_user(actor)
    )
    texts, position = [], 0
    for item in paragraphs:
        text = str(item.get("text", "")).strip()
        if not text:
            continue
        position += 1
        key = str(item["paragraph"]) if item.get("paragraph") else None
        paragraph = known[key] if key else Paragraph.objects.create(strategy=strategy)
        texts.append(
            ParagraphText(
                version=version, paragraph=paragraph, position=position, is_heading=bool(item.get("heading")), text=text
            )
        )
    ParagraphText.objects.bulk_create(texts)
    _record(actor, version, "create", strategy, after={"number": number, "paragraphs": len(texts)})
    return version


def paragraphs_from_text(text: str) -> list[dict]:
    """Plain text → paragraphs: blank lines separate them; a line starting with '#' is a heading."""
    items = []
    for block in text.replace("\r\n", "\n").split("\n\n"):
        block = block.strip()
        if block:
            heading = block.startswith("#")
            items.append(
                {"paragraph": None, "text": block.lstrip("#").strip() if heading else block, "heading": heading}
            )
    return items


@transaction.atomic
def comment_add(*, actor, strategy: Strategy, paragraph_uuid, text: str, on_behalf_of: str = "") -> Comment:
    """A comment on a paragraph of the newest version, while the stakeholders' consultation is active."""
    require(actor, "strategy.comment", strategy)
    _locked(strategy)
    stage = selectors.active_stage(strategy)
    if stage is None or stage.kind != Stage.Kind.CONSULTATION:
        raise ValidationError(_("Comments on the draft are taken during the consultation on the draft."))
    if not text.strip():
        raise ValidationError({"text": _("Write your comment.")})
    version = selectors.latest_version(strategy)
    on_text = (
        ParagraphText.objects.filter(version=version, paragraph__uuid=paragraph_uuid)
        .select_related("paragraph")
        .first()
        if version
        else None
    )
    if on_text is None:
        raise ValidationError({"paragraph": _("Choose a paragraph of the current version.")})
    comment = Comment.objects.create(
        strategy=strategy,
        paragraph=on_text.paragraph,
        on_text=on_text,
        author=as_user(actor),
        on_behalf_of=on_behalf_of.strip()[:250],
        text=text.strip(),
    )
    _record(actor, comment, "create", strategy, after=audit.snapshot(comment))
    return comment


@transaction.atomic
def comment_answer(*, actor, comment: Comment, verdict: str, reason: str) -> Comment:
    require(actor, "strategy.answer_comment", comment.strategy)
    _locked(comment.strategy)
    errors = {}
    if verdict not in Comment.Verdict.values:
        errors["verdict"] = _("Choose accepted, partly accepted or rejected.")
    elif verdict != Comment.Verdict.ACCEPTED and not reason.strip():
        errors["reason"] = _("Say why the comment is not (fully) accepted.")
    if errors:
        raise ValidationError(errors)
    before = audit.snapshot(comment, ["verdict", "reason"])
    comment.verdict, comment.reason = verdict, reason.strip()
    comment.answered_by, comment.answered_at = as_user(actor), timezone.now()
    comment.save()
    _record(
        actor, comment, "update", comment.strategy, before=before, after=audit.snapshot(comment, ["verdict", "reason"])
    )
    return comment
