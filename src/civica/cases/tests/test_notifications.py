"""Everyone a change concerns hears of it, in their own language; the person who made it does not."""

from django.core import mail
from django.utils import translation
from django.utils.translation import gettext

from civica.cases import services
from civica.core.models import Notice


def test_people_concerned_are_told_in_their_language(centre_world, django_capture_on_commit_callbacks):
    centre, municipality, people = centre_world
    people["requester"].preferred_language = "ro"
    people["requester"].save()
    with django_capture_on_commit_callbacks(execute=True):
        case = services.case_open(
            actor=people["requester"],
            workflow="request",
            organisation=centre,
            requester_organisation=municipality,
            title="Dispută",
        )
    told = {message.to[0] for message in mail.outbox}
    assert told == {people["centre_admin"].email, people["centre_staff"].email}  # not the requester who wrote it
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.case_set_owner(actor=people["centre_admin"], case=case, owner=people["centre_staff"])
        services.case_transition(actor=people["centre_staff"], case=case, transition="analyse")
    romanian = [m.subject for m in mail.outbox if m.to == [people["requester"].email]]
    values = {"reference": case.reference, "title": case.title}
    with translation.override("ro"):
        expected = gettext("%(reference)s has moved on: %(title)s") % values
    assert romanian == [expected] and expected != f"{case.reference} has moved on: {case.title}"
    english = [m.subject for m in mail.outbox if m.to == [people["centre_staff"].email]]
    assert english[0].startswith("You are accountable")
    assert Notice.objects.filter(user=people["requester"]).count() == 1


def test_internal_notes_tell_only_the_handling_side(request_case, centre_world, django_capture_on_commit_callbacks):
    people = centre_world[2]
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.note_add(actor=people["centre_admin"], case=request_case, body="Intern")
    assert people["requester"].email not in {m.to[0] for m in mail.outbox}
    assert not Notice.objects.filter(user=people["requester"], subject__contains="note").exists()


def test_dashboard_shows_and_clears_notices(client, request_case, centre_world):
    staff = centre_world[2]["centre_staff"]
    client.force_login(staff)
    page = client.get("/en/dashboard/").content.decode()
    assert request_case.reference in page and "Mark all as read" in page
    client.post("/en/dashboard/notices/read/")
    assert "Mark all as read" not in client.get("/en/dashboard/").content.decode()
