"""Bottom-up mapping: a member organisation proposes, the centre reviews, only approved changes go live."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from civica.core import search
from civica.directory import selectors, services
from civica.directory.models import Service, ServiceRevision

pytestmark = pytest.mark.django_db
NEW = {"name": "Greek lessons for adults", "description": "Evening classes, all levels.", "categories": ["education"]}


def test_a_new_service_is_live_only_after_the_centre_approves(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        revision = services.revision_propose(actor=world.member_staff, organization=world.record, data=NEW)
    assert revision.state == "pending"
    assert "Greek lessons" not in [s.name for s in selectors.public_services()]
    assert [m.to for m in mail.outbox] == [[world.centre_staff.email]]
    with django_capture_on_commit_callbacks(execute=True):
        live = services.revision_approve(actor=world.centre_staff, revision=revision)
    assert live.is_published
    assert "Greek lessons for adults" in [s.name for s in selectors.public_services()]
    assert search.search("lessons", include_public=True)[0].record_uuid == live.id
    assert mail.outbox[-1].to == [world.member_staff.email]


def test_a_change_leaves_the_live_service_untouched_until_approved(world):
    revision = services.revision_propose(
        actor=world.member_staff,
        organization=world.record,
        service=world.clinic,
        data={**services.payload_of(world.clinic), "name": "Asylum and family reunification clinic"},
    )
    assert Service.objects.get(id=world.clinic.id).name == "Asylum legal clinic"
    services.revision_approve(actor=world.centre_staff, revision=revision)
    assert Service.objects.get(id=world.clinic.id).name == "Asylum and family reunification clinic"


def test_a_rejection_needs_a_reason_and_publishes_nothing(world):
    revision = services.revision_propose(actor=world.member_staff, organization=world.record, data=NEW)
    with pytest.raises(ValidationError):
        services.revision_reject(actor=world.centre_staff, revision=revision, reason="  ")
    services.revision_reject(actor=world.centre_staff, revision=revision, reason="Already listed by the municipality.")
    revision.refresh_from_db()
    assert revision.state == ServiceRevision.State.REJECTED and revision.reason
    assert not Service.objects.filter(name=NEW["name"]).exists()
    with pytest.raises(ValidationError):
        services.revision_approve(actor=world.centre_staff, revision=revision)


def test_bad_values_are_refused_field_by_field(world):
    with pytest.raises(ValidationError) as raised:
        services.revision_propose(
            actor=world.member_staff,
            organization=world.record,
            data={"name": "", "description": "x", "email": "nope", "capacity": 2, "vacancies": 5, "categories": ["x"]},
        )
    assert set(raised.value.message_dict) == {"name", "email", "categories"} | set()
    assert ServiceRevision.objects.count() == 0


def test_only_the_organisations_staff_propose_and_only_the_centre_reviews(world):
    with pytest.raises(PermissionDenied):
        services.revision_propose(actor=world.other_staff, organization=world.record, data=NEW)
    with pytest.raises(PermissionDenied):
        services.revision_propose(actor=world.centre_staff, organization=world.record, data=NEW)
    revision = services.revision_propose(actor=world.member_staff, organization=world.record, data=NEW)
    for actor in (world.member_staff, world.other_staff):
        with pytest.raises(PermissionDenied):
            services.revision_approve(actor=actor, revision=revision)


def test_sectors_are_restored_if_the_taxonomy_was_emptied(world):
    """A database emptied and refilled keeps its categories working (the journey in the browser suite)."""
    from civica.directory.models import TaxonomyTerm

    TaxonomyTerm.objects.all().delete()
    revision = services.revision_propose(actor=world.member_staff, organization=world.record, data=NEW)
    services.revision_approve(actor=world.centre_staff, revision=revision)
    assert [s.name for s in selectors.public_services(selectors.Filters(category="education"))] == [NEW["name"]]
    assert TaxonomyTerm.objects.filter(code="education").exists()
