"""Permission matrix of the directory's pages: centre staff, the member organisation's staff, another
organisation's staff, anonymous. Anything not allowed answers 404 (or the sign-in page)."""

import pytest

from civica.directory import services

pytestmark = pytest.mark.django_db
ROLES = ["centre_staff", "member_staff", "other_staff", "anonymous"]


def _client(client, world, role):
    if role != "anonymous":
        client.force_login(getattr(world, role))
    return client


def _status(response):
    if response.status_code == 302 and "/accounts/login" in response["Location"]:
        return "login"
    return response.status_code


@pytest.mark.parametrize(
    ("role", "expected"),
    [("centre_staff", 404), ("member_staff", 200), ("other_staff", 404), ("anonymous", "login")],
)
def test_propose_a_service(world, client, role, expected):
    response = _client(client, world, role).get(f"/en/directory/organizations/{world.record.id}/new-service/")
    assert _status(response) == expected
    response = client.get(f"/en/directory/services/{world.clinic.id}/edit/")
    assert _status(response) == expected


@pytest.mark.parametrize(
    ("role", "expected"),
    [("centre_staff", 200), ("member_staff", 200), ("other_staff", 404), ("anonymous", "login")],
)
def test_see_a_proposed_change(world, client, role, expected):
    revision = services.revision_propose(
        actor=world.member_staff, organization=world.record, data={"name": "New", "description": "New service."}
    )
    assert _status(_client(client, world, role).get(f"/en/directory/changes/{revision.uuid}/")) == expected


@pytest.mark.parametrize(
    ("role", "approved"),
    [("centre_staff", True), ("member_staff", False), ("other_staff", False), ("anonymous", False)],
)
def test_approve_a_change(world, client, role, approved):
    revision = services.revision_propose(
        actor=world.member_staff, organization=world.record, data={"name": "New", "description": "New service."}
    )
    _client(client, world, role).post(f"/en/directory/changes/{revision.uuid}/", {"approve": "1"})
    revision.refresh_from_db()
    assert (revision.state == "approved") is approved


@pytest.mark.parametrize(
    ("role", "expected"),
    [("centre_staff", 200), ("member_staff", 404), ("other_staff", 404), ("anonymous", "login")],
)
def test_import_page(world, client, role, expected):
    assert _status(_client(client, world, role).get("/en/directory/import/")) == expected


@pytest.mark.parametrize("role", ROLES)
def test_public_pages_are_open_to_everyone(world, client, role):
    _client(client, world, role)
    for url in ("/en/directory/", "/en/directory/print/", f"/en/directory/services/{world.clinic.id}/"):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("role", ROLES)
def test_unknown_or_unpublished_ids_are_404(world, client, role):
    revision = services.revision_propose(
        actor=world.member_staff, organization=world.record, data={"name": "Draft", "description": "Not live."}
    )
    assert revision.service is None
    _client(client, world, role)
    assert client.get("/en/directory/services/2e0a9a6e-0000-4000-8000-000000000000/").status_code == 404
    assert client.get("/en/directory/organizations/2e0a9a6e-0000-4000-8000-000000000000/").status_code == 404
