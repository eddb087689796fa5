"""Writes to the knowledge library: every change is a new version, indexed for search in its language."""

from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from civica.core import audit, search, topics
from civica.core.tokens import fingerprint

from .models import KnowledgeItem, KnowledgeVersion, Practice, PracticeFeedback, PracticePresentation

MAX_ATTACHMENT = 10 * 1024 * 1024
DOCUMENT_TYPES = {"pdf", "docx", "doc", "odt", "rtf"}
LANGUAGES = ("en", "ro", "it", "el")


def _check(*, title: str, body: str, language: str, translations: dict, attachment) -> None:
    errors = {}
    if not title.strip():
        errors["title"] = _("Give the item a title.")
    if not body.strip():
        errors["body"] = _("Write the text.")
    if language not in LANGUAGES:
        errors["language"] = _("Choose one of the four languages.")
    if any(code not in LANGUAGES for code in translations):
        errors["translations"] = _("Translations are possible in English, Romanian, Italian and Greek.")
    if attachment is not None and attachment.size > MAX_ATTACHMENT:
        errors["attachment"] = _("The document is larger than 10 MB.")
    elif attachment is not None and attachment.name.rsplit(".", 1)[-1].lower() not in DOCUMENT_TYPES:
        errors["attachment"] = _("Attach a PDF, DOCX, DOC, ODT or RTF document.")
    if errors:
        raise ValidationError(errors)


def _index(item: KnowledgeItem, version: KnowledgeVersion) -> None:
    search.index(
        instance=item,
        title=version.title,
        body=version.body,
        language=version.language,
        organisation_uuid=item.organisation.uuid,
        is_public=item.visibility == "public",
        tags=[item.kind, *(topics.tag(topic) for topic in item.topics)],
    )


@transaction.atomic
def item_publish(
    *,
    actor,
    organisation,
    kind: str,
    visibility: str,
    title: str,
    body: str,
    language: str,
    topics=(),
    translations=None,
    attachment=None,
) -> KnowledgeItem:
    if not actor.has_perm("knowledge.publish", organisation):
        raise PermissionDenied("knowledge.publish")
    translations = {k: v for k, v in (translations or {}).items() if v.get("title") or v.get("body")}
    _check(title=title, body=body, language=language, translations=translations, attachment=attachment)
    if kind not in KnowledgeItem.Kind.values or visibility not in KnowledgeItem.Visibility.values:
        raise ValidationError({"kind": _("Choose a kind and who can read it.")})
    item = KnowledgeItem.objects.create(
        organisation=organisation, kind=kind, visibility=visibility, topics=list(topics)
    )
    return _new_version(actor, item, title, body, language, translations, attachment, "")


@transaction.atomic
def item_revise(
    *,
    actor,
    item: KnowledgeItem,
    title: str,
    body: str,
    language: str,
    translations=None,
    attachment=None,
    change_note: str = "",
) -> KnowledgeItem:
    if not actor.has_perm("knowledge.publish", item.organisation):
        raise PermissionDenied("knowledge.publish")
    translations = {k: v for k, v in (translations or {}).items() if v.get("title") or v.get("body")}
    _check(title=title, body=body, language=language, translations=translations, attachment=attachment)
    previous = item.current_version
    if attachment is None and previous is not None:
        attachment = previous.attachment or None
    return _new_version(actor, item, title, body, language, translations, attachment, change_note)


