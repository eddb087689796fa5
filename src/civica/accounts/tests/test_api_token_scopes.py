"""API tokens do only what their scopes allow, expire by default, and two-factor binds the API too.

Before: any token could read and write everything forever, and a person who must use two-factor
reached `/api/v1/protection/...` with a password-only session (the middleware skipped /api/).
"""

import datetime

import pytest
from django.test import override_settings
from django.utils import timezone

from civica.accounts import scopes
from civica.accounts.models import ApiToken
from civica.accounts.services import api_token_create
from civica.core.permissions import SYSTEM
from civica.organisations.services import membership_add


def _bearer(raw):
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def test_a_new_token_expires_in_90_days_by_default(make_user):
    """Without an expiry date a token lives 90 days, not forever."""
    issued = api_token_create(actor=make_user(), name="Default")
    left = issued.token.expires_at - timezone.now()
    assert datetime.timedelta(days=89) < left <= datetime.timedelta(days=90)


@pytest.mark.parametrize(
    ("granted", "method", "path", "allowed"),
    [
        (["groups:read"], "GET", "/api/v1/groups", True),
        (["groups:read"], "POST", "/api/v1/groups", False),
        (["groups:write"], "POST", "/api/v1/groups", True),
        (["groups:write"], "GET", "/api/v1/groups/sdg/local-indicators", True),
        (["groups:write"], "GET", "/api/v1/protection/cases", False),
        (["protection:read"], "DELETE", "/api/v1/protection/cases/x", False),
        (["cases:read"], "GET", "/api/v1/estimates", False),
        (["mediation:read"], "GET", "/api/v1/estimates", True),
        (scopes.ALL_SCOPES, "GET", "/api/v1/unknown-area", False),
        ([], "GET", "/api/v1/me", False),
    ],
)
def test_scope_matrix(granted, method, path, allowed):
    """Read allows safe methods only; write allows all; an area's scope never opens another area."""
    assert scopes.allows(granted, method=method, path=path) is allowed


def test_a_read_only_groups_token_cannot_post_nor_read_protection(client, make_user):
    """Enforced on real requests: 403 in the JSON shape, the token's own area still works."""
    issued = api_token_create(actor=make_user(), name="Groups", scopes=["groups:read"])
    assert client.get("/api/v1/groups", **_bearer(issued.raw)).status_code == 200
    for response in (
        client.post("/api/v1/groups", "{}", content_type="application/json", **_bearer(issued.raw)),
        client.get("/api/v1/protection/cases", **_bearer(issued.raw)),
        client.get("/api/v1/me", **_bearer(issued.raw)),
    ):
        assert response.status_code == 403
        assert "scopes" in response.json()["detail"]


def test_unknown_scopes_are_refused(make_user):
    """A service caller cannot invent a scope."""
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        api_token_create(actor=make_user(), name="x", scopes=["everything:write"])


def test_the_tokens_page_shows_scopes_and_requires_one(client, make_user):
    """The page lists each token's scopes, and refuses a token with none (keeping the name typed)."""
    person = make_user()
    api_token_create(actor=person, name="Reporting", scopes=["cases:read"])
    client.force_login(person)
    page = client.get("/en/account/api-tokens/").content.decode()
    assert "cases:read" in page
    response = client.post("/en/account/api-tokens/", {"name": "No scopes"})
    assert 'value="No scopes"' in response.content.decode()
    assert ApiToken.objects.filter(user=person).count() == 1


@override_settings(CIVICA_REQUIRE_2FA_FOR_SENSITIVE=True)
def test_the_api_refuses_a_sensitive_person_without_two_factor(client, make_user, make_organisation):
    """Session and token alike get 403 with the two-factor message until TOTP is on; others pass."""
    organisation = make_organisation()
    careful = make_user()
    plain = make_user()
    membership_add(actor=SYSTEM, organisation=organisation, user=careful, role="staff", handles_sensitive_data=True)
    membership_add(actor=SYSTEM, organisation=organisation, user=plain, role="staff")
    issued = api_token_create(actor=careful, name="Script")
    for path in ("/api/v1/me", "/api/v1/protection/cases"):
        response = client.get(path, **_bearer(issued.raw))
        assert response.status_code == 403, path
        assert "two-factor" in response.json()["detail"]
    client.force_login(careful)
    for path in ("/api/v1/me", "/api/v1/protection/cases", "/api/v1/organisations"):
        response = client.get(path)
        assert response.status_code == 403, path
        assert "two-factor" in response.json()["detail"]
    client.force_login(plain)
    assert client.get("/api/v1/me").status_code == 200
    assert client.get("/api/v1/me", **_bearer(api_token_create(actor=plain, name="p").raw)).status_code == 200
