"""Reads of the knowledge library: public items for everyone, members-only items for their members."""

from django.db.models import Q, QuerySet

from civica.core import search
from civica.organisations import selectors as organisation_selectors
from civica.organisations.models import Organisation

from .models import KnowledgeItem


def items_visible_to(user) -> QuerySet[KnowledgeItem]:
    member_of = list(organisation_selectors.roles_of(user))
    return (
        KnowledgeItem.objects.filter(Q(visibility="public") | Q(organisation_id__in=member_of))
        .filter(current_version__isnull=False)
        .select_related("current_version", "organisation")
    )


def library(*, user, query: str = "", kind: str = "") -> QuerySet[KnowledgeItem] | list[KnowledgeItem]:
    items = items_visible_to(user)
    if kind:
        items = items.filter(kind=kind)
    if not query:
        return items.order_by("-updated_at", "pk")
    organisations = Organisation.objects.filter(pk__in=list(organisation_selectors.roles_of(user)))
    hits = search.search(
        query,
        visible_organisation_uuids=list(organisations.values_list("uuid", flat=True)),
        include_public=True,
        record_types=["knowledge.knowledgeitem"],
        limit=100,
    )
    order = {hit.record_uuid: index for index, hit in enumerate(hits)}
    return sorted(items.filter(uuid__in=list(order)), key=lambda item: order[item.uuid])


def item_get(*, user, uuid) -> KnowledgeItem:
    return items_visible_to(user).get(uuid=uuid)


def versions(item: KnowledgeItem):
    return item.versions.select_related("author")


def items_of(organisation) -> QuerySet[KnowledgeItem]:
    """Everything an organisation published, for system work (the demo); never for a person's page."""
    return KnowledgeItem.objects.filter(organisation=organisation)
