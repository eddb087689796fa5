"""SDG 16 reference data: loaded by the migration, refreshed idempotently, titles in four languages;
local indicators with baseline, target and measured values, drawn as an SVG with the numbers in a table."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command

from civica.sdg import reference, services
from civica.sdg.models import Indicator, Target


def test_reference_is_loaded_and_complete(db):
    data = reference.framework()
    assert Target.objects.count() == len(data["targets"]) == 12
    assert Indicator.objects.count() == sum(len(t["indicators"]) for t in data["targets"])
    call_command("load_sdg")  # a refresh changes nothing
    assert Target.objects.count() == 12
    assert [t.code for t in Target.objects.all()][-3:] == ["16.10", "16.a", "16.b"]


def test_every_title_is_translated(db):
    for item in [*Target.objects.all(), *Indicator.objects.all()]:
        for language in ("ro", "it", "el"):
            assert item.title_in(language) != item.title, (item.code, language)
    assert Target.objects.get(code="16.5").title_in("ro").startswith("Reducerea substanțială a corupției")


def test_targets_by_api_in_the_readers_language(client, db):
    response = client.get("/api/v1/groups/sdg/targets", HTTP_ACCEPT_LANGUAGE="it")
    assert response.status_code == 200
    first = response.json()[0]
    assert first["code"] == "16.1" and "16.1.1" in first["indicators"]
    assert client.get("/api/v1/groups/sdg/targets/16.99").status_code == 404
    assert len(client.get("/api/v1/groups/sdg/indicators").json()) == Indicator.objects.count()


def test_targets_page_in_greek(client, db):
    page = client.get("/el/sdg/").content.decode()
    assert "Ουσιαστική μείωση της διαφθοράς" in page


@pytest.fixture
def local(make_organisation, make_member):
    organisation = make_organisation()
    staff = make_member(organisation, role="staff")
    indicator = services.local_indicator_create(
        actor=staff,
        organisation=organisation,
        name="Cazuri raportate",
        indicator=Indicator.objects.get(code="16.3.1"),
        baseline=Decimal("100"),
        baseline_year=2019,
        target_value=Decimal("150"),
        target_year=2030,
        is_public=False,
    )
    services.measurement_record(
        actor=staff, local_indicator=indicator, measured_on=date(2021, 12, 31), value=Decimal("120")
    )
    return {"organisation": organisation, "staff": staff, "indicator": indicator}


def test_local_indicator_chart_and_table(client, local):
    client.force_login(local["staff"])
    page = client.get(f"/en/sdg/indicators/{local['indicator'].uuid}/").content.decode()
    assert '<svg role="img"' in page and "<polyline" in page
    assert page.count("<circle") == 3  # baseline, one measurement, target
    assert "120" in page and "150" in page


def test_private_local_indicator_is_for_its_organisation(client, local, make_user, make_member, make_organisation):
    client.force_login(make_member(make_organisation(), role="admin"))
    assert client.get(f"/en/sdg/indicators/{local['indicator'].uuid}/").status_code == 404


def test_only_staff_record_values_and_bad_years_are_refused(local, make_member):
    member = make_member(local["organisation"], role="member")
    with pytest.raises(PermissionDenied):
        services.measurement_record(
            actor=member, local_indicator=local["indicator"], measured_on=date(2022, 1, 1), value=Decimal("1")
        )
    with pytest.raises(ValidationError):
        services.local_indicator_create(
            actor=local["staff"],
            organisation=local["organisation"],
            name="X",
            baseline=Decimal("1"),
            baseline_year=2030,
            target_value=Decimal("2"),
            target_year=2020,
        )
