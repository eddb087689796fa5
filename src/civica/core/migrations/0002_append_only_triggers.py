"""On PostgreSQL the audit tables refuse UPDATE and DELETE in the database itself, so not even a
raw query or a bug elsewhere can rewrite history. The one change allowed is the actor becoming NULL,
which happens when a person's account is erased (the trail keeps the event, not the person).

SQLite (the single-machine default) relies on the model-level guard: its test runner empties tables
with DELETE, which a trigger would refuse.
"""

from django.db import migrations

TABLES = ("core_auditevent", "core_accesslogentry")

# Percent signs are doubled: the schema editor passes the SQL through the driver's parameter formatting.
FUNCTION = """
CREATE OR REPLACE FUNCTION civica_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.actor_id IS NULL
       AND (to_jsonb(NEW) - 'actor_id') = (to_jsonb(OLD) - 'actor_id') THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'Civica audit records are append-only (%% on %%)', TG_OP, TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;
"""


def create_triggers(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(FUNCTION)
    for table in TABLES:
        schema_editor.execute(
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION civica_append_only();"
        )


def drop_triggers(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in TABLES:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table};")
    schema_editor.execute("DROP FUNCTION IF EXISTS civica_append_only();")


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]

    operations = [migrations.RunPython(create_triggers, drop_triggers)]
