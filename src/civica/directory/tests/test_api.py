"""The HSDS API at /api/hsds/: version, HSDS pagination, AND-combined filters, 404 for what is not
public, responses valid against the official schemas."""

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from civica.directory import hsds_tables, sectors

pytestmark = pytest.mark.django_db
DATA = Path(__file__).parent / "data"
PAGE_KEYS = {"total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty", "contents"}


def _page_errors(kind, page) -> list:
    """Errors of each listed item against the official list-item schema (compiled/<kind>_list.json)."""
    assert set(page) == PAGE_KEYS
    validator = Draft202012Validator(json.loads((DATA / f"{kind}_list.json").read_text()))
    return [error for item in page["contents"] for error in validator.iter_errors(item)]


def test_root_answers_the_hsds_version(client):
    body = client.get("/api/hsds/").json()
    assert body["version"] == "3.0"
    assert body["openapi_url"].endswith("/api/hsds/openapi.json")


def test_services_are_paginated_as_hsds_says(world, client):
    body = client.get("/api/hsds/services?per_page=1&page=2").json()
    assert set(body) == PAGE_KEYS
    assert body["total_items"] == 2 and body["total_pages"] == 2 and body["page_number"] == 2
    assert body["size"] == 1 and body["last_page"] is True and body["first_page"] is False
    assert len(body["contents"]) == 1 and body["empty"] is False
    assert _page_errors("service", body) == []


def test_full_documents_validate_against_the_official_schemas(world, client):
    service = client.get(f"/api/hsds/services/{world.clinic.id}").json()
    assert list(Draft202012Validator(hsds_tables.json_schema("service")).iter_errors(service)) == []
    assert service["organization"]["name"] == "Legal Aid NGO"
    organization = client.get(f"/api/hsds/organizations/{world.record.id}").json()
    assert list(Draft202012Validator(hsds_tables.json_schema("organization")).iter_errors(organization)) == []
    page = client.get("/api/hsds/service_at_locations?full=true").json()
    assert page["total_items"] == 1  # the shelter's placement is not public
    assert _page_errors("service_at_location", page) == []
    assert _page_errors("organization", client.get("/api/hsds/organizations").json()) == []


def test_filters_combine_with_and(world, client):
    housing = sectors.term_id("housing")
    both = client.get(f"/api/hsds/services?taxonomy_term_id={housing}&organization_id={world.record.id}").json()
    assert [s["name"] for s in both["contents"]] == ["Emergency shelter for women"]
    legal = sectors.term_id("legal")
    none = client.get(f"/api/hsds/services?taxonomy_term_id={legal}&search=shelter").json()
    assert none["total_items"] == 0 and none["empty"] is True


def test_unknown_and_unpublished_are_404(world, client):
    from civica.directory.models import Service

    Service.objects.filter(id=world.clinic.id).update(is_published=False)
    assert client.get(f"/api/hsds/services/{world.clinic.id}").status_code == 404
    assert client.get("/api/hsds/services/2e0a9a6e-0000-4000-8000-000000000000").status_code == 404
    assert client.get("/api/hsds/services/not-a-uuid").status_code == 400


def test_list_query_count_does_not_grow_with_data(world, client):
    from civica.directory import services

    def count():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            client.get("/api/hsds/services?full=true&per_page=100")
        return len(queries)

    before = count()
    for number in range(20):
        services.service_publish(
            organization=world.record,
            data={"name": f"Service {number}", "description": "More of the same.", "categories": ["education"]},
        )
    assert count() == before


def test_a_search_with_a_nul_byte_is_refused_not_a_server_error(world, client):
    # Refused at the door for the whole site (core.middleware), before any query runs.
    assert client.get("/api/hsds/services?search=a%00b").status_code == 400
    assert client.get("/api/hsds/organizations?search=%00").status_code == 400
