"""Documents of a case: made from templates in the case's language (DOCX read back, PDF text
extracted), uploaded, shared, and seen only by whom the case's rules allow; templates a centre edits."""

import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from docx import Document
from pypdf import PdfReader

from civica.cases import document_kinds, document_services
from civica.cases.models import CaseDocument, CaseEvent, DocumentTemplate
from civica.core.documents import docx_text
from civica.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def read(document: CaseDocument) -> str:
    with document.file.open("rb") as handle:
        return docx_text(handle.read())


def docx_upload(*paragraphs: str, name="template.docx") -> SimpleUploadedFile:
    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return SimpleUploadedFile(name, out.getvalue())


def test_acknowledgement_in_the_case_language_with_its_pdf(request_case, centre_world, libreoffice):
    centre, municipality, people = centre_world
    document = document_services.document_generate(
        actor=people["centre_staff"], case=request_case, kind_key="acknowledgement", shared=True
    )
    assert document.language == "ro"  # the case's language when none is chosen
    text = read(document)
    assert request_case.reference in text
    assert centre.name in text and municipality.name in text
    assert "Confirmare" in text  # the Romanian default wording
    with document.pdf.open("rb") as handle:
        pdf_text = "\n".join(page.extract_text() for page in PdfReader(handle).pages)
    assert request_case.reference in pdf_text and "Primăria Sectorului 1" in pdf_text
    event = CaseEvent.objects.get(case=request_case, kind=CaseEvent.Kind.DOCUMENT)
    assert event.visible_to_requester
    assert AuditEvent.objects.filter(record_uuid=document.uuid, action="create").exists()


@pytest.mark.parametrize(("language", "word"), [("en", "Acknowledgement"), ("it", "ricezione"), ("el", "παραλαβής")])
def test_each_language_has_its_own_wording(request_case, centre_world, language, word):
    _centre, _municipality, people = centre_world
    document = document_services.document_generate(
        actor=people["centre_staff"], case=request_case, kind_key="acknowledgement", language=language
    )
    assert word.lower() in read(document).lower()


def test_dates_are_written_the_way_the_language_writes_them(request_case):
    context = document_services.base_context(request_case, {}, "ro")
    # Romanian writes the month by name after the day ("23 noiembrie 2026"), never "Nov. 23, 2026".
    months = ["ianuarie", "februarie", "martie", "aprilie", "mai", "iunie", "iulie", "august"]
    months += ["septembrie", "octombrie", "noiembrie", "decembrie"]
    assert any(month in context["today"].lower() for month in months)


@pytest.mark.parametrize("who", ["requester", "requester_colleague", "centre_member", "outsider"])
def test_only_people_working_on_the_case_make_documents(request_case, centre_world, who):
    _centre, _municipality, people = centre_world
    with pytest.raises(PermissionDenied):
        document_services.document_generate(actor=people[who], case=request_case, kind_key="acknowledgement")
    assert not CaseDocument.objects.exists()


def test_a_kind_that_does_not_apply_is_refused(request_case, centre_world):
    _centre, _municipality, people = centre_world
    with pytest.raises(ValidationError):
        document_services.document_generate(actor=people["centre_staff"], case=request_case, kind_key="invitation")
    with pytest.raises(ValidationError):
        document_services.document_generate(actor=people["centre_staff"], case=request_case, kind_key="nonsense")
    assert not CaseDocument.objects.exists()


def test_requesters_see_shared_documents_only(client, request_case, centre_world):
    _centre, _municipality, people = centre_world
    staff = people["centre_staff"]
    internal = document_services.document_generate(actor=staff, case=request_case, kind_key="acknowledgement")
    shared = document_services.document_upload(
        actor=staff, case=request_case, upload=SimpleUploadedFile("answer.pdf", b"%PDF-1.4 answer"), shared=True
    )
    ref = request_case.reference

    def get(user, document, variant="file"):
        client.force_login(user)
        return client.get(reverse("cases:download_document", args=[ref, document.uuid, variant]))

    assert get(staff, internal).status_code == 200
    assert get(people["requester"], shared).status_code == 200
    assert get(people["requester"], internal).status_code == 404
    assert get(people["outsider"], shared).status_code == 404
    assert get(staff, shared, "pdf").status_code == 404  # an upload has no PDF copy
    assert get(staff, internal, "exe").status_code == 404
    client.force_login(people["requester"])
    page = client.get(reverse("cases:detail", args=[ref])).content.decode()
    assert "answer.pdf" in page and internal.title not in page


