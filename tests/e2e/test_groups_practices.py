"""Browser tests of issue 4's new pages (minutes drafting, SWOT, follow-up, local indicators) and of the
good-practices catalogue: one axe walk per language over every new page, and one journey (record a
practice from a meeting, find it from another group, leave feedback that the organisation publishes)."""

import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from .conftest import LANGUAGES, axe_violations, format_violations, html_lang, sign_in, url

PASSWORD = "a-long-test-password"


@pytest.fixture
def groups_world(two_organisations):
    """A public working group with approved and draft minutes, a SWOT, a local indicator, a practice."""
    from civica.groups import services
    from civica.knowledge import services as knowledge_services
    from civica.sdg import services as sdg_services
    from civica.sdg.models import Target

    sdg_services.reference_load()
    ours, theirs, people = two_organisations
    admin = people["admin"]
    group = services.group_create(
        actor=admin, organisation=ours, name="Siguranța cetățeanului", kind="working_group", visibility="public"
    )
    group.sdg_targets.set(Target.objects.filter(code__in=["16.6", "16.7"]))
    services.member_add(actor=admin, group=group, user=people["expert"], position="expert", organisation=ours)
    start = timezone.now() - timedelta(days=30)
    first = services.meeting_schedule(
        actor=admin,
        group=group,
        title="Prima întâlnire",
        starts_at=start,
        ends_at=start + timedelta(hours=2),
        place="Primăria",
        invite=False,
    )
    minutes = services.minutes_start(actor=admin, meeting=first)
    theme = services.theme_add(actor=admin, minutes=minutes, title="Integritate și transparență")
    problem = services.point_add(actor=admin, theme=theme, kind="problem", text="Lipsa comunicării")
    services.point_add(
        actor=admin,
        theme=theme,
        kind="information",
        text="Date despre victime",
        institution=theirs,
        due_on=(start + timedelta(days=40)).date(),
    )
    for step in ("submit", "approve"):
        minutes = services.minutes_transition(actor=admin, minutes=minutes, transition=step)
    second = services.meeting_schedule(
        actor=admin,
        group=group,
        title="A doua întâlnire",
        starts_at=start + timedelta(days=14),
        ends_at=start + timedelta(days=14, hours=2),
        place="Primăria",
        invite=False,
    )
    draft = services.minutes_start(actor=admin, meeting=second)
    draft_theme = services.theme_add(actor=admin, minutes=draft, title="Instituții eficiente")
    draft_point = services.point_add(actor=admin, theme=draft_theme, kind="solution", text="Interoperabilitate")
    analysis = services.swot_create(actor=admin, group=group, title="Analiza SWOT", meeting=first)
    services.swot_entry_add(actor=admin, analysis=analysis, kind="weakness", text="Date lipsă", points=[problem])
    local = sdg_services.local_indicator_create(
        actor=admin,
        organisation=ours,
        name="Cazuri raportate",
        unit="cazuri",
        baseline=Decimal(412),
        baseline_year=2019,
        target_value=Decimal(600),
        target_year=2030,
    )
    for year, value in ((2020, 455), (2021, 490)):
        sdg_services.measurement_record(
            actor=admin, local_indicator=local, measured_on=timezone.datetime(year, 12, 31).date(), value=Decimal(value)
        )
    practice = knowledge_services.practice_create(
        actor=admin,
        organisation=ours,
        language="ro",
        meeting=first,
        values={
            "title": "Interoperabilitate la Oradea",
            "promoter": "Primăria Oradea",
            "description": "Sisteme interconectate.",
            "goal": "Transparență",
        },
        sdg_targets=Target.objects.filter(code="16.6"),
    )
    knowledge_services.feedback_submit(practice=practice, useful=True, comment="Util", sender_address="10.1.1.1")
    return {
        "admin": admin,
        "group": group,
        "first": first,
        "second": second,
        "draft": draft,
        "draft_theme": draft_theme,
        "draft_point": draft_point,
        "analysis": analysis,
        "local": local,
        "practice": practice,
        "follow_up": minutes.themes.get().points.get(kind="information").follow_up,
        "ours": ours,
    }


