"""Personal API tokens are stored hashed, shown once and revocable; revoked, expired, wrong and
inactive people's tokens are refused; the profile page saves, audits and keeps bad input."""

import datetime

from django.utils import timezone

from civica.accounts.models import ApiToken
from civica.accounts.selectors import hash_token
from civica.accounts.services import api_token_create, api_token_revoke


def _me(client, raw):
    return client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {raw}")


def test_token_is_stored_hashed_and_authenticates(client, make_user):
    person = make_user(email="token@test.example", first_name="Ana")
    issued = api_token_create(actor=person, name="Reports")
    stored = ApiToken.objects.get()
    assert issued.raw.startswith("cvk_") and issued.raw not in (stored.token_hash, stored.prefix)
    assert stored.token_hash == hash_token(issued.raw)
    response = _me(client, issued.raw)
    assert response.status_code == 200
    assert response.json()["email"] == "token@test.example"
    stored.refresh_from_db()
    assert stored.last_used_at is not None


def test_revoked_expired_and_wrong_tokens_are_refused(client, make_user):
    person = make_user()
    revoked = api_token_create(actor=person, name="Old")
    api_token_revoke(actor=person, token=revoked.token)
    expired = api_token_create(actor=person, name="Expired", expires_at=timezone.now() - datetime.timedelta(minutes=1))
    for raw in (revoked.raw, expired.raw, "cvk_guessed", ""):
        response = _me(client, raw)
        assert response.status_code == 401
        assert response.json()["detail"]
    assert client.get("/api/v1/me", HTTP_AUTHORIZATION="Basic abc").status_code == 401


def test_inactive_person_token_is_refused(client, make_user):
    person = make_user()
    issued = api_token_create(actor=person, name="x")
    person.is_active = False
    person.save()
    assert _me(client, issued.raw).status_code == 401


def test_token_page_creates_shows_once_and_revokes(client, make_user):
    person = make_user()
    other = make_user()
    foreign = api_token_create(actor=other, name="Not yours")
    client.force_login(person)
    response = client.post(
        "/en/account/api-tokens/", {"name": "Script", "scopes": ["groups:read", "organisations:write"]}
    )
    token = ApiToken.objects.get(user=person)
    page = response.content.decode()
    assert 'id="new-token"' in page and token.prefix in page
    assert 'id="new-token"' not in client.get("/en/account/api-tokens/").content.decode()
    # Another person's token cannot be revoked by its identifier.
    assert client.post(f"/en/account/api-tokens/{foreign.token.uuid}/revoke/").status_code == 404
    foreign.token.refresh_from_db()
    assert foreign.token.revoked_at is None
    client.post(f"/en/account/api-tokens/{token.uuid}/revoke/")
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_token_form_keeps_input_and_explains_errors(client, make_user):
    client.force_login(make_user())
    response = client.post("/ro/account/api-tokens/", {"name": "Raport anual", "expires_at": "2001-01-01"})
    page = response.content.decode()
    assert response.status_code == 200
    assert 'value="Raport anual"' in page
    assert "govuk-error-summary" in page
    assert not ApiToken.objects.exists()


def test_profile_is_saved_and_audited(client, make_user):
    from civica.core.models import AuditEvent

    person = make_user(first_name="Old")
    client.force_login(person)
    response = client.post(
        "/en/account/",
        {"first_name": "Ioana", "last_name": "Marin", "job_title": "Jurist", "phone": "", "preferred_language": "ro"},
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert (person.first_name, person.preferred_language) == ("Ioana", "ro")
    assert AuditEvent.objects.filter(record_uuid=person.uuid, action="update").exists()
    bad = client.post("/en/account/", {"first_name": "Ioana", "last_name": "Marin", "preferred_language": "xx"})
    assert bad.status_code == 200 and "govuk-error-summary" in bad.content.decode()
