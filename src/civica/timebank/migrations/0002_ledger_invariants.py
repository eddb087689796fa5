"""The ledger's invariants held by PostgreSQL itself, so that neither a raw query nor a bug elsewhere
can break them:

- every transfer sums to zero and has at least two entries: a DEFERRABLE INITIALLY DEFERRED
  constraint trigger checks each transfer touched by a transaction at its COMMIT (entries are
  inserted one by one, so a per-row check would fail half way through a valid transfer);
- transfers and entries are append-only: UPDATE and DELETE are refused (a correction is a new,
  reversing transfer).

SQLite (the single-machine default) has neither deferred triggers nor statement-level ones: there
the ledger service re-reads each transfer's sum inside its transaction before committing, and
`civica timebank-check` verifies the whole ledger (see services/ledger.py). Like core's audit
tables, SQLite relies on the model-level append-only guard because its test runner empties tables
with DELETE.
"""

from django.db import migrations

# Percent signs are doubled: the schema editor passes the SQL through the driver's parameter formatting.
BALANCED = """
CREATE OR REPLACE FUNCTION timebank_transfer_balanced() RETURNS trigger AS $$
DECLARE
    checked_id bigint;
    total bigint;
    lines integer;
BEGIN
    IF TG_TABLE_NAME = 'timebank_entry' THEN
        checked_id := NEW.transfer_id;
    ELSE
        checked_id := NEW.id;
    END IF;
    SELECT COALESCE(SUM(minutes), 0), COUNT(*) INTO total, lines
      FROM timebank_entry WHERE transfer_id = checked_id;
    IF total <> 0 OR lines < 2 THEN
        RAISE EXCEPTION 'Civica time bank: transfer %% does not balance (sum %%, %% entries)',
            checked_id, total, lines USING ERRCODE = '23514';
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
"""

APPEND_ONLY = """
CREATE OR REPLACE FUNCTION timebank_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'Civica time bank ledger is append-only (%% on %%)', TG_OP, TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;
"""

TABLES = ("timebank_transfer", "timebank_entry")


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(BALANCED)
    schema_editor.execute(APPEND_ONLY)
    for table in TABLES:
        schema_editor.execute(
            f"CREATE CONSTRAINT TRIGGER {table}_balanced AFTER INSERT ON {table} "
            f"DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION timebank_transfer_balanced();"
        )
        schema_editor.execute(
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION timebank_append_only();"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in TABLES:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_balanced ON {table};")
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table};")
    schema_editor.execute("DROP FUNCTION IF EXISTS timebank_transfer_balanced();")
    schema_editor.execute("DROP FUNCTION IF EXISTS timebank_append_only();")


class Migration(migrations.Migration):
    dependencies = [("timebank", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
