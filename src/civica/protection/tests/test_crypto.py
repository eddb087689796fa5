"""Encryption at rest (civica.core.crypto): nothing in clear in the database, nothing in clear in a
repr or a log line, keys rotated by `civica rotate-keys`."""

import logging

import pytest
from django.core.management import call_command
from django.db import connection

from civica.core import crypto
from civica.core.models import AuditEvent
from civica.protection.models import ProtectedPerson, ProtectionCase, RiskAssessment

from .conftest import SECRET_NAME, SECRET_NARRATIVE

pytestmark = pytest.mark.django_db


def raw_rows(table: str) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {table}")  # noqa: S608 - a fixed table name
        return repr(cursor.fetchall())


def test_sensitive_fields_are_ciphertext_in_the_raw_database(pcase):
    """A SELECT straight from the tables shows no name, address, narrative, injury or child."""
    every_table = raw_rows("protection_protectedperson") + raw_rows("protection_protectioncase")
    for clear in (SECRET_NAME, "Strada Ascunsă", "0722 000 111", SECRET_NARRATIVE, "Echimoze", "Andrei"):
        assert clear not in every_table
    assert "gAAAAA" in every_table  # Fernet tokens
    # and the audit trail redacts them too
    trail = repr(list(AuditEvent.objects.values_list("before", "after")))
    assert SECRET_NAME not in trail and SECRET_NARRATIVE not in trail


def test_reading_gives_a_sealed_value_that_never_prints_its_content(pcase, caplog):
    person = ProtectedPerson.objects.get(pk=pcase.person_id)
    assert str(person.full_name) == crypto.PLACEHOLDER
    assert SECRET_NAME not in repr(person.full_name)
    assert SECRET_NAME not in repr(person.__dict__)
    with caplog.at_level(logging.INFO):
        logging.getLogger("civica").info("reading %s %r", person.full_name, person.full_name)
    assert SECRET_NAME not in caplog.text
    assert person.full_name.reveal() == SECRET_NAME
    reloaded = ProtectionCase.objects.get(pk=pcase.pk)
    assert crypto.reveal(reloaded.children, is_json=True) == [{"name": "Andrei", "birth_year": 2016}]


def test_saving_a_sealed_value_again_keeps_the_same_token(pcase):
    reloaded = ProtectionCase.objects.get(pk=pcase.pk)
    token = reloaded.narrative.token
    reloaded.save()
    assert ProtectionCase.objects.get(pk=pcase.pk).narrative.token == token


def test_empty_values_stay_empty(world):
    from civica.protection import services

    pcase = services.protection_case_open(
        actor=world["people"]["manager"], organisation=world["lead"], kind="child_abuse", territory=world["sector"]
    )
    reloaded = ProtectionCase.objects.get(pk=pcase.pk)
    assert crypto.reveal(reloaded.narrative) == ""
    assert not reloaded.narrative


def test_rotation_re_encrypts_everything_with_the_new_key_and_a_second_run_changes_nothing(pcase, settings, world):
    from civica.protection import services

    settings.CIVICA_ENCRYPTION_KEYS = ["old-key-for-the-test"]
    services.risk_assessment_add(actor=world["people"]["manager"], pcase=pcase, answers={"fear": True}, notes="Frică")
    # the case was written under SECRET_KEY's derived key: make it and the old key decryptable
    settings.CIVICA_ENCRYPTION_KEYS = ["old-key-for-the-test", settings.SECRET_KEY]
    rotated_away = [settings.SECRET_KEY, "old-key-for-the-test"]
    new_key = crypto.generate_key()
    settings.CIVICA_ENCRYPTION_KEYS = [new_key, *rotated_away]
    done = crypto.rotate_all(batch_size=1)
    assert done["protection.ProtectedPerson"] == 3  # full name, address, contact
    assert done["protection.ProtectionCase"] == 4  # narrative, injuries, incident address, children (the plan is empty)
    assert done["protection.RiskAssessment"] == 2
    # a second run: nothing left to do
    assert set(crypto.rotate_all().values()) == {0}
    # the old keys can now be dropped: everything opens with the new key alone
    settings.CIVICA_ENCRYPTION_KEYS = [new_key]
    assert ProtectedPerson.objects.get().full_name.reveal() == SECRET_NAME
    assert ProtectionCase.objects.get().narrative.reveal() == SECRET_NARRATIVE
    assert RiskAssessment.objects.get().notes.reveal() == "Frică"


def test_a_value_no_key_opens_is_an_error_not_garbage(pcase, settings):
    settings.CIVICA_ENCRYPTION_KEYS = [crypto.generate_key()]
    with pytest.raises(crypto.DecryptionError):
        ProtectedPerson.objects.get().full_name.reveal()


def test_the_rotate_keys_command(pcase, settings, capsys):
    settings.CIVICA_ENCRYPTION_KEYS = [crypto.generate_key(), settings.SECRET_KEY]
    call_command("rotate_keys", "--batch-size", "10")
    out = capsys.readouterr().out
    assert "protection.ProtectedPerson: 3 value(s) re-encrypted" in out
    call_command("rotate_keys")
    assert "protection.ProtectedPerson: 0 value(s) re-encrypted" in capsys.readouterr().out
    call_command("rotate_keys", "--new-key")
    key = capsys.readouterr().out.strip()
    assert len(key) == 44


def test_a_deployment_without_keys_is_warned(settings):
    settings.CIVICA_ENCRYPTION_KEYS = []
    assert [w.id for w in crypto.check_encryption_keys()] == ["civica.W001"]
    settings.CIVICA_ENCRYPTION_KEYS = [crypto.generate_key()]
    assert crypto.check_encryption_keys() == []
