"""Reference numbers stay unique and gapless when many cases open at once (real connections)."""

import threading

import pytest
from django.db import connection

from civica.cases import services
from civica.cases.models import Case


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks are meaningful on PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_concurrent_openings_get_distinct_consecutive_numbers(make_organisation, make_member):
    centre = make_organisation(kind="centre")
    staff = [make_member(centre, role="staff") for _ in range(8)]
    errors = []
    barrier = threading.Barrier(len(staff))

    def open_cases(person):
        try:
            barrier.wait()
            for n in range(5):
                services.case_open(actor=person, workflow="request", organisation=centre, title=f"Apel {n}")
        except Exception as error:  # reported by the assertion below
            errors.append(error)
        finally:
            connection.close()  # each thread has its own connection; close it so the test database can go

    threads = [threading.Thread(target=open_cases, args=(person,)) for person in staff]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    numbers = sorted(int(reference.rsplit("-", 1)[1]) for reference in Case.objects.values_list("reference", flat=True))
    assert numbers == list(range(1, 41))
