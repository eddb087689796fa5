"""No malformed request gets a 500: random query strings and JSON bodies against every endpoint."""

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
