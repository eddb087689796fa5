"""An HSDS import is checked whole before anything is written: HSDS 3.1's additions are warnings, a
JSON file's record type comes from its name or an explicit choice, links are checked as frictionless
checks foreign keys, `javascript:` links are refused, and a centre may only create its own records or
change those it owns (issue 14 point 5): anything else is a listed problem and nothing is imported."""

import csv
import json
import shutil
from pathlib import Path

import pytest

from civica.directory import hsds_export, hsds_import
from civica.directory.models import Location, Organization, Service, Taxonomy, TaxonomyTerm

pytestmark = pytest.mark.django_db
DATA = Path(__file__).parent / "data"
EXAMPLES = Path("/work/shared/standards/hsds-3.0/examples")
SERVICE_ID = "ac148810-d857-441c-9679-408f346de14b"


def _as_31(tmp_path) -> Path:
    """The official tabular example reshaped as HSDS 3.1 publishes it: new columns and new tables."""
    target = tmp_path / "hsds31"
    shutil.copytree(DATA / "csv", target)
    with (target / "services.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    with (target / "services.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, [*rows[0].keys(), "additional_urls", "label"])
        writer.writeheader()
        for row in rows:
            writer.writerow({**row, "additional_urls": "", "label": "Popular"})
    (target / "service_capacity.csv").write_text("id,service_id,unit_id,available\nx,y,z,3\n")
    (target / "units.csv").write_text("id,name\nu1,beds\n")
    (target / "url.csv").write_text("id,url,label\nw1,https://example.org,home\n")
    return target


def test_hsds_31_columns_and_tables_are_warnings_and_the_rest_imports(tmp_path):
    report = hsds_import.import_path(_as_31(tmp_path), skip_broken_links=True)
    warned = {(w.file, w.field) for w in report.warnings}
    assert {("services.csv", "additional_urls"), ("services.csv", "label")} <= warned
    assert {("service_capacity.csv", "-"), ("units.csv", "-"), ("url.csv", "-")} <= warned
    assert Service.objects.filter(id=SERVICE_ID).exists()


def test_hsds_31_json_properties_are_warnings(tmp_path):
    document = json.loads((DATA / "service_full.json").read_text())
    document["additional_urls"] = [{"id": "u", "url": "https://example.org", "label": "more"}]
    document["capacities"] = [{"id": "c", "available": 3}]
    document["organization"]["additional_websites"] = [{"url": "https://example.org"}]
    path = tmp_path / "service_31.json"
    path.write_text(json.dumps(document))
    report = hsds_import.import_path(path)
    fields = {(w.row, w.field) for w in report.warnings}
    assert {("/", "additional_urls"), ("/", "capacities"), ("/organization", "additional_websites")} <= fields
    assert Service.objects.filter(id=SERVICE_ID).exists()


@pytest.mark.parametrize(
    ("file", "model"),
    [("location.json", Location), ("taxonomy.json", Taxonomy), ("taxonomy_term.json", TaxonomyTerm)],
)
def test_json_record_type_comes_from_the_file_name(file, model):
    """The official single-record examples import as what their names say (not as organizations)."""
    document = json.loads((EXAMPLES / file).read_text())
    hsds_import.import_path(EXAMPLES / file)
    assert model.objects.filter(id=document["id"]).exists()


def test_list_files_and_an_explicit_choice(tmp_path):
    hsds_import.import_path(EXAMPLES / "taxonomy_term_list.json")
    assert TaxonomyTerm.objects.filter(id="3f7b145d-84af-42d7-8fae-eaca714b02b2").exists()
    renamed = tmp_path / "export.json"
    shutil.copy(EXAMPLES / "location.json", renamed)
    with pytest.raises(hsds_import.HSDSImportError):
        hsds_import.import_path(renamed)
    hsds_import.import_path(renamed, kind="location")
    assert Location.objects.filter(id="3a19ff88-4620-4d17-9830-ac1d859eb5d5").exists()


