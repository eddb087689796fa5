"""The pages end to end: schedule a meeting, write minutes with a theme, a problem and an
'information to be provided', approve them and see the follow-up; bad input keeps what was typed."""

from civica.groups.models import FollowUp, Meeting, Minutes


def test_prepare_review_approve_minutes_through_the_pages(
    client, world, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(world["coordinator"])
    group = world["group"]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/en/groups/{group.uuid}/meetings/new/",
            {
                "title": "Întâlnire",
                "kind": "restricted",
                "starts_at": "2030-01-28T10:00",
                "ends_at": "2030-01-28T12:00",
                "place": "Primăria Sectorului 1",
                "institutions": [world["theirs"].slug],
            },
        )
    meeting = Meeting.objects.get(group=group)
    assert response.status_code == 302 and response["Location"].endswith(f"/meetings/{meeting.uuid}/")
    assert len(mailoutbox) == 2
    client.post(
        f"/en/meetings/{meeting.uuid}/agenda/", {"agenda-title": "Poliția Locală", "agenda-duration_minutes": 30}
    )
    client.post(f"/en/meetings/{meeting.uuid}/minutes/")
    minutes = Minutes.objects.get(meeting=meeting)
    client.post(
        f"/en/minutes/{minutes.uuid}/themes/", {"theme-title": "Siguranța cetățeanului", "theme-sdg_targets": ["16.1"]}
    )
    theme = minutes.themes.get()
    prefix = f"point-{theme.pk}"
    client.post(
        f"/en/minutes/{minutes.uuid}/themes/{theme.pk}/points/",
        {f"{prefix}-kind": "problem", f"{prefix}-text": "Cooperare limitată"},
    )
    client.post(
        f"/en/minutes/{minutes.uuid}/themes/{theme.pk}/points/",
        {
            f"{prefix}-kind": "information",
            f"{prefix}-text": "Zone cu potențial criminogen",
            f"{prefix}-institution": world["theirs"].slug,
            f"{prefix}-owner_email": "member@theirs.example",
            f"{prefix}-due_on": "2030-02-15",
            f"{prefix}-sdg_indicators": ["16.1.4"],
        },
    )
    assert theme.points.count() == 2 and theme.points.get(kind="information").sdg_indicators.get().code == "16.1.4"
    for step in ("submit", "approve"):
        client.post(f"/en/minutes/{minutes.uuid}/transition/", {"transition": step})
    follow_up = FollowUp.objects.get()
    assert follow_up.owner == world["member"] and follow_up.raised_in == meeting
    page = client.get(f"/en/groups/{group.uuid}/follow-ups/").content.decode()
    assert "Zone cu potențial criminogen" in page
    assert "Approved" in client.get(f"/en/minutes/{minutes.uuid}/").content.decode()


def test_bad_input_is_refused_with_the_text_kept(client, world):
    client.force_login(world["coordinator"])
    response = client.post(
        f"/en/groups/{world['group'].uuid}/meetings/new/",
        {"title": "Întâlnirea mea", "kind": "plenary", "starts_at": "2030-01-28T12:00", "ends_at": "2030-01-28T10:00"},
    )
    page = response.content.decode()
    assert response.status_code == 200 and "govuk-error-summary" in page
    assert "Întâlnirea mea" in page and "The meeting must end after it starts." in page
    assert not Meeting.objects.exists()


def test_information_without_provider_is_refused_on_the_page(client, world):
    from civica.groups import services

    from .conftest import schedule

    minutes = services.minutes_start(actor=world["coordinator"], meeting=schedule(world))
    theme = services.theme_add(actor=world["coordinator"], minutes=minutes, title="Temă")
    client.force_login(world["coordinator"])
    prefix = f"point-{theme.pk}"
    page = client.post(
        f"/en/minutes/{minutes.uuid}/themes/{theme.pk}/points/",
        {f"{prefix}-kind": "information", f"{prefix}-text": "Raportul anual"},
    ).content.decode()
    assert "Say which person or institution will provide it." in page and "Raportul anual" in page
    assert not theme.points.exists()


def test_meeting_documents_follow_the_meetings_visibility(client, world, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from .conftest import schedule

    settings.MEDIA_ROOT = tmp_path
    meeting = schedule(world)
    client.force_login(world["coordinator"])
    bad = client.post(
        f"/en/meetings/{meeting.uuid}/documents/",
        {"document-title": "Script", "document-file": SimpleUploadedFile("run.exe", b"MZ")},
    )
    assert "Attach a PDF" in bad.content.decode() and not meeting.documents.exists()
    client.post(
        f"/en/meetings/{meeting.uuid}/documents/",
        {"document-title": "Raportul Biroului Mobil", "document-file": SimpleUploadedFile("raport.pdf", b"%PDF-1.4")},
    )
    document = meeting.documents.get()
    path = f"/en/meetings/{meeting.uuid}/documents/{document.uuid}/"
    client.force_login(world["member"])
    assert b"".join(client.get(path).streaming_content) == b"%PDF-1.4"
    client.force_login(world["outsider"])
    assert client.get(path).status_code == 404
