"""Solutions that worked in similar conditions: found by search, shown without personal data, shared."""

from civica.cases import selectors, services
from civica.cases.models import Case
from civica.core import crypto


def _closed(people, centre, municipality, title, summary, outcome):
    case = services.case_open(
        actor=people["requester"],
        workflow="request",
        organisation=centre,
        requester_organisation=municipality,
        title=title,
        summary=summary,
        language="ro",
    )
    services.case_transition(actor=people["centre_staff"], case=case, transition="analyse")
    services.case_transition(actor=people["centre_staff"], case=case, transition="answer")
    return services.case_transition(actor=people["centre_staff"], case=case, transition="close", outcome=outcome)


def test_similar_closed_cases_are_offered_and_shared(client, centre_world, make_organisation, make_member):
    centre, municipality, people = centre_world
    old = _closed(
        people,
        centre,
        municipality,
        "Dispută privind autorizația de construire a unei anexe",
        "Ion Popescu, str. Lalelelor 4, a contestat refuzul.",
        "Mediere reușită: autorizația a fost reemisă cu condiții.",
    )
    _closed(people, centre, municipality, "Taxa de salubrizare", "…", "Informare trimisă.")
    other_centre = make_organisation(name="Alt centru", slug="alt-centru", kind="centre")
    foreign_staff = make_member(other_centre, role="staff")
    foreign = services.case_open(
        actor=foreign_staff, workflow="request", organisation=other_centre, title="Autorizația de construire contestată"
    )
    services.case_transition(actor=foreign_staff, case=foreign, transition="analyse")
    services.case_transition(actor=foreign_staff, case=foreign, transition="answer")
    services.case_transition(actor=foreign_staff, case=foreign, transition="close", outcome="Secret al altui centru")

    new = services.case_open(
        actor=people["requester"],
        workflow="request",
        organisation=centre,
        requester_organisation=municipality,
        title="Autorizație de construire refuzată",
    )
    found = selectors.similar_solutions(user=people["centre_staff"], case=new)
    assert [case.uuid for case in found] == [old.uuid]  # never another centre's cases

    client.force_login(people["centre_staff"])
    page = client.get(f"/en/cases/{new.reference}/").content.decode()
    assert "Mediere reușită" in page
    assert "Ion Popescu" not in page and "Lalelelor" not in page and "Secret al altui centru" not in page
    client.post(f"/en/cases/{new.reference}/solutions/{old.uuid}/")
    note = new.notes.get()
    assert note.shared_with_requester and "Mediere reușită" in crypto.reveal(note.body)
    assert client.post(f"/en/cases/{new.reference}/solutions/{foreign.uuid}/").status_code == 404

    client.force_login(people["requester"])
    assert client.post(f"/en/cases/{new.reference}/solutions/{old.uuid}/").status_code == 404
    assert "Mediere reușită" in client.get(f"/en/cases/{new.reference}/").content.decode()  # the shared note


def test_reopening_removes_the_solution_from_the_index(centre_world):
    from civica.core.models import SearchEntry

    centre, municipality, people = centre_world
    case = _closed(people, centre, municipality, "Parcări", "…", "Acord")
    assert SearchEntry.objects.filter(record_uuid=case.uuid).exists()
    services.case_set_owner(actor=people["centre_admin"], case=case, owner=people["centre_staff"])
    services.case_transition(actor=people["centre_staff"], case=Case.objects.get(pk=case.pk), transition="reopen")
    assert not SearchEntry.objects.filter(record_uuid=case.uuid).exists()


def test_solutions_narrowed_by_topic_and_territory(client, centre_world, territories, make_organisation, make_member):
    from civica.organisations.models import Territory

    centre, municipality, people = centre_world
    cluj = Territory.objects.get(country="RO", level="county", name__icontains="Cluj")
    sibiu = Territory.objects.get(country="RO", level="county", name__icontains="Sibiu")
    in_cluj = make_organisation(name="Primăria Cluj-Napoca", slug="cluj", territory=cluj)
    in_sibiu = make_organisation(name="Primăria Sibiu", slug="sibiu", territory=sibiu)
    people["requester"].memberships.create(organisation=in_cluj, role="staff")
    people["requester"].memberships.create(organisation=in_sibiu, role="staff")
    from civica.organisations.selectors import forget_roles

    forget_roles(people["requester"])

    def closed(organisation, topic):
        case = services.case_open(
            actor=people["requester"],
            workflow="request",
            organisation=centre,
            requester_organisation=organisation,
            title="Reabilitarea termică a blocurilor contestată",
            topic=topic,
        )
        for step in ("analyse", "answer"):
            case = services.case_transition(actor=people["centre_staff"], case=case, transition=step)
        return services.case_transition(
            actor=people["centre_staff"], case=case, transition="close", outcome=f"Soluție {organisation.slug}"
        )

    cluj_case, sibiu_case = closed(in_cluj, "public_works"), closed(in_sibiu, "housing")
    new = services.case_open(
        actor=people["requester"],
        workflow="request",
        organisation=centre,
        requester_organisation=municipality,
        title="Reabilitare termică: proprietarii contestă costurile",
    )
    staff = people["centre_staff"]
    assert {c.uuid for c in selectors.similar_solutions(user=staff, case=new)} == {cluj_case.uuid, sibiu_case.uuid}
    assert [c.uuid for c in selectors.similar_solutions(user=staff, case=new, topic="housing")] == [sibiu_case.uuid]
    assert [c.uuid for c in selectors.similar_solutions(user=staff, case=new, territory=cluj.code)] == [cluj_case.uuid]
    assert selectors.similar_solutions(user=staff, case=new, topic="housing", territory=cluj.code) == []

    client.force_login(staff)
    page = client.get(f"/en/cases/{new.reference}/", {"topic": "public_works"}).content.decode()
    assert "Soluție cluj" in page and "Soluție sibiu" not in page
    page = client.get(f"/en/cases/{new.reference}/", {"territory": "nowhere"}).content.decode()
    assert "Select a valid choice" in page  # a bad filter says so, and the unfiltered list stays


def test_good_practices_from_the_library_are_offered(centre_world):
    from civica.knowledge.services import item_publish

    centre, municipality, people = centre_world
    item_publish(
        actor=people["centre_admin"],
        organisation=centre,
        kind="good_practice",
        visibility="members",
        title="Bună practică: reabilitarea termică mediată la Cluj",
        body="Plată în tranșe și comisie comună de recepție.",
        language="ro",
        topics=["public_works"],
    )
    new = services.case_open(
        actor=people["requester"],
        workflow="request",
        organisation=centre,
        requester_organisation=municipality,
        title="Reabilitare termică contestată",
    )
    titles = [hit.title for hit in selectors.good_practices(user=people["centre_staff"], case=new)]
    assert titles == ["Bună practică: reabilitarea termică mediată la Cluj"]
    assert selectors.good_practices(user=people["centre_staff"], case=new, topic="housing") == []
    # Members-only: someone outside the centre does not get it.
    assert selectors.good_practices(user=people["outsider"], case=new) == []
