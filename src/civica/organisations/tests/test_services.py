"""Organisation services: updates are audited and validated, only profile fields change, the last
administrator stays, and invitations go round trip and refuse existing members."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from civica.core.models import AuditEvent
from civica.organisations import services
from civica.organisations.models import Membership


def test_update_records_before_and_after(two_organisations):
    ours, _theirs, people = two_organisations
    services.organisation_update(actor=people["admin"], organisation=ours, data={"phone": "021 111 1111"})
    event = AuditEvent.objects.filter(record_uuid=ours.uuid, action="update").get()
    assert event.actor == people["admin"]
    assert event.before["phone"] == "021 000 0000" and event.after["phone"] == "021 111 1111"
    assert event.changed_fields == ["phone"]


def test_update_refuses_staff_and_invalid_fiscal_id(two_organisations):
    ours, _theirs, people = two_organisations
    with pytest.raises(PermissionDenied):
        services.organisation_update(actor=people["staff"], organisation=ours, data={"phone": "1"})
    with pytest.raises(ValidationError) as error:
        services.organisation_update(actor=people["admin"], organisation=ours, data={"fiscal_id": "123"})
    assert "fiscal_id" in error.value.message_dict
    ours.refresh_from_db()
    assert ours.fiscal_id == "" and ours.phone == "021 000 0000"


def test_fields_outside_the_profile_cannot_be_changed(two_organisations):
    ours, _theirs, people = two_organisations
    with pytest.raises(ValidationError):
        services.organisation_update(actor=people["admin"], organisation=ours, data={"slug": "stolen"})


def test_last_administrator_cannot_leave_or_be_demoted(two_organisations):
    ours, _theirs, people = two_organisations
    admin_membership = Membership.objects.get(user=people["admin"], organisation=ours)
    with pytest.raises(ValidationError):
        services.membership_update(
            actor=people["admin"], membership=admin_membership, role="member", position="", handles_sensitive_data=False
        )
    with pytest.raises(ValidationError):
        services.membership_remove(actor=people["admin"], membership=admin_membership)
    staff_membership = Membership.objects.get(user=people["staff"], organisation=ours)
    services.membership_update(
        actor=people["admin"], membership=staff_membership, role="admin", position="Boss", handles_sensitive_data=True
    )
    services.membership_update(
        actor=people["admin"], membership=admin_membership, role="member", position="", handles_sensitive_data=False
    )
    assert Membership.objects.get(pk=admin_membership.pk).role == "member"


def test_invitation_round_trip(two_organisations, make_user, django_capture_on_commit_callbacks):
    """Invite by e-mail, accept once with the link, and never again."""
    ours, _theirs, people = two_organisations
    with django_capture_on_commit_callbacks(execute=True):
        invitation = services.invitation_create(
            actor=people["admin"], organisation=ours, email="New@Person.example", role="staff"
        )
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    token = body.split("/invitations/")[1].split("/")[0]
    assert invitation.token_hash != token and token not in invitation.token_hash
    found = services.invitation_find(token)
    assert found == invitation
    stranger = make_user(email="someone@else.example")
    with pytest.raises(PermissionDenied):
        services.invitation_accept(invitation=found, user=stranger)
    newcomer = make_user(email="new@person.example")
    membership = services.invitation_accept(invitation=found, user=newcomer)
    assert membership.role == "staff" and membership.organisation == ours
    assert services.invitation_find(token) is None


def test_invitation_refuses_existing_member(two_organisations):
    ours, _theirs, people = two_organisations
    with pytest.raises(ValidationError):
        services.invitation_create(actor=people["admin"], organisation=ours, email="staff@ours.example", role="member")
    assert not mail.outbox
