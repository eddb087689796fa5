"""One search interface for every app, on either database.

    index(instance=..., title=..., body=..., language="ro", organisation_uuid=..., is_public=False)
    search("dispută autorizație", visible_organisation_uuids=[...], record_types=["cases.case"])

PostgreSQL stems each entry with its own language's configuration and adds trigram similarity on
titles, so a misspelt name still matches; SQLite stems with Snowball in Python and matches in FTS5.
A query is stemmed in all four languages, so a Romanian query finds Romanian entries and a shared
word (a place, a law number) finds entries in any language.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

import snowballstemmer
from django.db import connection, models
from django.db.models.expressions import RawSQL

from .models import SearchEntry

STEMMERS = {"en": "english", "ro": "romanian", "it": "italian", "el": "greek"}
# Created by migration core.0004: each language's stemmer after unaccent.
PG_CONFIGS = {code: f"civica_{code}" for code in STEMMERS}
TRIGRAM_THRESHOLD = 0.3
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class SearchHit:
    record_type: str
    record_uuid: object
    title: str
    language: str
    rank: float


@cache
def _stemmer(language: str):
    return snowballstemmer.stemmer(STEMMERS.get(language, "english"))


def _fold(text: str) -> str:
    """Lower case without accents: 'Cetățenii' and 'cetatenii', 'Αθήνα' and 'αθηνα' meet."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def stems(text: str, language: str) -> str:
    stemmer = _stemmer(language)
    return " ".join(_fold(stem) for stem in stemmer.stemWords(_words(text)))


def index(
    *,
    instance: models.Model,
    title: str,
    body: str = "",
    language: str,
    organisation_uuid=None,
    is_public: bool = False,
    tags: list[str] | None = None,
) -> SearchEntry:
    """Add or refresh the entry for a record. Call it from the owning app's service."""
    entry, _created = SearchEntry.objects.update_or_create(
        record_type=instance._meta.label_lower,
        record_uuid=instance.uuid,
        defaults={
            "organisation_uuid": organisation_uuid,
            "is_public": is_public,
            "language": language,
            "title": title[:300],
            "body": body,
            "stems": stems(f"{title} {body}", language),
            "tags": tags or [],
        },
    )
    return entry


def unindex(instance: models.Model) -> None:
    SearchEntry.objects.filter(record_type=instance._meta.label_lower, record_uuid=instance.uuid).delete()


def _visible(queryset, *, visible_organisation_uuids, include_public, record_types, tags):
    condition = models.Q(organisation_uuid__in=list(visible_organisation_uuids))
    if include_public:
        condition |= models.Q(is_public=True)
    queryset = queryset.filter(condition)
    if record_types:
        queryset = queryset.filter(record_type__in=record_types)
    for tag in tags or ():
        queryset = (
            queryset.filter(tags__contains=[tag])
            if connection.vendor == "postgresql"
            else queryset.filter(tags__icontains=f'"{tag}"')
        )
    return queryset


def search(
    query: str,
    *,
    visible_organisation_uuids=(),
    include_public: bool = True,
    record_types=None,
    tags=None,
    limit: int = 20,
    match_any: bool = False,
) -> list[SearchHit]:
    """Entries matching `query` that the caller may see, best first.

    By default every word must match (a search box); with `match_any` any word may, and entries that
    share more words rank higher ("what resembles this case?"). Words of one or two letters are then
    left out: they are mostly articles and prepositions, which every text shares."""
    if match_any:
        query = " or ".join(word for word in _words(query) if len(word) > 2)
    if not _words(query):
        return []
    queryset = _visible(
        SearchEntry.objects.all(),
        visible_organisation_uuids=visible_organisation_uuids,
        include_public=include_public,
        record_types=record_types,
        tags=tags,
    )
    if connection.vendor == "postgresql":
        rows = _search_postgresql(queryset, query, limit)
    else:
        rows = _search_sqlite(queryset, query, limit, match_any=match_any)
    return [SearchHit(*row) for row in rows]


def _search_postgresql(queryset, query, limit):
    matches = " OR ".join(
        f"(core_searchentry.language = '{code}' AND core_searchentry.search_vector @@ "
        f"websearch_to_tsquery('{config}', %s))"
        for code, config in PG_CONFIGS.items()
    )
    rank = " + ".join(
        f"ts_rank(core_searchentry.search_vector, websearch_to_tsquery('{config}', %s))"
        for config in PG_CONFIGS.values()
    )
    params = [query] * len(PG_CONFIGS)
    # Only constants of this module are formatted into the SQL; the query text is always a bound parameter.
    queryset = (
        queryset.annotate(
            matched=RawSQL(  # noqa: S611
                f"(({matches}) OR similarity(core_searchentry.title, %s) > {TRIGRAM_THRESHOLD})",
                [*params, query],
                output_field=models.BooleanField(),
            ),
            rank=RawSQL(  # noqa: S611
                f"({rank}) + similarity(core_searchentry.title, %s)", [*params, query], output_field=models.FloatField()
            ),
        )
        .filter(matched=True)
        .order_by("-rank", "id")
    )
    return queryset.values_list("record_type", "record_uuid", "title", "language", "rank")[:limit]


def _fts_expression(query: str, *, match_any: bool = False) -> str:
    """Every word must match (or, with `match_any`, any word), in any of the four languages' stemming:
    ("disput" OR "disputel") AND ..."""
    clauses = []
    for word in _words(query):
        if match_any and word == "or":
            continue
        variants = sorted({_fold(_stemmer(language).stemWord(word)) for language in STEMMERS} | {_fold(word)})
        clauses.append("(" + " OR ".join(f'"{variant}"' for variant in variants if variant) + ")")
    return (" OR " if match_any else " AND ").join(clauses)


def _search_sqlite(queryset, query, limit, *, match_any=False):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT rowid, bm25(core_searchentry_fts) FROM core_searchentry_fts WHERE core_searchentry_fts MATCH %s "
            "ORDER BY bm25(core_searchentry_fts) LIMIT 500",
            [_fts_expression(query, match_any=match_any)],
        )
        ranked = {row_id: -score for row_id, score in cursor.fetchall()}
    rows = queryset.filter(pk__in=list(ranked)).values_list("pk", "record_type", "record_uuid", "title", "language")
    hits = [(record_type, uuid, title, language, ranked[pk]) for pk, record_type, uuid, title, language in rows]
    return sorted(hits, key=lambda hit: -hit[4])[:limit]