def _new_version(actor, item, title, body, language, translations, attachment, change_note) -> KnowledgeItem:
    number = (item.versions.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    version = KnowledgeVersion.objects.create(
        item=item,
        number=number,
        language=language,
        title=title.strip(),
        body=body.strip(),
        translations=translations,
        attachment=attachment or "",
        author=actor,
        change_note=change_note.strip(),
    )
    item.current_version = version
    item.save(update_fields=["current_version", "updated_at"])
    audit.record_change(
        actor=actor,
        instance=item,
        action="create" if number == 1 else "update",
        after={"version": number, "title": version.title},
        organisation_uuid=item.organisation.uuid,
    )
    _index(item, version)
    return item


# --- Good practices -----------------------------------------------------------------------------------

FEEDBACK_PER_HOUR = 5
REQUIRED = ("title", "promoter", "description")


def _practice_errors(*, language: str, values: dict, translations: dict) -> dict:
    errors = {}
    labels = {
        "title": _("Give the practice a title."),
        "promoter": _("Say which organisation carries it out."),
        "description": _("Describe the practice."),
    }
    for name in REQUIRED:
        if not str(values.get(name) or "").strip():
            errors[name] = labels[name]
    if language not in LANGUAGES:
        errors["language"] = _("Choose one of the four languages.")
    if any(code not in LANGUAGES for code in translations):
        errors["translations"] = _("Translations are possible in English, Romanian, Italian and Greek.")
    for name in Practice.TEXT_FIELDS:
        if "\x00" in str(values.get(name) or ""):
            errors[name] = _("Remove the invalid characters.")
    return errors


def _index_practice(practice: Practice) -> None:
    texts = [getattr(practice, name) for name in Practice.TEXT_FIELDS]
    for values in practice.translations.values():
        texts.extend(str(value) for value in values.values())
    search.index(
        instance=practice,
        title=practice.title,
        body="\n".join(texts),
        language=practice.language,
        organisation_uuid=practice.organisation.uuid,
        is_public=practice.is_published,
        tags=["good_practice", *(target.code for target in practice.sdg_targets.all())],
    )


def _clean_translations(translations) -> dict:
    cleaned = {}
    for code, values in (translations or {}).items():
        kept = {name: str(value).strip() for name, value in values.items() if name in Practice.TEXT_FIELDS and value}
        if kept:
            cleaned[code] = kept
    return cleaned


@transaction.atomic
def practice_create(
    *,
    actor,
    organisation,
    language: str,
    values: dict,
    sdg_targets=(),
    translations=None,
    website: str = "",
    is_published: bool = True,
    meeting=None,
) -> Practice:
    """A practice for the catalogue; with `meeting`, recorded as presented in that meeting by whoever runs
    the group (it then belongs to the group's organisation)."""
    if meeting is not None:
        if not actor.has_perm("knowledge.record_practice_from_meeting", meeting):
            raise PermissionDenied("knowledge.record_practice_from_meeting")
        organisation = meeting.group.organisation
    elif not actor.has_perm("knowledge.publish", organisation):
        raise PermissionDenied("knowledge.publish")
    translations = _clean_translations(translations)
    errors = _practice_errors(language=language, values=values, translations=translations)
    if errors:
        raise ValidationError(errors)
    practice = Practice.objects.create(
        organisation=organisation,
        language=language,
        translations=translations,
        website=website.strip(),
        is_published=is_published,
        recorded_by=actor,
        **{name: str(values.get(name) or "").strip() for name in Practice.TEXT_FIELDS},
    )
    practice.sdg_targets.set(sdg_targets)
    if meeting is not None:
        PracticePresentation.objects.create(practice=practice, meeting=meeting, recorded_by=actor)
    audit.record_change(
        actor=actor,
        instance=practice,
        action="create",
        after=audit.snapshot(practice),
        organisation_uuid=organisation.uuid,
    )
    _index_practice(practice)
    return practice


@transaction.atomic
def practice_update(
    *,
    actor,
    practice: Practice,
    language: str,
    values: dict,
    sdg_targets=None,
    website: str | None = None,
    is_published: bool | None = None,
) -> Practice:
    """Change the practice in one language: its original language changes the fields, another language
    its translation (the other languages are left as they are)."""
    if not actor.has_perm("knowledge.edit_practice", practice):
        raise PermissionDenied("knowledge.edit_practice")
    errors = _practice_errors(language=language, values=values, translations={})
    if errors:
        raise ValidationError(errors)
    before = audit.snapshot(practice)
    cleaned = {name: str(values.get(name) or "").strip() for name in Practice.TEXT_FIELDS}
    if language == practice.language:
        for name, value in cleaned.items():
            setattr(practice, name, value)
    else:
        practice.translations = {**practice.translations, language: {k: v for k, v in cleaned.items() if v}}
    if website is not None:
        practice.website = website.strip()
    if is_published is not None:
        practice.is_published = is_published
    practice.save()
    if sdg_targets is not None:
        practice.sdg_targets.set(sdg_targets)
    audit.record_change(
        actor=actor,
        instance=practice,
        action="update",
        before=before,
        after=audit.snapshot(practice),
        organisation_uuid=practice.organisation.uuid,
    )
    _index_practice(practice)
    return practice


@transaction.atomic
def practice_present(*, actor, practice: Practice, meeting) -> PracticePresentation:
    """Record that a practice already in the catalogue was presented in a meeting."""
    if not actor.has_perm("knowledge.record_practice_from_meeting", meeting):
        raise PermissionDenied("knowledge.record_practice_from_meeting")
    presentation, created = PracticePresentation.objects.get_or_create(
        practice=practice, meeting=meeting, defaults={"recorded_by": actor}
    )
    if created:
        audit.record_change(
            actor=actor,
            instance=practice,
            action="update",
            summary=f"presented in meeting {meeting.uuid}",
            organisation_uuid=meeting.group.organisation.uuid,
        )
    return presentation


@transaction.atomic
def feedback_submit(
    *, practice: Practice, useful: bool | None, comment: str, sender_address: str, honeypot: str = ""
) -> PracticeFeedback | None:
    """A reader's feedback, without an account. A filled honeypot field (which people do not see) is a robot:
    nothing is stored and nothing is said. Each sender may leave a few per hour."""
    if honeypot:
        return None
    errors = {}
    if useful is None:
        errors["useful"] = _("Say whether the practice was useful to you.")
    if len(comment) > 2000:
        errors["comment"] = _("Keep the comment under 2,000 characters.")
    if "\x00" in comment:
        errors["comment"] = _("Remove the invalid characters.")
    if errors:
        raise ValidationError(errors)
    sender = fingerprint(f"practice-feedback:{sender_address}")
    recent = PracticeFeedback.objects.filter(sender=sender, created_at__gte=timezone.now() - timedelta(hours=1))
    if recent.count() >= FEEDBACK_PER_HOUR:
        raise ValidationError(_("You have sent a lot of feedback in the last hour. Please try again later."))
    feedback = PracticeFeedback.objects.create(practice=practice, useful=useful, comment=comment.strip(), sender=sender)
    audit.record_change(
        actor=None,
        instance=practice,
        action="update",
        summary="reader feedback received",
        organisation_uuid=practice.organisation.uuid,
    )
    return feedback


@transaction.atomic
def feedback_moderate(*, actor, feedback: PracticeFeedback, decision: str) -> PracticeFeedback:
    practice = feedback.practice
    if not actor.has_perm("knowledge.moderate_feedback", practice):
        raise PermissionDenied("knowledge.moderate_feedback")
    states = {"publish": PracticeFeedback.State.PUBLISHED, "reject": PracticeFeedback.State.REJECTED}
    if decision not in states:
        raise ValidationError({"decision": _("Publish or reject the feedback.")})
    before = feedback.state
    feedback.state = states[decision]
    feedback.moderated_by = actor
    feedback.save(update_fields=["state", "moderated_by"])
    audit.record_change(
        actor=actor,
        instance=practice,
        action="update",
        summary=f"feedback {feedback.pk}: {before} -> {feedback.state}",
        organisation_uuid=practice.organisation.uuid,
    )
    return feedback
