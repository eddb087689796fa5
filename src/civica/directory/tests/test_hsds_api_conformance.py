"""The HSDS API against Open Referral's own openapi.json (HSDS 3.0, copied in data/hsds_api/): every
path the specification lists is served, and every answer validates against that path's response
schema (the official record schemas resolved locally). Also: the new taxonomy endpoints and filters,
an empty page past the last, and the CORS header of this public read-only API."""

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from civica.directory import hsds_import, hsds_tables
from civica.directory.models import TaxonomyTerm

pytestmark = pytest.mark.django_db
DATA = Path(__file__).parent / "data"
SPEC_DIR = DATA / "hsds_api"
SPEC = json.loads((SPEC_DIR / "openapi.json").read_text())


# An erratum of the 3.0 openapi.json: /service_at_locations/{id} names the compiled *service* schema.
ERRATA = {
    "/service_at_locations/{id}": "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/compiled/service_at_location.json"
}


def _retrieve(uri: str):
    """The official schemas are referenced by their GitHub address: read the local copies instead
    (the compiled full documents are bundled in directory/hsds/, the compiled lists in data/)."""
    name = uri.rsplit("/", 1)[-1].removesuffix(".json")
    if "/compiled/" in uri and name in {"service", "organization", "service_at_location"}:
        contents = hsds_tables.json_schema(name)
    elif "/compiled/" in uri:
        contents = json.loads((DATA / f"{name}.json").read_text())
    else:
        contents = json.loads((SPEC_DIR / f"{name}.json").read_text())
    return Resource.from_contents(contents, default_specification=DRAFT202012)


def _validator(path: str) -> Draft202012Validator:
    registry = Registry(retrieve=_retrieve).with_resource(
        "urn:hsds-openapi", Resource.from_contents(SPEC, default_specification=DRAFT202012)
    )
    pointer = path.replace("~", "~0").replace("/", "~1")
    schema = {
        "$ref": ERRATA.get(path)
        or f"urn:hsds-openapi#/paths/{pointer}/get/responses/200/content/application~1json/schema"
    }
    return Draft202012Validator(schema, registry=registry)


@pytest.fixture
def examples(db):
    for name in ("service_full.json", "organization_full.json", "service_at_location_full.json"):
        hsds_import.import_path(DATA / name, skip_broken_links=True)
    return _ids_from_data()


def _ids_from_data() -> dict:
    service = json.loads((DATA / "service_full.json").read_text())
    organization = json.loads((DATA / "organization_full.json").read_text())
    placement = json.loads((DATA / "service_at_location_full.json").read_text())
    term = service["attributes"][0]["taxonomy_term"]
    return {
        "/services/{id}": service["id"],
        "/organizations/{id}": organization["id"],
        "/service_at_locations/{id}": placement["id"],
        "/taxonomies/{id}": term["taxonomy_detail"]["id"],
        "/taxonomy_terms/{id}": term["id"],
    }


@pytest.mark.parametrize("path", [path for path, item in SPEC["paths"].items() if "get" in item])
def test_every_path_of_the_specification_answers_in_its_shape(examples, client, path):
    url = "/api/hsds" + path.replace("{id}", _ids_from_data().get(path, ""))
    response = client.get(url)
    assert response.status_code == 200, url
    body = response.json()
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in _validator(path).iter_errors(body)]
    assert errors == [], url
    assert response["Access-Control-Allow-Origin"] == "*"


def test_a_page_past_the_last_is_empty(examples, client):
    body = client.get("/api/hsds/services?page=999").json()
    assert body["empty"] is True and body["contents"] == [] and body["page_number"] > body["total_pages"]
    assert body["last_page"] is True


def test_taxonomy_terms_by_parent_and_top_only(examples, client):
    top = TaxonomyTerm.objects.create(code="T", name="Top", description="top")
    child = TaxonomyTerm.objects.create(code="C", name="Child", description="child", parent=top)
    children = client.get(f"/api/hsds/taxonomy_terms?parent_id={top.id}").json()["contents"]
    assert [row["id"] for row in children] == [str(child.id)]
    tops = {row["id"] for row in client.get("/api/hsds/taxonomy_terms?top_only=true&per_page=100").json()["contents"]}
    assert str(top.id) in tops and str(child.id) not in tops
    assert client.get("/api/hsds/taxonomy_terms?parent_id=nope").status_code == 400


def test_unknown_taxonomy_ids_are_not_found_with_cors(client):
    response = client.get("/api/hsds/taxonomies/5c4d79d7-cc55-470e-9f1f-8cad074e4899")
    assert response.status_code == 404 and response["Access-Control-Allow-Origin"] == "*"
    assert client.get("/api/hsds/taxonomy_terms/not-a-uuid").status_code == 400


def test_query_count_of_a_taxonomy_term_does_not_grow(examples, client, django_assert_max_num_queries):
    term_id = _ids_from_data()["/taxonomy_terms/{id}"]
    with django_assert_max_num_queries(4):
        client.get(f"/api/hsds/taxonomy_terms/{term_id}")
