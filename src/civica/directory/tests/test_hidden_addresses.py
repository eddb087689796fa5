"""A shelter's confidential address never appears in public pages, the API, exports, search or map
data; the staff of the centre and of the shelter's organisation see it on the service page."""

import json

import pytest

from civica.core import search
from civica.core.models import SearchEntry
from civica.directory import hsds_export, selectors

from .conftest import SECRET_STREET

pytestmark = pytest.mark.django_db


def _leaks(text: str, world) -> bool:
    return SECRET_STREET in text or str(world.shelter_location.id) in text or "38.01" in text


def test_public_pages_never_show_it(world, client):
    for url in (
        "/en/directory/",
        "/en/directory/?q=shelter",
        "/en/directory/print/",
        f"/en/directory/services/{world.shelter.id}/",
        f"/en/directory/organizations/{world.record.id}/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert not _leaks(response.content.decode(), world), url
    # The service itself is public: only where it is stays hidden.
    assert "Emergency shelter for women" in client.get("/en/directory/").content.decode()


def test_another_organisations_staff_do_not_see_it(world, client):
    client.force_login(world.other_staff)
    assert not _leaks(client.get(f"/en/directory/services/{world.shelter.id}/").content.decode(), world)


@pytest.mark.parametrize("who", ["member_staff", "centre_staff"])
def test_authorised_members_see_it(world, client, who):
    client.force_login(getattr(world, who))
    page = client.get(f"/en/directory/services/{world.shelter.id}/").content.decode()
    assert SECRET_STREET in page
    assert "Confidential address" in page


def test_the_api_never_returns_it(world, client):
    for url in (
        "/api/hsds/services?full=true&per_page=100",
        f"/api/hsds/services/{world.shelter.id}",
        "/api/hsds/service_at_locations?full=true",
        f"/api/hsds/organizations/{world.record.id}",
        "/api/hsds/organizations?full=true",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert not _leaks(response.content.decode(), world), url


def test_exports_never_contain_it(world, tmp_path):
    paths = hsds_export.export(tmp_path)
    for path in paths:
        assert not _leaks(path.read_text(encoding="utf-8"), world), path.name
    services = json.loads((tmp_path / "json" / "services.json").read_text())
    assert any(service["name"] == "Emergency shelter for women" for service in services)


def test_search_never_finds_it(world):
    assert search.search("Kryfi", include_public=True) == []
    assert not any(_leaks(f"{entry.title} {entry.body}", world) for entry in SearchEntry.objects.all())
    assert search.search("shelter", include_public=True)  # the service is found, its address is not


def test_map_data_never_places_it(world):
    points = selectors.map_points([world.clinic, world.shelter])
    assert [point.name for point in points] == ["Asylum legal clinic"]
