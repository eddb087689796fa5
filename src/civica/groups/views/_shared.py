"""What every part of this package shares: constants and small helpers."""

from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse

from civica.organisations.models import Organisation

from ..models import FollowUp, Group, Meeting, Minutes, Point, SwotAnalysis, SwotEntry, Theme

NOT_VISIBLE = (
    Group.DoesNotExist,
    Meeting.DoesNotExist,
    Minutes.DoesNotExist,
    FollowUp.DoesNotExist,
    ValidationError,
    Organisation.DoesNotExist,
    Point.DoesNotExist,
    Theme.DoesNotExist,
    SwotAnalysis.DoesNotExist,
    SwotEntry.DoesNotExist,
)


def _get(function, **lookup):
    try:
        return function(**lookup)
    except NOT_VISIBLE as error:
        raise Http404 from error


def _calendar(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
