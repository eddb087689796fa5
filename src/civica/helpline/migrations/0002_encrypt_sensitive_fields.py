"""Message bodies, sanitised HTML, internal notes and the person's contact and name are encrypted at
rest (core.crypto); conversations are found by `contact_digest`, a blind index of the contact.

The field change only turns the columns into text: the rows already there are encrypted, and their
digests computed, by `encrypt_rows` at the end (values that are already tokens are left alone, so it
can run twice). Going back decrypts them first."""

import civica.core.crypto
from django.conf import settings
from django.db import migrations, models

from civica.core import crypto

FIELDS = {
    "Conversation": ("contact_address", "contact_name"),
    "Message": ("body", "html_sanitised"),
    "InternalNote": ("body",),
}
BATCH = 500


def _is_token(text: str) -> bool:
    try:
        crypto.decrypt(text)
    except crypto.DecryptionError:
        return False
    return True


def _rows(model, names):
    last = None
    while True:
        found = model._base_manager.order_by("pk")
        if last is not None:
            found = found.filter(pk__gt=last)
        batch = list(found.values_list("pk", *names)[:BATCH])
        if not batch:
            return
        yield from batch
        last = batch[-1][0]


def encrypt_rows(apps, schema_editor):
    from civica.helpline.safety import contact_digest

    for model_name, names in FIELDS.items():
        model = apps.get_model("helpline", model_name)
        for pk, *values in _rows(model, names):
            # Read through the new field, a clear value arrives wrapped as if it were a token.
            clear = {name: value.token for name, value in zip(names, values, strict=True) if value}
            changes = {name: text for name, text in clear.items() if not _is_token(text)}
            if model_name == "Conversation":
                address = clear.get("contact_address", "")
                address = crypto.decrypt(address) if address and _is_token(address) else address
                changes["contact_digest"] = contact_digest(address)
            if changes:
                # Clear text given to an encrypted field is encrypted on the way to the database.
                model._base_manager.filter(pk=pk).update(**changes)


def decrypt_rows(apps, schema_editor):
    for model_name, names in FIELDS.items():
        model = apps.get_model("helpline", model_name)
        for pk, *values in _rows(model, names):
            changes = {
                name: crypto.Sealed(value.reveal())
                for name, value in zip(names, values, strict=True)
                if value and _is_token(value.token)
            }
            if changes:
                # A Sealed value is written as it is: here, the clear text the old columns expect.
                model._base_manager.filter(pk=pk).update(**changes)


class Migration(migrations.Migration):

    dependencies = [
        ('helpline', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name='conversation',
            name='helpline_co_helplin_73a5ca_idx',
        ),
        migrations.AddField(
            model_name='conversation',
            name='contact_digest',
            field=models.CharField(blank=True, editable=False, max_length=64),
        ),
        migrations.AlterField(
            model_name='conversation',
            name='contact_address',
            field=civica.core.crypto.EncryptedTextField(blank=True, verbose_name='contact'),
        ),
        migrations.AlterField(
            model_name='conversation',
            name='contact_name',
            field=civica.core.crypto.EncryptedTextField(blank=True, verbose_name='name given'),
        ),
        migrations.AlterField(
            model_name='internalnote',
            name='body',
            field=civica.core.crypto.EncryptedTextField(verbose_name='note'),
        ),
        migrations.AlterField(
            model_name='message',
            name='body',
            field=civica.core.crypto.EncryptedTextField(blank=True, verbose_name='message'),
        ),
        migrations.AlterField(
            model_name='message',
            name='html_sanitised',
            field=civica.core.crypto.EncryptedTextField(blank=True),
        ),
        migrations.AddIndex(
            model_name='conversation',
            index=models.Index(fields=['helpline', 'contact_digest', 'channel'], name='helpline_co_helplin_118165_idx'),
        ),
        migrations.RunPython(encrypt_rows, decrypt_rows),
    ]
