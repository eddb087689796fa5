"""Benchmark: how fast the directory page and the API lists answer as organisations grow.

    make bench                              # SQLite in a temporary folder
    DATABASE_URL=postgres://... make bench  # a PostgreSQL database it may fill (it creates and drops test_<name>)

Prints requests per second and queries per request for 1,000 and 10,000 organisations, through
Django's in-process client on one core. Targets: the query count the same at both sizes (the
tests pin it too), and at 10,000 organisations the API list above 50 requests/s and the pages above
40 requests/s on SQLite (measured 2026-11-23: API 65, directory 47, dashboard 45).
"""

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "civica.config.settings")
os.environ.setdefault("CIVICA_STATICFILES_STORAGE", "django.contrib.staticfiles.storage.StaticFilesStorage")
os.environ.setdefault("CIVICA_TASK_BACKEND", "immediate")
os.environ.setdefault("CIVICA_FAST_PASSWORD_HASHING", "1")
if "DATABASE_URL" not in os.environ:
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

URLS = ["/en/organisations/", "/en/organisations/?country=RO&kind=ngo", "/api/v1/organisations", "/en/dashboard/"]


def grow(target: int, territory, admin_org) -> None:
    from civica.organisations.models import Organisation

    existing = Organisation.objects.count()
    Organisation.objects.bulk_create(
        Organisation(
            name=f"Bench organisation {n:05d}",
            slug=f"bench-{n:05d}",
            kind="ngo" if n % 3 else "municipality",
            country="RO",
            territory=territory,
            parent=admin_org if n % 10 == 0 else None,
        )
        for n in range(existing, target)
    )


def measure(client, url: str, seconds: float = 3.0) -> tuple[float, int]:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200, url
    queries = len(captured)
    count, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        client.get(url)
        count += 1
    return count / (time.perf_counter() - start), queries


def main() -> None:
    from django.core.management import call_command
    from django.test import Client

    from civica.organisations.models import Territory
    from civica.organisations.services import membership_add, organisation_create

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        call_command("load_territories", verbosity=0)
        territory = Territory.objects.get(code="RO-127")
        from django.contrib.auth import get_user_model

        admin = get_user_model().objects.create_user(email="bench@bench.example", password="bench-password-1")
        home = organisation_create(
            actor=None, data={"name": "Bench home", "slug": "bench-home", "kind": "centre", "country": "RO"}
        )
        membership_add(actor=None, organisation=home, user=admin, role="admin")
        client = Client()
        client.force_login(admin)
        print(f"database: {connection.vendor}")
        for size in (1_000, 10_000):
            grow(size, territory, home)
            for url in URLS:
                rate, queries = measure(client, url)
                print(f"{size:>6} organisations  {url:<42} {rate:7.1f} req/s  {queries:2d} queries")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
