"""Case notes are encrypted at rest: the raw database holds no clear text, the case page and the API
show it to those who may read it, and the migration encrypts notes written before it (and back)."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from civica.cases import selectors, services
from civica.cases.models import CaseNote
from civica.core import crypto

pytestmark = pytest.mark.django_db(transaction=True)

SECRET = "The boy says his father hits him when he drinks."


@pytest.fixture
def staffed_case(centre_world, request_case):
    _centre, _municipality, people = centre_world
    return request_case, people["centre_staff"]


def _raw_bodies():
    with connection.cursor() as cursor:
        cursor.execute("SELECT body FROM cases_casenote")
        return [row[0] for row in cursor.fetchall()]


def test_a_note_is_stored_encrypted_and_read_in_clear_by_its_readers(staffed_case, client):
    case, staff = staffed_case
    services.note_add(actor=staff, case=case, body=SECRET)
    assert _raw_bodies() and all(SECRET not in body for body in _raw_bodies())
    assert [note.text for note in selectors.notes(user=staff, case=case)] == [SECRET]
    client.force_login(staff)
    assert SECRET in client.get(f"/en/cases/{case.reference}/").content.decode()


def test_the_migration_encrypts_notes_written_before_it_and_decrypts_them_going_back(staffed_case):
    case, staff = staffed_case
    services.note_add(actor=staff, case=case, body=SECRET)
    executor = MigrationExecutor(connection)
    executor.migrate([("cases", "0005_documents_topics_reminders")])
    assert _raw_bodies() == [SECRET]
    call_command("migrate", "cases", verbosity=0)
    assert SECRET not in _raw_bodies()[0]
    assert crypto.reveal(CaseNote.objects.get().body) == SECRET
    call_command("migrate", "cases", verbosity=0)  # a second run changes nothing
    assert crypto.reveal(CaseNote.objects.get().body) == SECRET
