"""The demo world holds the Sector 1 working group's meetings as structured minutes, with follow-ups,
SWOT and SDG 16 links, and the Athens centre's five committees with their meetings; a second load
changes nothing."""

import pytest

from civica.demo.services import demo_load
from civica.groups.models import FollowUp, Group, Meeting, Minutes, SwotEntry
from civica.sdg.models import Indicator, LocalIndicator, Target


@pytest.fixture
def demo(territories, monkeypatch):
    monkeypatch.setenv("CIVICA_DEMO_PASSWORD", "correct-horse-battery")
    return demo_load()


def test_demo_groups(demo):
    group = Group.objects.get(name="Siguranța cetățeanului și buna guvernare")
    assert group.meetings.count() == 5
    assert Minutes.objects.filter(meeting__group=group, state="published").count() == 5
    assert group.members.get(position="coordinator").user.last_name == "Constantin"
    follow_ups = FollowUp.objects.filter(group=group)
    assert follow_ups.filter(status="done").exclude(resolved_in=None).exists()
    assert follow_ups.filter(status="open").exists()
    # Open follow-ups were carried onto the next meetings' agendas.
    assert Meeting.objects.filter(group=group, agenda__follow_up__isnull=False).exists()
    assert set(SwotEntry.objects.filter(analysis__group=group).values_list("kind", flat=True)) == {
        "strength",
        "weakness",
        "opportunity",
        "threat",
    }
    assert SwotEntry.objects.filter(analysis__group=group, points__isnull=False).exists()
    assert Target.objects.count() == 12 and Indicator.objects.count() >= 24
    assert LocalIndicator.objects.get().measurements.count() == 3
    committees = Group.objects.filter(organisation__slug="accmr", kind="committee")
    assert committees.count() == 5 and all(c.meetings.count() == 1 for c in committees)


def test_demo_groups_load_twice_without_change(demo):
    counts = (Group.objects.count(), Meeting.objects.count(), FollowUp.objects.count())
    demo_load()
    assert (Group.objects.count(), Meeting.objects.count(), FollowUp.objects.count()) == counts


def test_demo_practices_from_the_catalogue_and_a_meeting(demo, client):
    from civica.demo.groups_practices import load_practices
    from civica.knowledge.models import Practice, PracticePresentation

    athens = Practice.objects.get(promoter="Δήμος Αθηναίων")
    assert athens.language == "el" and set(athens.translations) == {"en", "ro", "it"}
    assert athens.staff_involved == "3 εργαζόμενοι" and "75 μέλη" in athens.partners
    oradea = Practice.objects.get(promoter="Primăria Municipiului Oradea")
    presentation = PracticePresentation.objects.get(practice=oradea)
    assert presentation.meeting.starts_at.date().isoformat() == "2019-12-16"
    assert "Oradea" in client.get(f"/ro/meetings/{presentation.meeting.uuid}/").content.decode()
    assert "Refugee Code Week" in client.get("/en/practices/?q=refugee").content.decode()
    assert load_practices() == 0 and Practice.objects.count() == 3
