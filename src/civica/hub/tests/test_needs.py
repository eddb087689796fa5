"""Needs and gaps: the centre's staff record and manage them, members propose, everyone else sees nothing;
a view of the open needs no service answers; filters; pinned query counts."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from civica.core.models import AuditEvent
from civica.directory import services as directory_services
from civica.hub import selectors, services
from civica.hub.models import Need

pytestmark = pytest.mark.django_db


def test_staff_record_an_open_need_linked_to_a_service_and_it_leaves_the_gaps(centre_world):
    w = centre_world
    need = services.need_create(
        actor=w.centre_staff,
        centre=w.centre,
        title="Legal aid for family reunification",
        sector="legal",
        priority="long_term",
        committee=w.committee,
        services=[w.service],
    )
    assert need.status == "open" and list(need.services.all()) == [w.service]
    gaps = selectors.needs_visible_to(w.centre_staff, w.centre, selectors.NeedFilters(unanswered=True))
    assert list(gaps) == [w.need]
    assert AuditEvent.objects.filter(record_uuid=need.uuid, action="create").exists()


def test_a_member_proposes_and_the_centre_is_told_then_accepts(centre_world, django_capture_on_commit_callbacks):
    w = centre_world
    with django_capture_on_commit_callbacks(execute=True):
        need = services.need_create(
            actor=w.ngo_staff,
            centre=w.centre,
            title="Child care during courses",
            sector="education",
            priority="immediate",
        )
    assert need.status == "proposed" and need.proposed_for == w.ngo
    assert [m.to for m in mail.outbox] == [["staff@accmr.example"]]
    with pytest.raises(PermissionDenied):
        services.need_update(
            actor=w.ngo_staff, need=need, status="open", title=need.title, sector="education", priority="immediate"
        )
    services.need_update(
        actor=w.centre_staff, need=need, status="open", title=need.title, sector="education", priority="immediate"
    )
    need.refresh_from_db()
    assert need.status == "open"


def test_bad_values_change_nothing(centre_world):
    w = centre_world
    foreign_committee = w.committee.__class__.objects.create(organisation=w.elsewhere, name="Other", kind="committee")
    with pytest.raises(ValidationError) as error:
        services.need_create(
            actor=w.centre_staff,
            centre=w.centre,
            title=" ",
            sector="space",
            priority="soon",
            committee=foreign_committee,
        )
    assert set(error.value.message_dict) == {"title", "sector", "priority", "committee"}
    other_record = directory_services.organization_record_for(organisation=w.outsider, centre=w.elsewhere)
    foreign_service = directory_services.service_publish(
        organization=other_record, data={"name": "Elsewhere", "description": "x", "categories": []}
    )
    with pytest.raises(ValidationError):
        services.need_create(
            actor=w.centre_staff,
            centre=w.centre,
            title="x",
            sector="legal",
            priority="immediate",
            services=[foreign_service],
        )
    assert Need.objects.filter(centre=w.centre).count() == 1


@pytest.mark.parametrize(
    ("role", "sees", "proposes", "manages"),
    [
        ("centre_staff", True, True, True),
        ("ngo_staff", True, True, False),
        ("ngo_member", True, False, False),
        ("outsider_admin", False, False, False),
        ("elsewhere_staff", False, False, False),
    ],
)
def test_permission_matrix(centre_world, client, role, sees, proposes, manages):
    w = centre_world
    user = getattr(w, role)
    client.force_login(user)
    assert client.get("/en/centres/accmr/needs/").status_code == (200 if sees else 404)
    assert client.get("/en/centres/accmr/needs/gaps/").status_code == (200 if sees else 404)
    assert client.get(f"/en/centres/needs/{w.need.uuid}/").status_code == (200 if sees else 404)
    assert client.get("/en/centres/accmr/needs/new/").status_code == (200 if proposes else 404)
    response = client.post(
        f"/en/centres/needs/{w.need.uuid}/",
        {"title": "Changed", "sector": "legal", "priority": "immediate", "status": "met"},
    )
    w.need.refresh_from_db()
    assert (w.need.status == "met") is manages and response.status_code in ((302,) if manages else (404,))
    # Another centre's need is found only by that centre's own people.
    foreign = client.get(f"/en/centres/needs/{w.foreign_need.uuid}/").status_code
    assert foreign == (200 if role == "elsewhere_staff" else 404)


def test_anonymous_people_are_sent_to_sign_in(centre_world, client):
    assert client.get("/en/centres/accmr/needs/").status_code == 302
    assert client.get(f"/en/centres/needs/{centre_world.need.uuid}/").status_code == 302


def test_a_bad_form_re_renders_what_was_typed(centre_world, client):
    client.force_login(centre_world.centre_staff)
    response = client.post(
        "/en/centres/accmr/needs/new/", {"title": "Night shelter beds", "sector": "", "priority": "x"}
    )
    assert response.status_code == 200 and "Night shelter beds" in response.content.decode()
    assert Need.objects.filter(centre=centre_world.centre).count() == 1


def test_filters(centre_world):
    w = centre_world
    services.need_create(
        actor=w.centre_staff,
        centre=w.centre,
        title="Housing for families",
        sector="housing",
        priority="long_term",
        committee=w.committee,
    )

    def see(**f):
        return [n.title for n in selectors.needs_visible_to(w.centre_staff, w.centre, selectors.NeedFilters(**f))]

    assert see(sector="housing") == ["Housing for families"]
    assert see(priority="immediate") == ["Interpreters for asylum interviews"]
    assert see(committee=w.committee.pk) == ["Housing for families"]
    assert see(query="interpreters") == ["Interpreters for asylum interviews"]


def test_needs_page_query_count_is_pinned(centre_world, client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    w = centre_world
    client.force_login(w.centre_staff)

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/en/centres/accmr/needs/").status_code == 200
        return len(queries)

    before = count()
    for number in range(10):
        need = Need.objects.create(centre=w.centre, title=f"Need {number}", sector="labour", committee=w.committee)
        need.services.add(w.service)
    assert count() == before
