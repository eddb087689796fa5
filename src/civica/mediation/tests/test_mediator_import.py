"""The mediator registry's CSV import creates then updates, reports bad lines by number and
imports nothing then, refuses a wrong header, and is open only to the centre's administrators."""

import pytest
from django.core.exceptions import PermissionDenied

from civica.mediation.models import Mediator
from civica.mediation.services import MEDIATOR_COLUMNS, MediatorImportError, mediators_import_csv

HEADER = ",".join(MEDIATOR_COLUMNS) + "\n"
GOOD = (
    "Elena Dumitrescu,elena@mediatori.example,0722 000 000,RO,ro_consiliul_de_mediere,1234/2010,"
    "public_service|urban_planning,ro|en,RO-403|RO-127,available,da,500,1500,Onorariu negociat\n"
    "Luca Ferrari,luca@stanze.example,,IT,it_registro_organismi,IT-987,condominium;lease,it,IT-075,limited,no,,,"
    "Tabella DM 150/2023\n"
)


@pytest.fixture
def centre(make_organisation, make_member, territories):
    organisation = make_organisation(kind="centre")
    return organisation, make_member(organisation, role="admin"), make_member(organisation, role="staff")


def test_import_creates_then_updates(centre):
    organisation, admin, _staff = centre
    report = mediators_import_csv(actor=admin, organisation=organisation, text=HEADER + GOOD)
    assert (report.created, report.updated) == (2, 0)
    elena = Mediator.objects.get(authorisation_number="1234/2010")
    assert elena.public_bodies and elena.languages == ["ro", "en"]
    assert sorted(t.code for t in elena.territories.all()) == ["RO-127", "RO-403"]
    assert str(elena.fee_min) == "500.00"
    again = mediators_import_csv(actor=admin, organisation=organisation, text=HEADER + GOOD.replace("1500", "1800"))
    assert (again.created, again.updated) == (0, 2)
    elena.refresh_from_db()
    assert str(elena.fee_max) == "1800.00"


def test_bad_lines_are_reported_by_number_and_nothing_is_imported(centre):
    organisation, admin, _staff = centre
    bad = (
        GOOD.splitlines()[0] + "\n"
        ",x@y.example,,RO,ro_consiliul_de_mediere,1,,,,,,,,\n"
        "Ana,not-an-email,,XX,nobody,2,astrology,klingon,RO-999,busy,maybe,abc,-1,\n"
        "Ion,,,RO,ro_consiliul_de_mediere,3,,,,,no,900,100,\n"
        "Short,line\n"
    )
    with pytest.raises(MediatorImportError) as error:
        mediators_import_csv(actor=admin, organisation=organisation, text=HEADER + bad)
    lines = {line for line, _message in error.value.line_errors}
    assert lines == {3, 4, 5, 6}
    messages = " ".join(message for _line, message in error.value.line_errors)
    for fragment in ("name", "country", "authority", "e-mail", "astrology", "klingon", "RO-999", "fee_min"):
        assert fragment in messages
    assert not Mediator.objects.exists()


def test_only_the_centre_administrators_import(centre):
    organisation, _admin, staff = centre
    with pytest.raises(PermissionDenied):
        mediators_import_csv(actor=staff, organisation=organisation, text=HEADER + GOOD)


def test_wrong_header_is_refused(centre):
    organisation, admin, _staff = centre
    with pytest.raises(MediatorImportError) as error:
        mediators_import_csv(actor=admin, organisation=organisation, text="name,email\nX,Y\n")
    assert error.value.line_errors[0][0] == 1
