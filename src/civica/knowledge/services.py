"""Writes to the knowledge library: every change is a new version, indexed for search in its language."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from civica.core import audit, search, topics

from .models import KnowledgeItem, KnowledgeVersion

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
