"""Case notes are encrypted at rest (core.crypto): they carry what a case is about, an escalated
helpline conversation's transcript among them.

The field change only changes how the column is read: the notes already there are encrypted by
`encrypt_notes` (a value that is already a token is left alone, so it can run twice). Going back
decrypts them first."""

from django.db import migrations

import civica.core.crypto
from civica.core import crypto

BATCH = 500


def _is_token(text: str) -> bool:
    try:
        crypto.decrypt(text)
    except crypto.DecryptionError:
        return False
    return True


def _bodies(model):
    last = 0
    while True:
        batch = list(model._base_manager.filter(pk__gt=last).order_by("pk").values_list("pk", "body")[:BATCH])
        if not batch:
            return
        yield from batch
        last = batch[-1][0]


def encrypt_notes(apps, schema_editor):
    model = apps.get_model("cases", "CaseNote")
    for pk, body in _bodies(model):
        # Read through the new field, a clear value arrives wrapped as if it were a token.
        text = body.token if isinstance(body, crypto.Sealed) else body
        if text and not _is_token(text):
            # Clear text given to an encrypted field is encrypted on the way to the database.
            model._base_manager.filter(pk=pk).update(body=text)


def decrypt_notes(apps, schema_editor):
    # Runs last when going back, once the column is plain text again.
    model = apps.get_model("cases", "CaseNote")
    for pk, body in _bodies(model):
        if body and _is_token(body):
            model._base_manager.filter(pk=pk).update(body=crypto.decrypt(body))


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0005_documents_topics_reminders"),
    ]

    operations = [
        migrations.RunPython(migrations.RunPython.noop, decrypt_notes),
        migrations.AlterField(
            model_name="casenote",
            name="body",
            field=civica.core.crypto.EncryptedTextField(verbose_name="note"),
        ),
        migrations.RunPython(encrypt_notes, migrations.RunPython.noop),
    ]
