"""The demo's Sector 1 council: 27 councillors in office, three sittings with roll calls, three published
decisions, two drafts in public debate; a councillor's page shows attendance and votes; a second load
changes nothing."""

from civica.council.models import Body, Decision, Motion, Sitting, Vote


def test_demo_sector_1_council(territories, client):
    from civica.council import selectors
    from civica.demo.services import demo_load

    demo_load(pdf_copies=False)
    counts = (Sitting.objects.count(), Vote.objects.count(), Decision.objects.count())
    demo_load(pdf_copies=False)
    assert (Sitting.objects.count(), Vote.objects.count(), Decision.objects.count()) == counts == (3, 81, 3)
    body = Body.objects.get(name="Consiliul Local al Sectorului 1")
    assert len(selectors.in_office_person_ids(body, body.sittings.first().starts_at.date())) == 27
    assert body.motions.filter(status=Motion.Status.DEBATE).count() == 2
    councillor = selectors.members_of(body).filter(role="councillor").first().person
    page = client.get(f"/en/council/people/{councillor.uuid}/").content.decode()
    assert "Attended" in page and "Aprobarea" in page
