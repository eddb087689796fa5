"""Every role against every organisation action, through pages and the API, including another
organisation's records reached with a copied identifier. Denied looks like missing (404)."""

import json

import pytest
from django.test import Client

ROLES = ["anonymous", "member", "expert", "staff", "admin", "other_admin", "platform_admin"]

# (role) -> may the person do it to *our* organisation?
WEB_MATRIX = {
    # action: roles allowed
    "profile": set(ROLES),  # our organisation's profile is public
    "edit": {"admin", "platform_admin"},
    "members": {"member", "expert", "staff", "admin", "platform_admin"},
    "invite": {"admin", "platform_admin"},
    "audit": {"admin", "platform_admin"},
}


def _client(role, people, platform_admin):
    client = Client()
    if role == "platform_admin":
        client.force_login(platform_admin)
    elif role != "anonymous":
        client.force_login(people[role])
    return client


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", sorted(WEB_MATRIX))
def test_web_actions_on_our_organisation(role, action, two_organisations, platform_admin):
    """Each role reaches exactly the pages its rules allow; others get 404 (or the sign-in page)."""
    ours, _theirs, people = two_organisations
    client = _client(role, people, platform_admin)
    suffix = {"profile": "", "edit": "edit/", "members": "members/", "invite": "members/invite/", "audit": "audit/"}
    response = client.get(f"/en/organisations/{ours.slug}/{suffix[action]}")
    if role in WEB_MATRIX[action]:
        assert response.status_code == 200
    elif role == "anonymous":
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    else:
        assert response.status_code == 404


@pytest.mark.parametrize("role", ROLES)
def test_private_organisation_is_invisible_to_outsiders(role, two_organisations, platform_admin):
    """A private organisation's profile, members and audit exist only for its members and platform admins."""
    _ours, theirs, people = two_organisations
    client = _client(role, people, platform_admin)
    visible = role in {"other_admin", "platform_admin"}
    for suffix in ("", "members/", "audit/", "edit/"):
        response = client.get(f"/en/organisations/{theirs.slug}/{suffix}")
        if visible:
            assert response.status_code == 200, suffix
        else:
            assert response.status_code in {302, 404}, suffix
            assert theirs.name not in response.content.decode()
    directory = client.get("/en/organisations/").content.decode()
    assert (theirs.name in directory) == visible


@pytest.mark.parametrize("role", ROLES)
def test_posts_to_another_organisation_change_nothing(role, two_organisations, platform_admin):
    """Writes with a copied slug or membership id are refused unless the rules allow them."""
    ours, theirs, people = two_organisations
    client = _client(role, people, platform_admin)
    target_membership = theirs.memberships.get()
    client.post(f"/en/organisations/{theirs.slug}/edit/", {"name": "Hijacked", "language": "en"})
    client.post(
        f"/en/organisations/{theirs.slug}/members/{target_membership.uuid}/",
        {"role": "member", "position": "", "remove": "1"},
    )
    client.post(f"/en/organisations/{theirs.slug}/members/invite/", {"email": "x@evil.example", "role": "admin"})
    # Our admin also tries to edit their membership through our organisation's address.
    client.post(f"/en/organisations/{ours.slug}/members/{target_membership.uuid}/", {"role": "member", "remove": "1"})
    theirs.refresh_from_db()
    # Their own admin and a platform admin may edit and invite; nobody may remove the last admin.
    allowed = role in {"other_admin", "platform_admin"}
    assert (theirs.name == "Hijacked") == allowed
    assert theirs.memberships.filter(role="admin").count() == 1
    assert theirs.invitations.exists() == allowed


API_MATRIX = {
    "get": set(ROLES),
    "members": {"member", "expert", "staff", "admin", "platform_admin"},
    "audit": {"admin", "platform_admin"},
    "patch": {"admin", "platform_admin"},
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", sorted(API_MATRIX))
def test_api_actions_on_our_organisation(role, action, two_organisations, platform_admin):
    ours, _theirs, people = two_organisations
    client = _client(role, people, platform_admin)
    base = f"/api/v1/organisations/{ours.uuid}"
    if action == "patch":
        response = client.patch(base, json.dumps({"short_name": "PT"}), content_type="application/json")
    else:
        response = client.get({"get": base, "members": f"{base}/members", "audit": f"{base}/audit"}[action])
    if role in API_MATRIX[action]:
        assert response.status_code == 200, response.content
    else:
        assert response.status_code in {401, 404}
        if role != "anonymous":
            assert response.status_code == 404


@pytest.mark.parametrize("role", ROLES)
def test_api_hides_private_organisation_by_copied_uuid(role, two_organisations, platform_admin):
    _ours, theirs, people = two_organisations
    client = _client(role, people, platform_admin)
    response = client.get(f"/api/v1/organisations/{theirs.uuid}")
    listing = client.get("/api/v1/organisations").json()["items"]
    if role in {"other_admin", "platform_admin"}:
        assert response.status_code == 200
        assert response.json()["address"] == "Secret street 1"
        assert str(theirs.uuid) in {item["uuid"] for item in listing}
    else:
        assert response.status_code == 404
        assert str(theirs.uuid) not in {item["uuid"] for item in listing}


def test_confidential_contacts_hidden_from_non_members_and_reads_logged(make_organisation, make_member, client):
    """A public organisation with confidential contacts shows its profile to all, its address to members only,
    and every member's read lands in the access log."""
    from civica.core.models import AccessLogEntry

    shelter = make_organisation(
        name="Shelter",
        slug="shelter",
        kind="ngo",
        contacts_confidential=True,
        address="Hidden lane 5",
        phone="0700 111 222",
    )
    member = make_member(shelter, role="staff")
    outsider_page = client.get("/en/organisations/shelter/").content.decode()
    assert "Hidden lane 5" not in outsider_page and "0700 111 222" not in outsider_page
    api = client.get(f"/api/v1/organisations/{shelter.uuid}").json()
    assert api["address"] is None and api["phone"] is None
    assert not AccessLogEntry.objects.exists()

    client.force_login(member)
    assert "Hidden lane 5" in client.get("/en/organisations/shelter/").content.decode()
    assert client.get(f"/api/v1/organisations/{shelter.uuid}").json()["address"] == "Hidden lane 5"
    entries = list(AccessLogEntry.objects.order_by("at"))
    assert [(e.actor, e.channel) for e in entries] == [(member, "web"), (member, "api")]
    assert all(e.organisation_uuid == shelter.uuid for e in entries)