def test_sharing_later_tells_the_requester(request_case, centre_world, mailoutbox, django_capture_on_commit_callbacks):
    _centre, _municipality, people = centre_world
    document = document_services.document_generate(
        actor=people["centre_staff"], case=request_case, kind_key="acknowledgement"
    )
    with pytest.raises(PermissionDenied):
        document_services.document_share(actor=people["requester"], document=document)
    with django_capture_on_commit_callbacks(execute=True):
        document_services.document_share(actor=people["centre_staff"], document=document)
    assert CaseDocument.objects.get(pk=document.pk).shared_with_requester
    assert people["requester"].email in {address for message in mailoutbox for address in message.to}


def test_uploads_are_checked_and_a_refused_one_leaves_nothing(request_case, centre_world):
    _centre, _municipality, people = centre_world
    staff = people["centre_staff"]
    for upload, message in [
        (SimpleUploadedFile("script.exe", b"MZ"), "Upload a PDF"),
        (SimpleUploadedFile("empty.pdf", b""), "empty"),
        (SimpleUploadedFile("big.pdf", b"x" * (10 * 1024 * 1024 + 1)), "10 MB"),
    ]:
        with pytest.raises(ValidationError, match=message):
            document_services.document_upload(actor=staff, case=request_case, upload=upload)
    assert not CaseDocument.objects.exists()
    with pytest.raises(PermissionDenied):
        document_services.document_upload(
            actor=people["outsider"], case=request_case, upload=SimpleUploadedFile("a.pdf", b"%PDF")
        )


def test_a_requester_upload_is_always_shared(request_case, centre_world):
    _centre, _municipality, people = centre_world
    document = document_services.document_upload(
        actor=people["requester"], case=request_case, upload=SimpleUploadedFile("plan.pdf", b"%PDF-1.4"), shared=False
    )
    assert document.shared_with_requester


def test_upload_page_keeps_errors_translated(client, request_case, centre_world):
    _centre, _municipality, people = centre_world
    client.force_login(people["centre_staff"])
    response = client.post(
        reverse("cases:upload_document", args=[request_case.reference]),
        {"upload-file": SimpleUploadedFile("virus.exe", b"MZ")},
        HTTP_ACCEPT_LANGUAGE="ro",
        follow=True,
    )
    assert not CaseDocument.objects.exists()
    assert "PDF" in response.content.decode()


def test_make_document_page_keeps_what_was_typed_on_error(client, centre_world, request_case):
    _centre, _municipality, people = centre_world
    client.force_login(people["centre_staff"])
    url = reverse("cases:make_document", args=[request_case.reference, "acknowledgement"])
    assert client.get(url).status_code == 200
    response = client.post(url, {"document-language": "xx"})
    assert response.status_code == 200 and not CaseDocument.objects.exists()
    response = client.post(url, {"document-language": "it", "document-shared_with_requester": "on"})
    assert response.status_code == 302
    assert CaseDocument.objects.get().language == "it"
    client.force_login(people["requester"])
    assert client.get(url).status_code == 404


