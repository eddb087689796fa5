"""List pages and API lists run the same number of queries with ten times the rows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext


def _grow(make_organisation, make_member, organisation, territory, count):
    for _ in range(count):
        make_organisation(territory=territory, parent=organisation)
        make_member(organisation, role="member")


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


URLS = [
    "/en/organisations/",
    "/en/organisations/?kind=municipality&country=RO",
    "/en/organisations/hub/",
    "/en/organisations/hub/members/",
    "/en/organisations/hub/audit/",
    "/en/territories/",
    "/en/dashboard/",
    "/en/account/organisations/",
    "/api/v1/organisations",
    "/api/v1/territories?country=IT",
    "/api/v1/me",
]


@pytest.mark.parametrize("url", URLS)
def test_query_count_does_not_grow_with_data(url, client, territories, make_organisation, make_member):
    hub = make_organisation(name="Hub", slug="hub", territory=territories["RO-403"])
    admin = make_member(hub, role="admin")
    client.force_login(admin)
    url = url.replace("hub/", f"{hub.slug}/")
    _grow(make_organisation, make_member, hub, territories["RO-127"], 3)
    small = _queries(client, url)
    _grow(make_organisation, make_member, hub, territories["RO-127"], 30)
    large = _queries(client, url)
    assert large == small, f"{url}: {small} queries with 3 rows, {large} with 33"
