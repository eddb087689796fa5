"""The API's page-number pagination, bounded: `?page=10**30` is a 422 in the JSON error shape.

django-ninja's own class accepts any page >= 1; the offset `(page - 1) * size` then overflows the
database's integer (a 500 on PostgreSQL and SQLite alike). Every list uses this class instead.
"""

from ninja import Field, Schema
from ninja.pagination import PageNumberPagination as NinjaPageNumberPagination

MAX_PAGE = 100_000


class PageNumberPagination(NinjaPageNumberPagination):
    class Input(Schema):
        page: int = Field(1, ge=1, le=MAX_PAGE)
        page_size: int | None = Field(None, ge=1, le=MAX_PAGE)
