"""The good-practices catalogue: recorded from a meeting or on its own, public and searchable in every
language, printable, translated field by field, with readers' feedback that the organisation moderates."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from civica.groups import services as group_services
from civica.knowledge import selectors, services
from civica.knowledge.models import Practice, PracticeFeedback, PracticePresentation
from civica.sdg.models import Target

PEOPLE = ["admin", "staff", "coordinator", "member", "outsider", "other_org", "anonymous"]
RUNS = {"admin", "coordinator"}
ATHENS = {
    "title": "Κέντρο Συντονισμού του δήμου Αθηναίων για θέματα Μεταναστών και Προσφύγων",
    "promoter": "Δήμος Αθηναίων",
    "thematic_unit": "Συνεργασία με άλλους Φορείς",
    "goal": "Η στήριξη του έργου του δήμου για την ένταξη των μεταναστών και των προσφύγων.",
    "audience": "ΜΚΟ, διεθνείς οργανισμοί, κοινότητες μεταναστών και προσφύγων.",
    "duration": "από το 2017 ως τον Αύγουστο 2018",
    "description": "Το Κέντρο λειτουργεί ως κόμβος συντονισμού με πέντε επιτροπές εργασίας.",
    "social_impact": "67 πιλοτικές δράσεις.",
    "partners": "75 μέλη με περισσότερους από 200 εκπροσώπους.",
    "staff_involved": "3 εργαζόμενοι",
    "benefits": "7 Μνημόνια Συνεργασίας με δήμους.",
    "place": "Αθήνα",
}


def _meeting(world, group=None):
    start = timezone.now() - timedelta(days=3)
    return group_services.meeting_schedule(
        actor=world["admin"],
        group=group or world["group"],
        title="Întâlnirea grupului",
        starts_at=start,
        ends_at=start + timedelta(hours=2),
        place="Primăria Sectorului 1",
        invite=False,
    )


def _login(client, world, who):
    if who != "anonymous":
        client.force_login(world[who])


@pytest.fixture
def public_group(world):
    group = group_services.group_create(
        actor=world["admin"], organisation=world["ours"], name="Grup public", kind="thematic", visibility="public"
    )
    group.sdg_targets.set(Target.objects.filter(code="16.6"))
    return group


def test_record_from_a_meeting_then_find_it_from_another_group_and_leave_feedback(client, world, public_group):
    meeting = _meeting(world, public_group)
    client.force_login(world["admin"])
    response = client.post(
        f"/en/practices/from-meeting/{meeting.uuid}/",
        {
            "language": "ro",
            "title": "Interoperabilitate: Reforma Administrației Publice Locale",
            "promoter": "Primăria Oradea",
            "description": "Sisteme informatice interconectate între direcțiile primăriei.",
            "sdg_targets": ["16.6"],
            "is_published": "on",
        },
    )
    practice = Practice.objects.get()
    assert response["Location"].endswith(f"/practices/{practice.uuid}/")
    assert practice.organisation == world["ours"] and PracticePresentation.objects.get().meeting == meeting
    assert "Interoperabilitate" in client.get(f"/en/meetings/{meeting.uuid}/").content.decode()
    client.logout()
    page = client.get(f"/en/practices/{practice.uuid}/").content.decode()
    assert "Grup public" in page and meeting.title in page
    # Another group on the same SDG target finds it from its own page, and everyone in the catalogue.
    other = group_services.group_create(
        actor=world["admin"], organisation=world["ours"], name="Alt grup", kind="committee", visibility="public"
    )
    other.sdg_targets.set(Target.objects.filter(code="16.6"))
    assert "Interoperabilitate" in client.get(f"/en/groups/{other.uuid}/").content.decode()
    assert "Interoperabilitate" in client.get("/en/practices/?q=interoperabilitate").content.decode()
    assert "Interoperabilitate" in client.get("/en/practices/?target=16.6").content.decode()
    assert "Interoperabilitate" not in client.get("/en/practices/?target=16.1").content.decode()
    # A reader without an account: the feedback waits for the organisation, then appears.
    response = client.post(
        f"/en/practices/{practice.uuid}/feedback/",
        {"feedback-useful": "yes", "feedback-comment": "Am aplicat-o și la noi."},
    )
    assert response.status_code == 302
    feedback = PracticeFeedback.objects.get()
    assert feedback.state == "pending" and feedback.useful
    assert "Am aplicat-o" not in client.get(f"/en/practices/{practice.uuid}/").content.decode()
    client.force_login(world["staff"])
    assert "Am aplicat-o" in client.get(f"/en/practices/{practice.uuid}/").content.decode()
    client.post(f"/en/practices/{practice.uuid}/feedback/{feedback.pk}/moderate/", {"decision": "publish"})
    client.logout()
    assert "Am aplicat-o" in client.get(f"/en/practices/{practice.uuid}/").content.decode()


def test_a_private_groups_meeting_is_not_shown_to_outsiders(client, world):
    meeting = _meeting(world)
    practice = services.practice_create(
        actor=world["coordinator"], organisation=None, language="ro", values={**ATHENS}, meeting=meeting
    )
    client.force_login(world["member"])
    assert meeting.title in client.get(f"/en/practices/{practice.uuid}/").content.decode()
    client.force_login(world["outsider"])
    page = client.get(f"/en/practices/{practice.uuid}/").content.decode()
    assert meeting.title not in page and "Not recorded in a meeting you can see" in page


@pytest.mark.parametrize("who", PEOPLE)
def test_who_may_record_a_practice_from_a_meeting(client, world, who):
    meeting = _meeting(world)
    _login(client, world, who)
    expected = 200 if who in RUNS else (302 if who == "anonymous" else 404)
    assert client.get(f"/en/practices/from-meeting/{meeting.uuid}/").status_code == expected
    response = client.post(
        f"/en/practices/from-meeting/{meeting.uuid}/",
        {"language": "el", "title": "x", "promoter": "y", "description": "z", "is_published": "on"},
    )
    assert response.status_code == (302 if who in RUNS or who == "anonymous" else 404)
    assert Practice.objects.exists() == (who in RUNS)


@pytest.mark.parametrize("who", PEOPLE)
def test_who_edits_moderates_and_sees_unpublished_practices(client, world, who):
    practice = services.practice_create(
        actor=world["staff"], organisation=world["ours"], language="el", values=ATHENS, is_published=False
    )
    feedback = services.feedback_submit(practice=practice, useful=True, comment="Καλό", sender_address="10.0.0.1")
    _login(client, world, who)
    org_people = {"admin", "staff", "outsider", "coordinator"}  # everyone with a role in the organisation
    sees = who in org_people
    assert client.get(f"/en/practices/{practice.uuid}/").status_code == (200 if sees else 404), who
    edits = who in {"admin", "staff"}
    status = client.get(f"/en/practices/{practice.uuid}/edit/").status_code
    assert status == (200 if edits else 302 if who == "anonymous" else 404), who
    status = client.post(f"/en/practices/{practice.uuid}/feedback/{feedback.pk}/moderate/", {"decision": "reject"})
    assert status.status_code == (302 if edits or who == "anonymous" else 404), who
    feedback.refresh_from_db()
    assert (feedback.state == "rejected") == edits
    in_catalogue = practice.title in client.get("/en/practices/").content.decode()
    assert in_catalogue == sees


def test_translation_in_another_language_leaves_the_original(client, world):
    practice = services.practice_create(actor=world["staff"], organisation=world["ours"], language="el", values=ATHENS)
    client.force_login(world["staff"])
    response = client.post(
        f"/en/practices/{practice.uuid}/edit/?language=en",
        {
            "title": "Athens Coordination Centre for Migrant and Refugee issues",
            "promoter": "City of Athens",
            "description": "A coordination hub with five working committees.",
            "sdg_targets": ["16.7"],
            "is_published": "on",
        },
    )
    assert response.status_code == 302
    practice.refresh_from_db()
    assert practice.title == ATHENS["title"]
    assert practice.translations["en"]["promoter"] == "City of Athens"
    assert "Athens Coordination Centre" in client.get(f"/en/practices/{practice.uuid}/").content.decode()
    assert ATHENS["title"] in client.get(f"/el/practices/{practice.uuid}/").content.decode()
    assert ATHENS["title"] in client.get(f"/it/practices/{practice.uuid}/").content.decode()  # no Italian yet
    # Found by a word of either language.
    assert [p.pk for p in selectors.catalogue(user=world["other_org"], query="coordination")] == [practice.pk]
    assert [p.pk for p in selectors.catalogue(user=world["other_org"], query="Αθηναίων")] == [practice.pk]
    # Bad input: the required description missing; nothing changes and the text typed stays.
    response = client.post(f"/en/practices/{practice.uuid}/edit/?language=en", {"title": "Kept title", "promoter": "p"})
    assert response.status_code == 200 and "Kept title" in response.content.decode()
    practice.refresh_from_db()
    assert practice.translations["en"]["title"].startswith("Athens")


def test_feedback_honeypot_rate_limit_and_bad_input(client, world):
    practice = services.practice_create(actor=world["staff"], organisation=world["ours"], language="el", values=ATHENS)
    url = f"/en/practices/{practice.uuid}/feedback/"
    response = client.post(url, {"feedback-useful": "yes", "feedback-website": "http://spam.example"})
    assert response.status_code == 302 and not PracticeFeedback.objects.exists()
    response = client.post(url, {"feedback-comment": "Fără răspuns"})
    assert response.status_code == 200 and "Fără răspuns" in response.content.decode()
    assert not PracticeFeedback.objects.exists()
    for index in range(services.FEEDBACK_PER_HOUR):
        assert client.post(url, {"feedback-useful": "no", "feedback-comment": f"c{index}"}).status_code == 302
    response = client.post(url, {"feedback-useful": "no", "feedback-comment": "prea multe"})
    assert response.status_code == 200 and "prea multe" in response.content.decode()
    assert PracticeFeedback.objects.count() == services.FEEDBACK_PER_HOUR
    assert "REMOTE_ADDR" not in str(PracticeFeedback.objects.values_list("sender", flat=True))
    # Another address is not limited by the first one.
    assert client.post(url, {"feedback-useful": "yes"}, REMOTE_ADDR="10.9.9.9").status_code == 302


def test_services_refuse_what_the_rules_do_not_allow(world):
    meeting = _meeting(world)
    with pytest.raises(PermissionDenied):
        services.practice_create(
            actor=world["member"], organisation=None, language="ro", values=ATHENS, meeting=meeting
        )
    with pytest.raises(PermissionDenied):
        services.practice_create(actor=world["other_org"], organisation=world["ours"], language="el", values=ATHENS)
    with pytest.raises(ValidationError) as error:
        services.practice_create(
            actor=world["staff"], organisation=world["ours"], language="el", values={**ATHENS, "description": " "}
        )
    assert "description" in error.value.message_dict and not Practice.objects.exists()
    practice = services.practice_create(actor=world["staff"], organisation=world["ours"], language="el", values=ATHENS)
    with pytest.raises(PermissionDenied):
        services.practice_present(actor=world["member"], practice=practice, meeting=meeting)
    services.practice_present(actor=world["coordinator"], practice=practice, meeting=meeting)
    services.practice_present(actor=world["coordinator"], practice=practice, meeting=meeting)
    assert PracticePresentation.objects.count() == 1


def test_printable_list_holds_every_field(client, world):
    services.practice_create(actor=world["staff"], organisation=world["ours"], language="el", values=ATHENS)
    page = client.get("/el/practices/print/").content.decode()
    for name in ("goal", "audience", "social_impact", "partners", "staff_involved", "benefits"):
        assert ATHENS[name] in page, name
    assert "knowledge/print" in page


def test_catalogue_and_practice_pages_keep_their_query_counts(client, world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    meeting = _meeting(world)

    def grow(size, start):
        for index in range(start, start + size):
            practice = services.practice_create(
                actor=world["staff"],
                organisation=world["ours"],
                language="el",
                values={**ATHENS, "title": f"Πρακτική {index}"},
                sdg_targets=Target.objects.filter(code__in=["16.6", "16.7"]),
            )
            services.practice_present(actor=world["coordinator"], practice=practice, meeting=meeting)
            feedback = services.feedback_submit(
                practice=practice, useful=True, comment="ok", sender_address=f"10.0.0.{index}"
            )
            services.feedback_moderate(actor=world["staff"], feedback=feedback, decision="publish")

    def count(path):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
        return len(queries)

    client.force_login(world["coordinator"])
    grow(2, 0)
    first = Practice.objects.order_by("pk").first()
    paths = ["/en/practices/", "/en/practices/print/", f"/en/practices/{first.uuid}/", f"/en/meetings/{meeting.uuid}/"]
    small = [count(path) for path in paths]
    grow(18, 2)
    assert [count(path) for path in paths] == small


def test_link_a_catalogue_practice_to_a_meeting_from_its_page(client, world):
    meeting = _meeting(world)
    practice = services.practice_create(actor=world["staff"], organisation=world["ours"], language="el", values=ATHENS)
    client.force_login(world["coordinator"])
    page = client.get(f"/en/meetings/{meeting.uuid}/").content.decode()
    assert f'value="{practice.uuid}"' in page
    response = client.post(f"/en/practices/from-meeting/{meeting.uuid}/link/", {"present-practice": "not-a-uuid"})
    assert response.status_code == 302 and not PracticePresentation.objects.exists()
    client.post(f"/en/practices/from-meeting/{meeting.uuid}/link/", {"present-practice": str(practice.uuid)})
    assert PracticePresentation.objects.get().meeting == meeting
    assert ATHENS["title"] in client.get(f"/en/meetings/{meeting.uuid}/").content.decode()
    client.force_login(world["member"])
    assert f'value="{practice.uuid}"' not in client.get(f"/en/meetings/{meeting.uuid}/").content.decode()
    response = client.post(f"/en/practices/from-meeting/{meeting.uuid}/link/", {"present-practice": str(practice.uuid)})
    assert response.status_code == 404
