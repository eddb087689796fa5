"""Benchmark: the public service directory (page, search, map data) and the HSDS API as services grow.

    .venv/bin/python bench/directory_search.py                              # SQLite in a temporary folder
    DATABASE_URL=postgres://... .venv/bin/python bench/directory_search.py  # creates and drops test_<name>
    BENCH_SIZES=500,5000 BENCH_URLS=/en/directory/ .venv/bin/python bench/directory_search.py  # other sizes, pages

Prints requests per second and queries per request at each size, through Django's in-process client on
one core. Targets: the query count the same at every size (the tests pin it too); at 5,000 services on
SQLite, the public directory page and each filter above 15 requests/s and the HSDS list above 100.
Measured 2026-11-24 (a busy two-core machine), 5,000 services: page 19.5, sector filter 19.3 (0.6
before the attribute index), search 9.0, HSDS list 154 requests/s; 5, 5, 6 and 2 queries at every size.
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

SIZES = [int(size) for size in os.environ.get("BENCH_SIZES", "500,5000").split(",")]
URLS = (
    os.environ.get("BENCH_URLS", "").split(",")
    if os.environ.get("BENCH_URLS")
    else [
        "/en/directory/",
        "/en/directory/?q=legal",
        "/en/directory/?category=housing",
        "/api/hsds/services",
        "/api/hsds/services?page=5",
    ]
)
from civica.directory.sectors import SECTORS  # noqa: E402

CATEGORIES = list(SECTORS)


def grow(target: int, record) -> None:
    """Services through the directory's own service, so the search index holds them as in real use."""
    from civica.directory.models import Service
    from civica.directory.services import location_add, service_publish

    for number in range(Service.objects.count(), target):
        category = CATEGORIES[number % len(CATEGORIES)]
        place = location_add(
            organization=record,
            name=f"Office {number}",
            address_1=f"Odos {number}",
            city="Athens",
            postal_code="10431",
            latitude=37.9 + (number % 100) / 1000,
            longitude=23.7 + (number % 97) / 1000,
        )
        service_publish(
            organization=record,
            data={
                "name": f"Service {number} ({category})",
                "description": f"A {category} service",
                "categories": [category],
            },
            locations=[place],
            languages=["el", "en"],
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

    from civica.directory.services import organization_record_for
    from civica.organisations.services import organisation_create

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        call_command("load_territories", verbosity=0)
        centre = organisation_create(
            actor=None, data={"name": "Bench centre", "slug": "bench-centre", "kind": "centre", "country": "GR"}
        )
        ngo = organisation_create(
            actor=None, data={"name": "Bench NGO", "slug": "bench-ngo", "kind": "ngo", "country": "GR"}
        )
        record = organization_record_for(organisation=ngo, centre=centre)
        client = Client()
        print(f"database: {connection.vendor}")
        for size in SIZES:
            grow(size, record)
            for url in URLS:
                rate, queries = measure(client, url)
                print(f"{size:>6} services  {url:<36} {rate:7.1f} req/s  {queries:2d} queries")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
