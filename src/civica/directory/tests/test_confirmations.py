"""'Is this still correct?': asked once per period by e-mail, confirmed by a signed one-click link."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from civica.directory import jobs as confirmations
from civica.directory.models import Service

pytestmark = pytest.mark.django_db


def _age(world, days):
    Service.objects.update(confirmed_at=timezone.now() - timedelta(days=days))


def test_stale_services_are_asked_once(world, django_capture_on_commit_callbacks):
    _age(world, 200)
    with django_capture_on_commit_callbacks(execute=True):
        assert confirmations.ask_for_confirmations() == 2
    assert len(mail.outbox) == 2 and all(m.to == [world.member_staff.email] for m in mail.outbox)
    with django_capture_on_commit_callbacks(execute=True):
        assert confirmations.ask_for_confirmations() == 0
    assert len(mail.outbox) == 2


def test_fresh_services_are_not_asked(world):
    _age(world, 10)
    assert confirmations.ask_for_confirmations() == 0


def test_the_signed_link_asks_on_get_and_confirms_on_post(world, client):
    """A mail scanner that follows the link (GET) confirms nothing; the page's button (POST) does."""
    _age(world, 200)
    token = confirmations.confirm_token(world.clinic)
    response = client.get(f"/en/directory/confirm/{token}/")
    assert response.status_code == 200 and b'method="post"' in response.content
    assert Service.objects.get(id=world.clinic.id).confirmed_at < timezone.now() - timedelta(days=100)
    response = client.post(f"/en/directory/confirm/{token}/")
    assert response.status_code == 200
    assert Service.objects.get(id=world.clinic.id).confirmed_at > timezone.now() - timedelta(minutes=1)
    assert Service.objects.get(id=world.shelter.id).confirmed_at < timezone.now() - timedelta(days=100)


def test_a_forged_link_confirms_nothing(world, client):
    _age(world, 200)
    token = confirmations.confirm_token(world.clinic)[:-2] + "xx"
    assert client.get(f"/en/directory/confirm/{token}/").status_code == 400
    assert client.post(f"/en/directory/confirm/{token}/").status_code == 400
    assert Service.objects.get(id=world.clinic.id).confirmed_at < timezone.now() - timedelta(days=100)
