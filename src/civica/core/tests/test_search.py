"""The one search interface, on SQLite (FTS5 + Snowball) and PostgreSQL (tsvector per language + trigrams)."""

import pytest
from django.db import connection

from civica.core import search
from civica.core.models import SearchEntry


@pytest.fixture
def indexed(make_organisation):
    ours, theirs = make_organisation(name="Ours"), make_organisation(name="Theirs")

    def put(title, body, language, organisation=None, public=False, tags=None):
        record = make_organisation(name=title[:200])  # an Organisation has a uuid and a label
        search.index(
            instance=record,
            title=title,
            body=body,
            language=language,
            organisation_uuid=(organisation or ours).uuid,
            is_public=public,
            tags=tags,
        )
        return record

    entries = {
        "ro": put(
            "Dispută privind autorizația de construire",
            "Cetățenii au contestat autorizațiile emise de primărie; medierea a dus la un acord.",
            "ro",
        ),
        "it": put(
            "Controversia condominiale sulle spese",
            "I condomini hanno raggiunto un accordo in mediazione dopo due incontri.",
            "it",
            tags=["condominium"],
        ),
        "el": put(
            "Διαφορά για τη στέγαση προσφύγων", "Οι διαμεσολαβητές βοήθησαν τον δήμο και τους ενοικιαστές.", "el"
        ),
        "en": put(
            "Parking permits dispute", "Residents disputed the parking permits issued by the city.", "en", public=True
        ),
        "private": put(
            "Dispută confidențială", "Autorizații și dispute ale altei organizații.", "ro", organisation=theirs
        ),
    }
    return ours, theirs, entries


def _uuids(hits):
    return {hit.record_uuid for hit in hits}


def test_words_are_found_through_their_stems_in_each_language(indexed):
    ours, _theirs, entries = indexed
    mine = [ours.uuid]
    assert entries["ro"].uuid in _uuids(search.search("autorizații construire", visible_organisation_uuids=mine))
    assert entries["it"].uuid in _uuids(search.search("controversie condominio", visible_organisation_uuids=mine))
    assert entries["el"].uuid in _uuids(search.search("στέγαση", visible_organisation_uuids=mine))
    assert entries["en"].uuid in _uuids(search.search("permit disputes", visible_organisation_uuids=mine))


def test_only_visible_entries_are_found(indexed):
    ours, theirs, entries = indexed
    found = _uuids(search.search("dispută", visible_organisation_uuids=[ours.uuid]))
    assert entries["ro"].uuid in found and entries["private"].uuid not in found
    assert entries["private"].uuid in _uuids(search.search("dispută", visible_organisation_uuids=[theirs.uuid]))
    public_only = _uuids(search.search("permits", visible_organisation_uuids=[], include_public=True))
    assert public_only == {entries["en"].uuid}
    assert search.search("permits", visible_organisation_uuids=[], include_public=False) == []


def test_record_type_and_tag_filters(indexed):
    ours, _theirs, entries = indexed
    hits = search.search("accordo", visible_organisation_uuids=[ours.uuid], tags=["condominium"])
    assert _uuids(hits) == {entries["it"].uuid}
    assert search.search("accordo", visible_organisation_uuids=[ours.uuid], record_types=["cases.case"]) == []


def test_accents_do_not_matter(indexed):
    ours, _theirs, entries = indexed
    assert entries["ro"].uuid in _uuids(search.search("cetatenii", visible_organisation_uuids=[ours.uuid]))
    assert entries["el"].uuid in _uuids(search.search("στεγαση", visible_organisation_uuids=[ours.uuid]))


def test_reindexing_replaces_and_unindex_removes(indexed):
    ours, _theirs, entries = indexed
    record = entries["en"]
    search.index(instance=record, title="Street lighting", body="Lamps", language="en", organisation_uuid=ours.uuid)
    assert SearchEntry.objects.filter(record_uuid=record.uuid).count() == 1
    assert record.uuid not in _uuids(search.search("parking", visible_organisation_uuids=[ours.uuid]))
    assert record.uuid in _uuids(search.search("lighting", visible_organisation_uuids=[ours.uuid]))
    search.unindex(record)
    assert search.search("lighting", visible_organisation_uuids=[ours.uuid]) == []


@pytest.mark.parametrize("query", ["", "   ", "!!!", '"', "AND OR NOT", "a*b", "(", "NEAR("])
def test_odd_queries_never_fail(indexed, query):
    ours, _theirs, _entries = indexed
    search.search(query, visible_organisation_uuids=[ours.uuid])


@pytest.mark.skipif(connection.vendor != "postgresql", reason="trigram similarity is PostgreSQL's")
def test_misspelt_titles_are_found_by_trigrams(indexed):
    ours, _theirs, entries = indexed
    assert entries["en"].uuid in _uuids(search.search("Parkng permts", visible_organisation_uuids=[ours.uuid]))
