"""The demo world is drawn from the seeds, shows each app in use (cases in every state, a
mediation, the time bank's ledger), runs twice without change, and every person can sign in."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from civica.core.models import AuditEvent
from civica.demo.services import demo_load
from civica.organisations.models import Membership, Organisation


@pytest.fixture
def demo(territories, monkeypatch):
    monkeypatch.setenv("CIVICA_DEMO_PASSWORD", "correct-horse-battery")
    return demo_load(pdf_copies=False)


def test_demo_world_is_drawn_from_the_seeds(demo):
    names = set(Organisation.objects.values_list("name", flat=True))
    assert {
        "Asociația Municipiilor din România",
        "Primăria Sectorului 1",
        "Poliția Locală Sector 1",
        "Le Stanze della Mediazione",
        "Δήμος Αθηναίων",
    } <= names
    centre = Organisation.objects.get(slug="amr-centru-resurse")
    assert centre.parent.slug == "amr" and centre.language == "ro"
    assert Organisation.objects.get(slug="accmr").territory.country == "GR"
    # Each organisation speaks its own language.
    assert Organisation.objects.get(slug="stanze-della-mediazione").description.startswith("Un luogo neutrale")
    assert Membership.objects.filter(user__email="ana.popescu@amr.example").count() == 2


def test_resource_centre_holds_requests_in_every_state(demo):
    from civica.cases import workflows
    from civica.cases.models import Case

    requests = Case.objects.filter(organisation__slug="amr-centru-resurse", workflow="request")
    assert set(requests.values_list("state", flat=True)) == {s.key for s in workflows.get("request").states}
    assert demo.cases_created == 10  # with the family mediation at Le Stanze


def test_a_demo_mediation_went_from_dispute_to_closing_minutes(demo):
    from civica.cases.models import Case
    from civica.core.documents import docx_text

    case = Case.objects.get(workflow="mediation_ro", state="agreement")
    assert case.requester_organisation.slug == "primaria-sector-1"
    assert case.mediation.selections.get().status == "confirmed"
    kinds = set(case.documents.values_list("kind", flat=True))
    assert kinds == {"contract_ro", "mandate", "agreement", "closing_minutes"}
    minutes = case.documents.get(kind="closing_minutes")
    with minutes.file.open("rb") as handle:
        assert "Primăria suportă 30%" in docx_text(handle.read())
    assert not case.documents.get(kind="mandate").shared_with_requester  # the decision circuit stays internal
    assert Case.objects.filter(workflow="mediation_ro", state="information").exists()


def test_demo_password_comes_from_the_environment(demo, client):
    assert demo.password == "correct-horse-battery"
    assert client.login(email="maria.georgescu@dgaspc-s1.example", password="correct-horse-battery")
    admin = get_user_model().objects.get(email="admin@civica.example")
    assert admin.is_superuser


def test_second_run_changes_nothing(demo):
    events = AuditEvent.objects.count()
    again = demo_load(pdf_copies=False)
    assert not again.changed
    assert AuditEvent.objects.count() == events
    assert len(again.logins) == len(demo.logins)


def test_command_prints_the_logins(territories, capsys, monkeypatch):
    monkeypatch.delenv("CIVICA_DEMO_PASSWORD", raising=False)
    call_command("demo")
    out = capsys.readouterr().out
    assert "civica-demo-2026" in out and "giulia.rossi@stanze.example" in out
    call_command("demo")
    assert "nothing changed" in capsys.readouterr().out


def test_every_demo_person_can_sign_in_in_every_language(demo, client):
    """Each demo login reaches its dashboard in en, ro, it and el."""
    for email, _summary in demo.logins:
        assert client.login(email=email, password="correct-horse-battery"), email
        for language in ("en", "ro", "it", "el"):
            assert client.get(f"/{language}/dashboard/").status_code == 200
        client.logout()


def test_the_italian_time_bank_has_members_exchanges_and_a_ledger_that_checks(demo):
    from civica.timebank import ledger
    from civica.timebank.models import Account, BankMember, Exchange, Listing, TimeBank, Transfer

    bank = TimeBank.objects.get(organisation__slug="banca-del-tempo-sociale")
    assert BankMember.objects.filter(bank=bank, status="active").count() == 7
    assert BankMember.objects.filter(bank=bank, status="requested").count() == 1
    assert BankMember.objects.get(bank=bank, is_minor=True).guardian_name == "Elisa Conti"
    assert Listing.objects.filter(bank=bank).count() == 8
    assert Exchange.objects.filter(bank=bank, status="confirmed").count() == 7
    assert Transfer.objects.filter(bank=bank, kind="fund_payment").get().entries.count() == 4
    assert Account.objects.get(bank=bank, kind="community_fund").balance == 30
    assert ledger.unbalanced_transfers() == [] and ledger.balance_mismatches() == []
    call_command("timebank_check")
    demo_load()  # idempotent
    assert Transfer.objects.filter(bank=bank).count() == 9


def test_athens_centre_has_members_and_a_directory_across_the_five_sectors(demo):
    from civica.directory import selectors as directory_selectors
    from civica.directory.models import Location, Service
    from civica.hub import selectors as hub_selectors

    centre = Organisation.objects.get(slug="accmr")
    assert hub_selectors.figures(centre) == {"members": 5, "representatives": 3}
    assert hub_selectors.membership_of(centre, Organisation.objects.get(slug="scholeio-ellinikon-enilikon")).state == (
        "requested"
    )
    for sector in ("legal", "health_social", "housing", "education", "labour"):
        assert directory_selectors.public_services(directory_selectors.Filters(category=sector)), sector
    shelter = Location.objects.get(is_confidential=True)
    assert shelter.organization.organisation.slug == "stegi-filoxenias-athinas"
    assert Service.objects.filter(organization__organisation__country="IT").count() == 3
    assert directory_selectors.map_points(directory_selectors.public_services())