def test_a_javascript_link_is_refused_by_file_row_and_field(tmp_path):
    document = json.loads((DATA / "service_full.json").read_text())
    document["url"] = "javascript:alert(1)"
    path = tmp_path / "service.json"
    path.write_text(json.dumps(document))
    with pytest.raises(hsds_import.HSDSImportError) as raised:
        hsds_import.import_path(path)
    assert ("service.json", "/", "url") in {(p.file, p.row, p.field) for p in raised.value.problems}
    assert not Service.objects.filter(id=SERVICE_ID).exists()


def test_a_broken_required_link_leaves_its_record_out_when_the_rest_is_imported(tmp_path):
    target = tmp_path / "pkg"
    shutil.copytree(DATA / "csv", target)
    (target / "programs.csv").write_text((target / "programs.csv").read_text().splitlines()[0] + "\n")
    text = (target / "services.csv").read_text()
    (target / "services.csv").write_text(text)
    with (target / "organizations.csv").open() as handle:
        header = handle.readline()
    (target / "organizations.csv").write_text(header)
    report = hsds_import.import_path(target, skip_broken_links=True)
    assert not Service.objects.filter(id=SERVICE_ID).exists()  # its organization is missing
    assert any(w.file == "services.csv" and w.field == "id" for w in report.warnings)
    hsds_export.export(tmp_path / "out")  # and the directory still exports


def _edited_service(tmp_path, service) -> Path:
    document = {"id": str(service.id), "name": "Renamed by an import", "status": "active", "description": "x"}
    path = tmp_path / "services.json"
    path.write_text(json.dumps([document]))
    return path


def test_a_member_organisations_record_is_a_problem_and_nothing_is_imported(world, tmp_path, make_organisation):
    """The clinic is the member NGO's (changed through review only): its id in an import refuses it."""
    path = _edited_service(tmp_path, world.clinic)
    with pytest.raises(hsds_import.HSDSImportError) as raised:
        hsds_import.import_path(path, centre=world.centre)
    assert [(p.file, p.row, p.field) for p in raised.value.problems] == [("services.json", "/0", "id")]
    world.clinic.refresh_from_db()
    assert world.clinic.name == "Asylum legal clinic"


def test_another_centres_record_is_a_problem(world, tmp_path, make_organisation):
    rival = make_organisation(name="Rome centre", slug="rome", kind="centre", country="IT")
    organization = Organization.objects.create(name="Rome's own", description="d", centre=rival)
    document = {"id": str(organization.id), "name": "Taken over", "description": "d"}
    path = tmp_path / "organizations.json"
    path.write_text(json.dumps(document))
    with pytest.raises(hsds_import.HSDSImportError):
        hsds_import.import_path(path, centre=world.centre)
    # A new service hung on the rival's organization is refused too.
    new = {"id": "11111111-2222-3333-4444-555555555555", "name": "N", "status": "active"}
    new["organization_id"] = str(organization.id)
    path = tmp_path / "services.json"
    path.write_text(json.dumps(new))
    with pytest.raises(hsds_import.HSDSImportError):
        hsds_import.import_path(path, centre=world.centre)
    assert Organization.objects.get(id=organization.id).name == "Rome's own"
    assert not Service.objects.filter(id=new["id"]).exists()


def test_a_centre_creates_and_then_updates_its_own_records(world, tmp_path):
    hsds_import.import_path(DATA / "service_full.json", centre=world.centre)
    document = json.loads((DATA / "service_full.json").read_text())
    document["name"] = "Counselling, renamed"
    path = tmp_path / "service.json"
    path.write_text(json.dumps(document))
    hsds_import.import_path(path, centre=world.centre)
    assert Service.objects.get(id=SERVICE_ID).name == "Counselling, renamed"
    assert Organization.objects.get(id=document["organization"]["id"]).centre == world.centre


def test_the_sector_taxonomy_is_never_changed_by_an_import(tmp_path):
    from civica.directory import sectors

    sectors.ensure() if hasattr(sectors, "ensure") else None
    taxonomy = Taxonomy.objects.filter(id=sectors.TAXONOMY_ID).first()
    if taxonomy is None:
        pytest.skip("no sector taxonomy in this database")
    path = tmp_path / "taxonomy.json"
    path.write_text(json.dumps({"id": str(taxonomy.id), "name": "Hijacked", "description": "x"}))
    hsds_import.import_path(path)
    assert Taxonomy.objects.get(id=taxonomy.id).name == taxonomy.name
