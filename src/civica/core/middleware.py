"""Refuse the NUL character wherever input arrives: PostgreSQL cannot store it in text, so a query
or form that carried one would otherwise fail deep inside a save or a filter with a server error.
Nothing legitimate a person types contains it."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, JsonResponse
from django.utils.translation import gettext as _

NUL = "\x00"


def _carries_nul(request) -> bool:
    if NUL in request.META.get("QUERY_STRING", "") or "%00" in request.META.get("QUERY_STRING", ""):
        return True
    if request.method in {"POST", "PUT", "PATCH"}:
        content_type = request.META.get("CONTENT_TYPE", "")
        if content_type.startswith("application/json"):
            # In JSON the character can only arrive escaped.
            return b"\\u0000" in request.body or b"\x00" in request.body
        if content_type.startswith("application/x-www-form-urlencoded"):
            return any(NUL in value for _key, values in request.POST.lists() for value in values)
        if content_type.startswith("multipart/form-data"):
            return any(NUL in value for _key, values in request.POST.lists() for value in values)
    return False


class RefuseNulCharactersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _carries_nul(request):
            message = _("The request contains a character that is not allowed (NUL).")
            if request.path.startswith("/api/"):
                return JsonResponse({"detail": message, "errors": []}, status=400)
            return HttpResponse(message, status=400, content_type="text/plain; charset=utf-8")
        return self.get_response(request)


class ForbiddenAsNotFoundMiddleware:
    """The one place where a forbidden object becomes "not found" on pages: a view or service raises
    PermissionDenied and the person sees the 404 page, so nobody learns that a record they may not see
    exists. (The API maps it the same way in `config/api.py`.) Views need no try/except for it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, PermissionDenied):
            raise Http404 from exception
        return None