@pytest.mark.parametrize("lang", LANGUAGES)
def test_new_pages_are_accessible(page, live_server, groups_world, lang):
    w = groups_world
    sign_in(page, live_server, w["admin"].email, PASSWORD, lang=lang)
    problems, checked = [], []

    def check(label):
        checked.append(label)
        if html_lang(page) != lang:
            problems.append(f"{label}: <html lang={html_lang(page)!r}>")
        violations = axe_violations(page)
        if violations:
            problems.append(format_violations(violations, f"{label} ({page.url})"))

    def visit(path, label):
        response = page.goto(url(live_server, f"/{lang}{path}"))
        if response is None or response.status != 200:
            problems.append(f"{label}: HTTP {response.status if response else None}")
        check(label)

    visit(f"/groups/{w['group'].uuid}/", "group with SWOT form and practices")
    visit(f"/meetings/{w['first'].uuid}/", "meeting with its practices")
    visit(f"/minutes/{w['draft'].uuid}/", "draft minutes with introduction form")
    visit(f"/minutes/{w['draft'].uuid}/themes/{w['draft_theme'].pk}/edit/", "theme edit")
    visit(f"/minutes/{w['draft'].uuid}/points/{w['draft_point'].uuid}/edit/", "point edit")
    page.locator('main form[method=post]:has(textarea[name="point-text"])').locator("textarea").fill("")
    with page.expect_navigation():
        page.locator('main form:has(textarea[name="point-text"]) button[type="submit"]').click()
    check("point edit, with errors")
    visit(f"/groups/swot/{w['analysis'].uuid}/", "SWOT with entry form")
    with page.expect_navigation():
        page.locator('main form:has(textarea[name="entry-text"]) button[type="submit"]').click()
    check("SWOT entry, with errors")
    visit(f"/follow-ups/{w['follow_up'].uuid}/", "follow-up with SDG form")
    visit("/sdg/", "SDG targets with local indicators")
    visit(f"/sdg/indicators/{w['local'].uuid}/", "local indicator with chart and measurement form")
    visit("/sdg/indicators/new/", "new local indicator")
    visit("/practices/", "catalogue")
    visit("/practices/?q=oradea&target=16.6", "catalogue, searched")
    visit("/practices/print/", "printable catalogue")
    visit(f"/practices/{w['practice'].uuid}/", "practice with moderation and feedback form")
    with page.expect_navigation():
        page.locator('main form:has(textarea[name="feedback-comment"]) button[type="submit"]').click()
    check("feedback, with errors")
    visit(f"/practices/{w['practice'].uuid}/edit/?language=el", "practice translation")
    visit("/practices/new/", "new practice")
    visit(f"/practices/from-meeting/{w['first'].uuid}/", "practice from a meeting")
    assert checked
    assert not problems, f"[{lang}] {len(problems)} problem(s):\n" + "\n".join(problems)


def test_a_practice_recorded_in_a_meeting_is_found_by_another_group_and_gets_feedback(
    new_context, live_server, groups_world
):
    from civica.groups import services
    from civica.knowledge.models import Practice, PracticeFeedback
    from civica.sdg.models import Target

    w = groups_world
    other = services.group_create(
        actor=w["admin"], organisation=w["ours"], name="Comisia de educație", kind="committee", visibility="public"
    )
    other.sdg_targets.set(Target.objects.filter(code="16.7"))

    coordinator = new_context().new_page()
    sign_in(coordinator, live_server, w["admin"].email, PASSWORD)
    coordinator.goto(url(live_server, f"/en/meetings/{w['second'].uuid}/"))
    coordinator.get_by_role("link", name="Record a practice presented in this meeting").click()
    coordinator.get_by_label("Title").fill("Consultări publice online")
    coordinator.get_by_label("Organisation carrying it out").fill("Primăria Cluj-Napoca")
    coordinator.get_by_label("Description").fill("Bugetare participativă cu vot online.")
    coordinator.get_by_label("SDG targets it serves").select_option("16.7")
    coordinator.get_by_role("button", name="Save the practice").click()
    coordinator.wait_for_url(re.compile(r"/en/practices/[0-9a-f-]+/$"))
    assert "A doua întâlnire" in coordinator.locator("main").inner_text()
    practice = Practice.objects.get(title="Consultări publice online")

    # Another group's page leads to it (same SDG target), then the catalogue's search finds it.
    reader = new_context().new_page()
    reader.goto(url(live_server, f"/en/groups/{other.uuid}/"))
    reader.get_by_role("link", name="Consultări publice online").click()
    reader.wait_for_url(re.compile(rf"/en/practices/{practice.uuid}/$"))
    reader.goto(url(live_server, "/en/practices/?q=bugetare"))
    assert reader.get_by_role("link", name="Consultări publice online").count() == 1
    reader.get_by_role("link", name="Consultări publice online").click()
    reader.get_by_label("Yes").check()
    reader.get_by_label("Comment (optional)").fill("Am folosit-o în sectorul nostru.")
    reader.get_by_role("button", name="Send the feedback").click()
    reader.wait_for_load_state()
    assert "Thank you" in reader.locator(".govuk-notification-banner--success").inner_text()
    feedback = PracticeFeedback.objects.get(practice=practice)
    assert feedback.state == "pending"

    coordinator.reload()
    coordinator.get_by_role("button", name=re.compile("^Publish")).click()
    coordinator.wait_for_load_state()
    feedback.refresh_from_db()
    assert feedback.state == "published"
    reader.reload()
    assert "Am folosit-o în sectorul nostru." in reader.locator("main").inner_text()
