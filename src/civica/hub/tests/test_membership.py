"""Membership of a coordination centre: ask to join → the centre decides; profiles and representatives;
the permission matrix of its pages."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from civica.directory.models import Organization
from civica.hub import selectors, services
from civica.hub.models import CentreMembership

pytestmark = pytest.mark.django_db


@pytest.fixture
def hub(make_organisation, make_member):
    centre = make_organisation(name="Athens Coordination Centre", slug="accmr", kind="centre", country="GR")
    ngo = make_organisation(name="Refugee Legal Support", slug="rls", kind="ngo", country="GR")
    other = make_organisation(name="Other NGO", slug="other", kind="ngo", country="GR")
    return {
        "centre": centre,
        "ngo": ngo,
        "other": other,
        "centre_staff": make_member(centre, role="staff"),
        "ngo_admin": make_member(ngo, role="admin"),
        "ngo_member": make_member(ngo, role="member"),
        "other_admin": make_member(other, role="admin"),
    }


def _ask(hub):
    return services.membership_request(
        actor=hub["ngo_admin"],
        centre=hub["centre"],
        organisation=hub["ngo"],
        motivation="Legal aid.",
        sectors=["legal"],
    )


def test_ask_then_approve_lists_the_member_and_its_directory_record(hub):
    membership = _ask(hub)
    assert membership.state == "requested" and list(selectors.members_of(hub["centre"])) == []
    services.membership_decide(actor=hub["centre_staff"], membership=membership, approve=True)
    assert [m.organisation for m in selectors.members_of(hub["centre"])] == [hub["ngo"]]
    assert Organization.objects.get(organisation=hub["ngo"]).centre == hub["centre"]


def test_refusal_needs_a_reason_and_the_organisation_may_ask_again(hub):
    membership = _ask(hub)
    with pytest.raises(ValidationError):
        services.membership_decide(actor=hub["centre_staff"], membership=membership, approve=False)
    services.membership_decide(actor=hub["centre_staff"], membership=membership, approve=False, reason="Not in Athens.")
    assert _ask(hub).state == "requested"
    assert CentreMembership.objects.count() == 1


def test_only_the_organisations_staff_ask_and_only_the_centre_decides(hub):
    for actor in (hub["ngo_member"], hub["other_admin"]):
        with pytest.raises(PermissionDenied):
            services.membership_request(actor=actor, centre=hub["centre"], organisation=hub["ngo"], motivation="x")
    membership = _ask(hub)
    for actor in (hub["ngo_admin"], hub["other_admin"]):
        with pytest.raises(PermissionDenied):
            services.membership_decide(actor=actor, membership=membership, approve=True)


def test_representatives_belong_to_the_member(hub):
    membership = _ask(hub)
    services.representative_add(actor=hub["ngo_admin"], membership=membership, user=hub["ngo_member"], title="Lawyer")
    with pytest.raises(ValidationError):
        services.representative_add(actor=hub["ngo_admin"], membership=membership, user=hub["other_admin"])
    with pytest.raises(PermissionDenied):
        services.representative_add(actor=hub["other_admin"], membership=membership, user=hub["ngo_member"])
    assert selectors.figures(hub["centre"]) == {"members": 0, "representatives": 0}
    services.membership_decide(actor=hub["centre_staff"], membership=membership, approve=True)
    assert selectors.figures(hub["centre"]) == {"members": 1, "representatives": 1}


@pytest.mark.parametrize(
    ("role", "request_page", "may_decide"),
    [("centre_staff", 200, True), ("ngo_admin", 200, False), ("other_admin", 404, False), (None, 404, False)],
)
def test_permission_matrix(hub, client, role, request_page, may_decide):
    membership = _ask(hub)
    if role:
        client.force_login(hub[role])
    url = f"/en/centres/memberships/{membership.uuid}/"
    assert client.get(url).status_code == request_page
    client.post(url, {"decide": "approve", "reason": ""})
    membership.refresh_from_db()
    assert (membership.state == "approved") is may_decide
    assert client.get("/en/centres/accmr/").status_code == 200
    assert client.get("/en/centres/memberships/2e0a9a6e-0000-4000-8000-000000000000/").status_code == 404


def test_join_page_only_for_organisations_that_may_ask(hub, client):
    assert client.get("/en/centres/accmr/join/").status_code == 302  # sign in first
    client.force_login(hub["ngo_member"])
    assert client.get("/en/centres/accmr/join/").status_code == 404
    client.force_login(hub["ngo_admin"])
    response = client.post("/en/centres/accmr/join/", {"organisation": hub["ngo"].pk, "motivation": ""})
    assert response.status_code == 200 and CentreMembership.objects.count() == 0
    response = client.post("/en/centres/accmr/join/", {"organisation": hub["ngo"].pk, "motivation": "We help."})
    assert response.status_code == 302 and CentreMembership.objects.get().state == "requested"


def test_centre_page_query_count_is_pinned(hub, client, make_organisation, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count():
        with CaptureQueriesContext(connection) as queries:
            client.get("/en/centres/accmr/")
        return len(queries)

    before = count()
    for number in range(10):
        organisation = make_organisation(name=f"Member {number}", slug=f"member-{number}", kind="ngo", country="GR")
        CentreMembership.objects.create(centre=hub["centre"], organisation=organisation, state="approved")
    assert count() == before
