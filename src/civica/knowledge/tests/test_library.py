"""The knowledge library: versions, four languages, public or members-only, searchable, documents guarded."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from civica.knowledge import selectors, services
from civica.knowledge.models import KnowledgeItem


@pytest.fixture
def centre(make_organisation, make_member, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    organisation = make_organisation(name="Centrul de resurse", slug="centru", kind="centre")
    return {
        "organisation": organisation,
        "staff": make_member(organisation, role="staff"),
        "member": make_member(organisation, role="member"),
    }


def _publish(centre, **values):
    values.setdefault("kind", "methodology")
    values.setdefault("visibility", "public")
    values.setdefault("title", "Circuitul decizional al medierii")
    values.setdefault("body", "Avizul juridic, apoi mandatul primarului sau al consiliului local.")
    values.setdefault("language", "ro")
    return services.item_publish(actor=centre["staff"], organisation=centre["organisation"], **values)


def test_versions_and_translations(client, centre):
    item = _publish(
        centre,
        translations={
            "en": {"title": "The decision circuit", "body": "Legal opinion, then the mayor's or council's mandate."}
        },
    )
    services.item_revise(
        actor=centre["staff"],
        item=item,
        title="Circuitul decizional (actualizat)",
        body="Aviz juridic; mandat; semnare.",
        language="ro",
        change_note="Pasul semnării",
    )
    item.refresh_from_db()
    assert [v.number for v in item.versions.all()] == [2, 1]
    assert item.current_version.title == "Circuitul decizional (actualizat)"
    assert item.versions.get(number=1).title == "Circuitul decizional al medierii"  # history is kept
    english_page = client.get(f"/en/knowledge/{item.uuid}/").content.decode()
    assert "Circuitul decizional (actualizat)" in english_page  # v2 has no English translation yet
    assert "Pasul semnării" in english_page


def test_translation_is_shown_in_its_language(client, centre):
    item = _publish(centre, translations={"it": {"title": "Il circuito decisionale", "body": "Parere legale."}})
    assert "Il circuito decisionale" in client.get(f"/it/knowledge/{item.uuid}/").content.decode()
    assert "Circuitul decizional" in client.get(f"/el/knowledge/{item.uuid}/").content.decode()


def test_members_only_items_and_documents_stay_with_members(client, centre, make_user):
    document = SimpleUploadedFile("model-mandat.docx", b"PK\x03\x04 model", content_type="application/octet-stream")
    item = _publish(
        centre, visibility="members", title="Model de mandat", body="Modelul mandatului.", attachment=document
    )
    for path in (f"/en/knowledge/{item.uuid}/", f"/en/knowledge/{item.uuid}/document/"):
        assert client.get(path).status_code == 404
    assert "Model de mandat" not in client.get("/en/knowledge/?q=mandat").content.decode()
    client.force_login(make_user())
    assert client.get(f"/en/knowledge/{item.uuid}/document/").status_code == 404
    client.force_login(centre["member"])
    response = client.get(f"/en/knowledge/{item.uuid}/document/")
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"PK")
    assert "Model de mandat" in client.get("/en/knowledge/?q=mandatului").content.decode()


def test_search_finds_public_items_by_stem(client, centre):
    _publish(centre, title="Documente necesare pentru mediere", body="Contractul de mediere și împuternicirea.")
    _publish(centre, kind="faq", title="Cât durează medierea?", body="Depinde de părți.")
    page = client.get("/en/knowledge/", {"q": "documentele"}).content.decode()
    assert "Documente necesare" in page and "Cât durează" not in page
    assert "Cât durează" in client.get("/en/knowledge/", {"kind": "faq"}).content.decode()


def test_only_staff_publish_and_bad_input_is_refused(client, centre):
    with pytest.raises(PermissionDenied):
        services.item_publish(
            actor=centre["member"],
            organisation=centre["organisation"],
            kind="faq",
            visibility="public",
            title="x",
            body="y",
            language="ro",
        )
    with pytest.raises(ValidationError):
        _publish(centre, title=" ", body="")
    big = SimpleUploadedFile("big.pdf", b"%PDF" + b"0" * (10 * 1024 * 1024 + 1))
    with pytest.raises(ValidationError):
        _publish(centre, attachment=big)
    assert not KnowledgeItem.objects.exists()
    client.force_login(centre["staff"])
    response = client.post(
        "/en/knowledge/new/",
        {
            "organisation": "centru",
            "kind": "faq",
            "visibility": "public",
            "language": "ro",
            "title": "Întrebare",
            "body": "",
        },
    )
    assert response.status_code == 200 and 'value="Întrebare"' in response.content.decode()
    bad_file = SimpleUploadedFile("virus.exe", b"MZ")
    response = client.post(
        "/en/knowledge/new/",
        {
            "organisation": "centru",
            "kind": "model_form",
            "visibility": "public",
            "language": "ro",
            "title": "Formular",
            "body": "Text",
            "attachment": bad_file,
        },
    )
    assert response.status_code == 200 and "govuk-error-summary" in response.content.decode()
    assert not KnowledgeItem.objects.exists()


def test_library_query_count_does_not_grow(client, centre):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count():
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/en/knowledge/").status_code == 200
        return len(captured)

    _publish(centre)
    small = count()
    for n in range(15):
        _publish(centre, title=f"Element {n}")
    assert count() == small
    assert selectors.library(user=centre["member"]).count() == 16
