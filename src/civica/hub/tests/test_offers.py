"""Offers of support: the public form (honeypot, rate limit, consent), the matching workflow with its
allowed transitions, e-mails to the offerer and the matched organisation, the offerer's signed link,
contact details only for the centre and the matched organisation, and the permission matrix."""

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError

from civica.core.models import Notice
from civica.hub import selectors, services
from civica.hub.models import Offer

from .conftest import OFFER

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    cache.clear()
    yield
    cache.clear()


def _form(**changes):
    data = {key: value for key, value in OFFER.items() if key != "language"}
    data["consent_to_contact"] = "on"
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_public_form_creates_an_offer_and_mails_the_private_link(
    centre_world, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/el/centres/accmr/offer/", _form())
    offer = Offer.objects.get(centre=centre_world.centre)
    assert response.status_code == 302 and response["Location"].startswith("/el/offers/follow/")
    assert offer.state == "offered" and offer.language == "el" and offer.consent_to_contact
    to_offerer = [m for m in mail.outbox if m.to == ["giorgos@outdoor.example"]]
    assert len(to_offerer) == 1 and services.offer_follow_url(offer) in to_offerer[0].body
    assert offer.reference in to_offerer[0].subject
    assert any(m.to == ["staff@accmr.example"] for m in mail.outbox)
    page = client.get(response["Location"])
    assert page.status_code == 200 and offer.reference in page.content.decode()


def test_consent_is_required_and_the_form_keeps_what_was_typed(centre_world, client):
    response = client.post("/en/centres/accmr/offer/", _form(consent_to_contact=None))
    assert response.status_code == 400 and "200 sleeping bags" in response.content.decode()
    with pytest.raises(ValidationError) as error:
        services.offer_submit(centre=centre_world.centre, data={**OFFER, "consent_to_contact": False, "kind": "x"})
    assert {"consent_to_contact", "kind"} <= set(error.value.message_dict)
    assert not Offer.objects.filter(centre=centre_world.centre).exists()


def test_the_honeypot_thanks_robots_and_keeps_nothing(centre_world, client):
    response = client.post("/en/centres/accmr/offer/", _form(website="http://spam.example"))
    assert response.status_code == 200 and not Offer.objects.filter(centre=centre_world.centre).exists()


def test_the_rate_limit_stops_a_flood(centre_world, client, settings):
    settings.CIVICA_OFFER_RATE_LIMIT = (2, 3600)
    codes = [client.post("/en/centres/accmr/offer/", _form()).status_code for _i in range(3)]
    assert codes == [302, 302, 429]
    assert Offer.objects.filter(centre=centre_world.centre).count() == 2


def test_a_forged_follow_link_shows_nothing(offer, client):
    token = services.offer_token(offer)
    assert client.get(f"/en/offers/follow/{token[:-3]}abc/").status_code == 404
    assert client.get(f"/en/offers/follow/{token}/").status_code == 200


def test_the_whole_workflow(centre_world, offer, django_capture_on_commit_callbacks):
    w = centre_world
    with django_capture_on_commit_callbacks(execute=True):
        services.offer_match(
            actor=w.centre_staff, offer=offer, needs=[w.need], organisation=w.ngo, note="For the clinic"
        )
    assert offer.state == "matched" and list(offer.needs.all()) == [w.need]
    assert {tuple(m.to) for m in mail.outbox} == {("giorgos@outdoor.example",), ("staff@rls.example",)}
    assert Notice.objects.filter(user=w.ngo_staff, url__contains=str(offer.uuid)).exists()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.offer_transition(actor=w.ngo_staff, offer=offer, to="accepted")
    assert {tuple(m.to) for m in mail.outbox} == {("giorgos@outdoor.example",), ("staff@accmr.example",)}
    services.offer_transition(actor=w.ngo_staff, offer=offer, to="delivered")
    assert Offer.objects.get(pk=offer.pk).state == "delivered"
    with pytest.raises(ValidationError):
        services.offer_transition(actor=w.centre_staff, offer=offer, to="declined", note="Too late")


def test_transitions_that_are_not_allowed(centre_world, offer):
    w = centre_world
    with pytest.raises(ValidationError):
        services.offer_transition(actor=w.centre_staff, offer=offer, to="delivered")
    with pytest.raises(ValidationError):
        services.offer_transition(actor=w.centre_staff, offer=offer, to="declined")  # a reason is needed
    with pytest.raises(PermissionDenied):
        services.offer_transition(actor=w.ngo_staff, offer=offer, to="accepted")  # not matched to them
    with pytest.raises(ValidationError):
        services.offer_match(actor=w.centre_staff, offer=offer, needs=[w.foreign_need], organisation=w.outsider)
    services.offer_match(actor=w.centre_staff, offer=offer, needs=[], organisation=w.ngo)
    with pytest.raises(PermissionDenied):
        services.offer_transition(actor=w.ngo_staff, offer=offer, to="declined", note="No")  # the centre declines
    # The member sends it back: the match is undone and the organisation no longer sees the offer.
    services.offer_transition(actor=w.ngo_staff, offer=offer, to="offered", note="We have no storage")
    offer.refresh_from_db()
    assert offer.state == "offered" and offer.matched_organisation is None
    with pytest.raises(Offer.DoesNotExist):
        selectors.offer_get(user=w.ngo_staff, uuid=offer.uuid)
    services.offer_transition(actor=w.centre_staff, offer=offer, to="declined", note="No need for it now")
    assert Offer.objects.get(pk=offer.pk).state == "declined"


@pytest.mark.parametrize(
    ("role", "before_match", "after_match"),
    [
        ("centre_staff", 200, 200),
        ("ngo_staff", 404, 200),
        ("ngo_member", 404, 404),
        ("clinic_staff", 404, 404),
        ("outsider_admin", 404, 404),
        ("elsewhere_staff", 404, 404),
    ],
)
def test_permission_matrix_and_contact_details(centre_world, offer, client, role, before_match, after_match):
    w = centre_world
    client.force_login(getattr(w, role))
    url = f"/en/centres/offers/{offer.uuid}/"
    response = client.get(url)
    assert response.status_code == before_match
    assert ("giorgos@outdoor.example" in response.content.decode()) is (before_match == 200)
    # Nobody but the centre's staff can match it.
    client.post(url, {"match": "1", "match-organisation": w.clinic.pk})
    offer.refresh_from_db()
    assert (offer.state == "matched") is (role == "centre_staff")
    if role != "centre_staff":
        services.offer_match(actor=w.centre_staff, offer=offer, needs=[], organisation=w.ngo)
    response = client.get(url) if role != "centre_staff" else None
    if response is not None:
        assert response.status_code == after_match
        assert ("giorgos@outdoor.example" in response.content.decode()) is (after_match == 200)
    assert client.get(f"/en/centres/offers/{w.foreign_offer.uuid}/").status_code == (
        200 if role == "elsewhere_staff" else 404
    )


def test_anonymous_sees_the_form_but_no_offer(centre_world, offer, client):
    assert client.get("/en/centres/accmr/offer/").status_code == 200
    assert client.get(f"/en/centres/offers/{offer.uuid}/").status_code == 302
    assert client.get("/en/centres/accmr/offers/").status_code == 302


def test_the_member_accepts_on_the_page(centre_world, offer, client):
    w = centre_world
    services.offer_match(actor=w.centre_staff, offer=offer, needs=[w.need], organisation=w.ngo)
    client.force_login(w.ngo_staff)
    assert client.get("/en/centres/accmr/offers/").status_code == 200
    response = client.post(f"/en/centres/offers/{offer.uuid}/", {"move": "delivered"})
    assert response.status_code == 404  # not allowed from matched
    client.post(f"/en/centres/offers/{offer.uuid}/", {"move": "accepted"})
    assert Offer.objects.get(pk=offer.pk).state == "accepted"


def test_offers_list_query_count_is_pinned(centre_world, client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    w = centre_world
    client.force_login(w.centre_staff)

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/en/centres/accmr/offers/").status_code == 200
        return len(queries)

    services.offer_submit(centre=w.centre, data=dict(OFFER))
    before = count()
    for _number in range(10):
        offer = services.offer_submit(centre=w.centre, data=dict(OFFER))
        services.offer_match(actor=w.centre_staff, offer=offer, needs=[w.need], organisation=w.ngo)
    assert count() == before


@pytest.mark.parametrize(
    ("role", "status", "rows"),
    [
        ("centre_staff", 200, 1),
        ("ngo_staff", 200, 0),
        ("ngo_member", 404, 0),
        ("outsider_admin", 404, 0),
        ("elsewhere_staff", 404, 0),
    ],
)
def test_offers_list_matrix(centre_world, offer, client, role, status, rows):
    """The centre's staff list every offer; a member's staff only those matched to them; others nothing."""
    client.force_login(getattr(centre_world, role))
    response = client.get("/en/centres/accmr/offers/")
    assert response.status_code == status
    if status == 200:
        assert len(response.context["page"].object_list) == rows
        assert (offer.reference in response.content.decode()) is bool(rows)