class TestTemplates:
    def test_a_centre_template_is_used_then_reverted(self, request_case, centre_world):
        centre, _municipality, people = centre_world
        admin = people["centre_admin"]
        document_services.template_upload(
            actor=admin,
            organisation=centre,
            kind_key="acknowledgement",
            language="ro",
            upload=docx_upload(
                "Centrul nostru a primit cererea {{ case.reference }} de la {{ requester.organisation }}."
            ),
        )
        made = document_services.document_generate(
            actor=people["centre_staff"], case=request_case, kind_key="acknowledgement"
        )
        assert f"Centrul nostru a primit cererea {request_case.reference} de la Primăria Sectorului 1." in read(made)
        document_services.template_revert(actor=admin, organisation=centre, kind_key="acknowledgement", language="ro")
        again = document_services.document_generate(
            actor=people["centre_staff"], case=request_case, kind_key="acknowledgement"
        )
        assert "Centrul nostru" not in read(again)
        assert DocumentTemplate.objects.filter(active=False).count() == 1  # kept in the history

    @pytest.mark.parametrize(
        ("upload", "message"),
        [
            (docx_upload("{{ case.secret_field }} {{ password }}"), "password"),
            (docx_upload("{{ case.reference "), "not written correctly"),
            (SimpleUploadedFile("template.docx", b"not a zip"), "not a Word document"),
            # Refused at upload now, by the sample fill-in (issue 14.9), not later when a case needs it.
            (docx_upload("{{ case.nu_exista }}"), "nu_exista"),
            (docx_upload("{{ ''.__class__.__mro__[1].__subclasses__() }}"), "may not use"),
            (docx_upload("{{ 'A'*50000000 }}"), "longer than"),
        ],
    )
    def test_a_bad_template_is_refused_with_the_reason(self, centre_world, upload, message):
        centre, _municipality, people = centre_world
        with pytest.raises(ValidationError, match=message):
            document_services.template_upload(
                actor=people["centre_admin"],
                organisation=centre,
                kind_key="acknowledgement",
                language="ro",
                upload=upload,
            )
        assert not DocumentTemplate.objects.exists()

    @pytest.mark.parametrize("who", ["centre_staff", "centre_member", "requester", "outsider"])
    def test_only_the_centre_administrators_edit_templates(self, centre_world, who):
        centre, _municipality, people = centre_world
        with pytest.raises(PermissionDenied):
            document_services.template_upload(
                actor=people[who],
                organisation=centre,
                kind_key="acknowledgement",
                language="ro",
                upload=docx_upload("{{ case.reference }}"),
            )

    def test_template_pages(self, client, centre_world):
        centre, _municipality, people = centre_world
        client.force_login(people["centre_admin"])
        assert client.get(reverse("cases:templates")).status_code == 200
        page = reverse("cases:template_kind", args=[centre.slug, "acknowledgement"])
        assert "case.reference" in client.get(page).content.decode()
        download = client.get(reverse("cases:template_download", args=[centre.slug, "acknowledgement", "el"]))
        assert download.status_code == 200 and "παραλαβής" in docx_text(download.content).lower()
        response = client.post(page, {"language": "ro", "file": docx_upload("{{ nonsense }}")})
        assert response.status_code == 200 and "nonsense" in response.content.decode()
        response = client.post(page, {"language": "ro", "file": docx_upload("Nr. {{ case.reference }}")})
        assert response.status_code == 302 and DocumentTemplate.objects.count() == 1
        # Another organisation's templates, or a staff member's view of them, are simply not there.
        client.force_login(people["outsider"])
        assert client.get(page).status_code == 404
        client.force_login(people["centre_staff"])
        assert client.get(reverse("cases:templates")).status_code == 404


def test_every_kind_has_a_default_in_every_language():
    for kind in document_kinds.all_kinds():
        assert kind.default_languages() == ["el", "en", "it", "ro"], kind.key


def test_case_page_queries_do_not_grow_with_documents(client, request_case, centre_world, django_assert_num_queries):
    _centre, _municipality, people = centre_world
    staff = people["centre_staff"]
    url = reverse("cases:detail", args=[request_case.reference])
    client.force_login(staff)

    def add(count):
        for number in range(count):
            document_services.document_upload(
                actor=staff, case=request_case, upload=SimpleUploadedFile(f"d{number}.pdf", b"%PDF-1.4")
            )

    add(1)
    client.get(url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as one:
        client.get(url)
    add(9)
    with django_assert_num_queries(len(one.captured_queries)):
        client.get(url)


def test_the_case_page_has_no_duplicate_ids(client, request_case, centre_world):
    """Two forms on one page (a note, an upload) must not both claim id_shared_with_requester."""
    import re
    from collections import Counter

    _centre, _municipality, people = centre_world
    client.force_login(people["centre_staff"])
    page = client.get(reverse("cases:detail", args=[request_case.reference])).content.decode()
    repeated = [name for name, count in Counter(re.findall(r'\sid="([^"]+)"', page)).items() if count > 1]
    assert repeated == []


def test_an_upload_through_the_page_is_kept(client, request_case, centre_world):
    _centre, _municipality, people = centre_world
    client.force_login(people["centre_staff"])
    response = client.post(
        reverse("cases:upload_document", args=[request_case.reference]),
        {"upload-file": SimpleUploadedFile("plan.pdf", b"%PDF-1.4 plan"), "upload-title": "Planul de situație"},
    )
    assert response.status_code == 302
    assert CaseDocument.objects.get().title == "Planul de situație"
