"""Reads of the knowledge library: public items for everyone, members-only items for their members."""

from django.db.models import Q, QuerySet

from civica.core import search
from civica.groups import selectors as group_selectors
from civica.organisations import selectors as organisation_selectors
from civica.organisations.models import Organisation

from .models import KnowledgeItem, Practice, PracticeFeedback, PracticePresentation


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


# --- Good practices -----------------------------------------------------------------------------------


def practices_visible_to(user) -> QuerySet[Practice]:
    """Published practices for everyone; unpublished ones for the organisation that recorded them."""
    member_of = list(organisation_selectors.roles_of(user))
    return (
        Practice.objects.filter(Q(is_published=True) | Q(organisation_id__in=member_of))
        .select_related("organisation")
        .prefetch_related("sdg_targets")
    )


def catalogue(*, user, query: str = "", target: str = "", thematic_unit: str = "") -> list[Practice]:
    """The catalogue, filtered; a query goes through the full-text index (every language of the practice)."""
    practices = practices_visible_to(user)
    if target:
        practices = practices.filter(sdg_targets__code=target)
    if thematic_unit:
        practices = practices.filter(thematic_unit=thematic_unit)
    if not query:
        return list(practices.order_by("title", "pk"))
    organisations = Organisation.objects.filter(pk__in=list(organisation_selectors.roles_of(user)))
    hits = search.search(
        query,
        visible_organisation_uuids=list(organisations.values_list("uuid", flat=True)),
        include_public=True,
        record_types=["knowledge.practice"],
        limit=200,
    )
    order = {hit.record_uuid: index for index, hit in enumerate(hits)}
    return sorted(practices.filter(uuid__in=list(order)), key=lambda practice: order[practice.uuid])


def thematic_units(user) -> list[str]:
    return list(
        practices_visible_to(user)
        .exclude(thematic_unit="")
        .order_by("thematic_unit")
        .values_list("thematic_unit", flat=True)
        .distinct()
    )


def practice_get(*, user, uuid) -> Practice:
    return practices_visible_to(user).get(uuid=uuid)


def presentations_of(*, user, practice: Practice) -> list[PracticePresentation]:
    """Where the practice was presented, only in meetings the person may see (a private group stays hidden)."""
    meetings = group_selectors.meetings_visible_to(user)
    return list(
        practice.presentations.filter(meeting__in=meetings)
        .select_related("meeting", "meeting__group")
        .order_by("-meeting__starts_at", "pk")
    )


def practices_presented_in(*, user, meeting) -> list[Practice]:
    return list(practices_visible_to(user).filter(presentations__meeting=meeting).order_by("title", "pk").distinct())


def practices_of_group(*, user, group) -> dict[str, list[Practice]]:
    """For a group's page: the practices presented in its meetings, and those presented elsewhere (or just
    recorded in the catalogue) that serve the same SDG targets, for other groups to find."""
    presented = list(
        practices_visible_to(user).filter(presentations__meeting__group=group).order_by("title", "pk").distinct()
    )
    targets = [target.pk for target in group.sdg_targets.all()]
    related = []
    if targets:
        related = list(
            practices_visible_to(user)
            .filter(sdg_targets__in=targets)
            .exclude(pk__in=[practice.pk for practice in presented])
            .order_by("-created_at", "pk")
            .distinct()[:10]
        )
    return {"presented": presented, "related": related}


def feedback_published(practice: Practice):
    return practice.feedback.filter(state=PracticeFeedback.State.PUBLISHED).order_by("-created_at", "pk")


def feedback_to_moderate(practice: Practice):
    return practice.feedback.filter(state=PracticeFeedback.State.PENDING).order_by("created_at", "pk")


def feedback_of(practice: Practice, feedback_id: int) -> PracticeFeedback:
    return practice.feedback.select_related("practice__organisation").get(pk=feedback_id)


def practices_of(organisation) -> QuerySet[Practice]:
    """For system work (the demo), never for a person's page."""
    return Practice.objects.filter(organisation=organisation)


def practices_to_link(user) -> list[dict]:
    """(uuid, title) of the practices the person sees, for choosing one presented in a meeting."""
    member_of = list(organisation_selectors.roles_of(user))
    return list(
        Practice.objects.filter(Q(is_published=True) | Q(organisation_id__in=member_of))
        .order_by("title", "pk")
        .values("uuid", "title")[:500]
    )
