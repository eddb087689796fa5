"""The database side of search, per engine.

PostgreSQL: a generated tsvector column stemmed with each entry's own language configuration
(english, romanian, italian, greek, each after unaccent), a GIN index on it, and pg_trgm for typo-tolerant titles.
SQLite: an FTS5 table over the Python-computed Snowball stems, kept in step by triggers.
"""

from django.db import migrations

PG_CONFIG = (
    "CASE language WHEN 'ro' THEN 'civica_ro'::regconfig WHEN 'it' THEN 'civica_it'::regconfig "
    "WHEN 'el' THEN 'civica_el'::regconfig ELSE 'civica_en'::regconfig END"
)
# Each language's Snowball stemmer after unaccent, so that 'cetatenii' finds 'cetățenii'.
LANGUAGES = {"en": "english", "ro": "romanian", "it": "italian", "el": "greek"}
CONFIGS = [
    statement
    for code, name in LANGUAGES.items()
    for statement in (
        f"CREATE TEXT SEARCH CONFIGURATION civica_{code} (COPY = {name})",
        f"ALTER TEXT SEARCH CONFIGURATION civica_{code} ALTER MAPPING FOR hword, hword_part, word "
        f"WITH unaccent, {name}_stem",
    )
]

POSTGRES_FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    *CONFIGS,
    f"""ALTER TABLE core_searchentry ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector({PG_CONFIG}, coalesce(title, '')), 'A') ||
        setweight(to_tsvector({PG_CONFIG}, coalesce(body, '')), 'B')) STORED""",
    "CREATE INDEX core_searchentry_vector ON core_searchentry USING gin (search_vector)",
    "CREATE INDEX core_searchentry_title_trgm ON core_searchentry USING gin (title gin_trgm_ops)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS core_searchentry_title_trgm",
    "DROP INDEX IF EXISTS core_searchentry_vector",
    "ALTER TABLE core_searchentry DROP COLUMN IF EXISTS search_vector",
    *(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS civica_{code}" for code in LANGUAGES),
]
SQLITE_FORWARD = [
    "CREATE VIRTUAL TABLE core_searchentry_fts USING fts5(stems, content='core_searchentry', content_rowid='id')",
    """CREATE TRIGGER core_searchentry_fts_insert AFTER INSERT ON core_searchentry BEGIN
        INSERT INTO core_searchentry_fts(rowid, stems) VALUES (new.id, new.stems); END""",
    """CREATE TRIGGER core_searchentry_fts_delete AFTER DELETE ON core_searchentry BEGIN
        INSERT INTO core_searchentry_fts(core_searchentry_fts, rowid, stems) VALUES ('delete', old.id, old.stems); END""",
    """CREATE TRIGGER core_searchentry_fts_update AFTER UPDATE ON core_searchentry BEGIN
        INSERT INTO core_searchentry_fts(core_searchentry_fts, rowid, stems) VALUES ('delete', old.id, old.stems);
        INSERT INTO core_searchentry_fts(rowid, stems) VALUES (new.id, new.stems); END""",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS core_searchentry_fts_update",
    "DROP TRIGGER IF EXISTS core_searchentry_fts_delete",
    "DROP TRIGGER IF EXISTS core_searchentry_fts_insert",
    "DROP TABLE IF EXISTS core_searchentry_fts",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement, params=None)

    return run


class Migration(migrations.Migration):
    dependencies = [("core", "0003_search_entry")]

    operations = [
        migrations.RunPython(
            _run({"postgresql": POSTGRES_FORWARD, "sqlite": SQLITE_FORWARD}),
            _run({"postgresql": POSTGRES_BACKWARD, "sqlite": SQLITE_BACKWARD}),
        )
    ]
