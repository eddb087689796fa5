"""No malformed request gets a 500: random query strings and JSON bodies against every endpoint."""

import hashlib
import hmac
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=12,
)
patch_fields = st.sampled_from(
    [
        "name",
        "short_name",
        "description",
        "website",
        "email",
        "phone",
        "address",
        "fiscal_id",
        "territory",
        "language",
        "is_public",
        "contacts_confidential",
        "slug",
        "uuid",
    ]
)
query_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=20)


@pytest.fixture
def admin_client(client, two_organisations):
    ours, _theirs, people = two_organisations
    client.force_login(people["admin"])
    return client, ours


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=st.dictionaries(patch_fields, json_values, max_size=5) | json_values)
def test_patch_never_fails_with_a_server_error(admin_client, body):
    client, ours = admin_client
    response = client.patch(f"/api/v1/organisations/{ours.uuid}", json.dumps(body), content_type="application/json")
    assert response.status_code < 500, (body, response.content)
    assert response["Content-Type"].startswith("application/json")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    path=st.sampled_from(["/api/v1/organisations", "/api/v1/territories", "/api/v1/me"]),
    params=st.dictionaries(
        st.sampled_from(["q", "kind", "country", "level", "parent", "page", "page_size", "x"]), query_text, max_size=4
    ),
)
def test_list_queries_never_fail_with_a_server_error(admin_client, path, params):
    client, _ours = admin_client
    response = client.get(path, params)
    assert response.status_code < 500, (path, params, response.content)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(segment=query_text)
def test_identifiers_in_paths_never_fail_with_a_server_error(admin_client, segment):
    from urllib.parse import quote

    client, _ours = admin_client
    for path in (f"/api/v1/organisations/{quote(segment, safe='')}", f"/en/organisations/{quote(segment, safe='')}/"):
        assert client.get(path).status_code < 500, path


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    path=st.sampled_from(
        ["/api/v1/cases", "/api/v1/cases/RC-2026-000001/transitions", "/api/v1/cases/RC-2026-000001/notes"]
    ),
    body=st.dictionaries(
        st.sampled_from(
            [
                "organisation",
                "requester_organisation",
                "title",
                "summary",
                "language",
                "transition",
                "outcome",
                "body",
                "shared_with_requester",
            ]
        ),
        json_values,
        max_size=5,
    )
    | json_values,
)
def test_case_writes_never_fail_with_a_server_error(admin_client, path, body):
    client, _ours = admin_client
    response = client.post(path, json.dumps(body), content_type="application/json")
    assert response.status_code < 500, (path, body, response.content)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    params=st.dictionaries(
        st.sampled_from(
            [
                "country",
                "matter",
                "value",
                "parties",
                "court_referred",
                "specialisation",
                "language",
                "territory",
                "public_bodies",
            ]
        ),
        query_text,
        max_size=5,
    )
)
def test_mediation_queries_never_fail_with_a_server_error(client, db, params):
    for path in ("/api/v1/estimates", "/api/v1/mediators"):
        assert client.get(path, params).status_code < 500, (path, params)


def _paginated_list_paths():
    """Every GET operation of the API that takes `page`, with path parameters filled by a dummy value."""
    from civica.config.api import api

    schema = api.get_openapi_schema(path_prefix="/api/v1")
    found = []
    for path, operations in schema["paths"].items():
        get = operations.get("get")
        params = get.get("parameters", []) if get else []
        if any(param["name"] == "page" for param in params):
            for param in params:
                if param["in"] == "path":
                    uuid = "uuid" in param["name"] or param.get("schema", {}).get("format") == "uuid"
                    dummy = "00000000-0000-4000-8000-000000000000" if uuid else "RC-2026-000001"
                    path = path.replace("{" + param["name"] + "}", dummy)
            found.append(path)
    return sorted(found)


def test_every_paginated_list_is_found():
    """The walk below covers the API's lists (there were 11 kinds of list at the time of the probe)."""
    assert len(_paginated_list_paths()) >= 11


@pytest.mark.parametrize("page", ["1" + "0" * 30, "9223372036854775807"])
def test_a_huge_page_is_a_4xx_in_the_json_shape_on_every_list(admin_client, client, page):
    """?page= beyond any real page answers 4xx with {"detail", "errors"}, signed in and anonymous, never 500."""
    signed_in, _ours = admin_client
    anonymous = type(client)()
    for path in _paginated_list_paths():
        for who in (signed_in, anonymous):
            response = who.get(path, {"page": page, "page_size": page})
            assert 400 <= response.status_code < 500, (path, response.status_code, response.content[:200])
            body = response.json()
            assert "detail" in body and "errors" in body, (path, body)


def _nested(depth: int) -> bytes:
    return ("[" * depth + "]" * depth).encode()


@pytest.mark.parametrize("depth", [200, 100_000])
def test_deep_json_to_the_api_is_a_4xx_not_a_server_error(admin_client, depth):
    """A body nested 200 or 100,000 deep is refused in the JSON error shape (no RecursionError)."""
    client, ours = admin_client
    body = b'{"name": ' + _nested(depth) + b"}"
    response = client.patch(f"/api/v1/organisations/{ours.uuid}", body, content_type="application/json")
    assert response.status_code in (400, 422), response.content[:200]
    assert "detail" in response.json()


@pytest.mark.django_db
@pytest.mark.parametrize("depth", [200, 100_000])
def test_a_signed_whatsapp_delivery_nested_deeply_is_a_400(client, settings, depth):
    """A correctly signed webhook delivery with deeply nested JSON answers 400, never a RecursionError."""
    settings.CIVICA_WHATSAPP_APP_SECRET = "fuzz-secret"
    body = b'{"entry": ' + _nested(depth) + b"}"
    signature = "sha256=" + hmac.new(b"fuzz-secret", body, hashlib.sha256).hexdigest()
    response = client.post(
        "/helpline/whatsapp/webhook", data=body, content_type="application/json", HTTP_X_HUB_SIGNATURE_256=signature
    )
    assert response.status_code == 400


def test_json_depth_is_measured_outside_strings():
    """Brackets inside strings do not count; a document at the limit parses."""
    from civica.core import jsonsafe

    assert jsonsafe.depth_of('{"a": "[[[[[[", "b": [1, {"c": "\\"]]"}]}') == 3
    assert jsonsafe.loads(_nested(jsonsafe.MAX_DEPTH)) is not None
    with pytest.raises(jsonsafe.JSONTooDeep):
        jsonsafe.loads(_nested(jsonsafe.MAX_DEPTH + 1))
