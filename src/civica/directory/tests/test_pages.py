"""The public directory: search in four languages, filters combined, query counts pinned."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from civica.directory import selectors, services
from civica.directory.selectors import Filters

pytestmark = pytest.mark.django_db


def _names(filters):
    return sorted(service.name for service in selectors.public_services(filters))


def test_filters_combine(world):
    assert _names(Filters(category="legal")) == ["Asylum legal clinic"]
    assert _names(Filters(language="ar")) == ["Asylum legal clinic"]
    assert _names(Filters(category="housing", language="ar")) == []
    assert _names(Filters(organisation_kind="ngo")) == ["Asylum legal clinic", "Emergency shelter for women"]
    # The shelter's only place is confidential: it is not "in person" to the public.
    assert _names(Filters(delivery="physical")) == ["Asylum legal clinic"]
    assert _names(Filters(cost="free")) == ["Asylum legal clinic", "Emergency shelter for women"]


def test_paid_services(world):
    services.service_publish(
        organization=world.record, data={"name": "Certified translation", "description": "Documents."}, fee=25
    )
    assert _names(Filters(cost="paid")) == ["Certified translation"]


def test_search_in_greek_finds_the_translation(world, client):
    assert _names(Filters(query="κλινική")) == ["Asylum legal clinic"]
    page = client.get("/el/directory/").content.decode()
    assert "Νομική κλινική ασύλου" in page


def _count(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_query_counts_do_not_grow_with_data(world, client):
    urls = ["/en/directory/", "/en/directory/print/", f"/en/directory/organizations/{world.record.id}/"]
    before = [_count(client, url) for url in urls]
    for number in range(20):
        services.service_publish(
            organization=world.record,
            data={"name": f"Service {number}", "description": "More.", "categories": ["labour", "education"]},
        )
    assert [_count(client, url) for url in urls] == before
