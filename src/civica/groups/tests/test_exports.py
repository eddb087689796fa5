"""The minutes as DOCX and PDF, laid out like seed 003, read back; calendar feeds parsed by icalendar."""

import io

from icalendar import Calendar
from pypdf import PdfReader

from civica.core.documents import docx_text
from civica.groups import exports, services

from .conftest import minutes_with_information, schedule


def _signed_minutes(world):
    minutes = minutes_with_information(world, schedule(world))
    services.minutes_update(
        actor=world["coordinator"], minutes=minutes, introduction="Au fost stabilite trei subiecte de discuție."
    )
    minutes.refresh_from_db()
    return minutes


def test_docx_has_the_shape_of_the_working_groups_minutes(world):
    text = docx_text(exports.minutes_docx(_signed_minutes(world)))
    # In the group's language (Romanian), whoever exports it.
    for expected in (
        "SIGURANȚA CETĂȚEANULUI ȘI BUNA GUVERNARE",
        "Primăria Sectorului 1",
        "Au fost stabilite trei subiecte de discuție.",
        "1. Infracționalitate și violență",
        "Victime neînregistrate",
        "Zone cu potențial criminogen",
        "Private NGO",
        "Măriuca",
        "Minuta întâlnirii grupului",
        "Au fost identificate următoarele probleme:",
        "Informații ce urmează să fie furnizate:",
        "Întocmit de",
        "Coordonator grup de lucru",
    ):
        assert expected in text, expected
    assert text.index("Victime neînregistrate") < text.index("Zone cu potențial criminogen")


def test_pdf_copy_reads_back(world, libreoffice):
    pdf = exports.minutes_pdf(_signed_minutes(world))
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Infracționalitate" in text and "criminogen" in text


def test_docx_download_by_page(client, world):
    minutes = _signed_minutes(world)
    client.force_login(world["member"])
    response = client.get(f"/en/minutes/{minutes.uuid}/minutes.docx")
    assert response.status_code == 200
    assert "Zone cu potențial criminogen" in docx_text(response.content)


def test_group_calendar_feed_is_valid_icalendar(client, world):
    first, second = schedule(world, days=2), schedule(world, days=9, place="", video=True)
    client.force_login(world["member"])
    calendar = Calendar.from_ical(client.get(f"/en/groups/{world['group'].uuid}/calendar.ics").content)
    events = {str(event["UID"]): event for event in calendar.walk("VEVENT")}
    assert set(events) == {f"meeting-{first.uuid}@civica", f"meeting-{second.uuid}@civica"}
    assert str(events[f"meeting-{second.uuid}@civica"]["CONFERENCE"]) == second.video_url
    assert str(calendar["VERSION"]) == "2.0" and calendar["PRODID"]
