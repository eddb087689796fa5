"""The centre's upload page and the hsds-import / hsds-export commands."""

import io
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from civica.directory.models import Organization, Service

pytestmark = pytest.mark.django_db
DATA = Path(__file__).parent / "data"


def _zip(files: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    return buffer.getvalue()


def test_centre_staff_upload_a_datapackage(world, client):
    client.force_login(world.centre_staff)
    files = {path.name: path.read_text() for path in (DATA / "csv").iterdir()}
    upload = SimpleUploadedFile("hsds.zip", _zip(files), content_type="application/zip")
    response = client.post("/en/directory/import/", {"centre": world.centre.pk, "file": upload})
    page = response.content.decode()
    assert "nothing of it was imported" in page and "locations.csv" in page and "taxonomy_id" in page
    assert not Service.objects.filter(name="Community Counselling").exists()
    upload.seek(0)
    response = client.post(
        "/en/directory/import/", {"centre": world.centre.pk, "file": upload, "skip_broken_links": "on"}
    )
    page = response.content.decode()
    assert response.status_code == 200 and "The file is imported." in page and "The link is left empty." in page
    assert Service.objects.filter(name="Community Counselling").exists()
    assert Organization.objects.get(name="Example Organization Inc.").centre == world.centre


def test_a_bad_upload_lists_its_problems_and_imports_nothing(world, client):
    client.force_login(world.centre_staff)
    services = (DATA / "csv" / "services.csv").read_text().replace(",12,100,", ",twelve,100,")
    upload = SimpleUploadedFile("hsds.zip", _zip({"services.csv": services}), content_type="application/zip")
    response = client.post("/en/directory/import/", {"centre": world.centre.pk, "file": upload})
    page = response.content.decode()
    assert "nothing of it was imported" in page and "minimum_age" in page and "services.csv" in page
    assert not Service.objects.filter(name="Community Counselling").exists()


def test_commands_import_and_export(world, tmp_path, capsys):
    call_command("hsds_import", str(DATA / "service_full.json"), "--centre", world.centre.slug)
    assert Service.objects.filter(name="Community Counselling").exists()
    bad = tmp_path / "service_bad.json"
    bad.write_text('{"id": "x", "status": "active"}')
    with pytest.raises(CommandError):
        call_command("hsds_import", str(bad))
    assert "service_bad.json, /, id" in capsys.readouterr().err
    Organization.objects.filter(parent_organization_id__isnull=False).update(parent_organization_id=None)
    from civica.directory.models import Contact, Location, TaxonomyTerm

    # The official example's dangling references (see test_hsds_exchange) would fail frictionless.
    Location.objects.filter(organization__isnull=True).update(organization_id=world.record.id)
    Contact.objects.update(organization_id=world.record.id)
    TaxonomyTerm.objects.exclude(parent_id=None).update(parent_id=None)
    call_command("hsds_export", str(tmp_path / "out"))
    assert (tmp_path / "out" / "services.csv").exists() and (tmp_path / "out" / "json" / "services.json").exists()
