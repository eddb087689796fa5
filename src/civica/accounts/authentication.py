"""How API callers prove who they are: a personal token, or the browser session."""

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from ninja.errors import AuthenticationError
from ninja.security import SessionAuth
from ninja.security.http import HttpAuthBase

from .selectors import user_for_api_token


class ApiAuth(HttpAuthBase):
    """`Authorization: Bearer <token>`, else the session (with CSRF on writes), else anonymous when allowed.

    A token that is present but wrong is refused outright rather than treated as anonymous, so a client
    with a revoked token learns it at once.
    """

    openapi_scheme = "bearer"

    def __init__(self, *, allow_anonymous: bool = False):
        self.allow_anonymous = allow_anonymous
        self.session = SessionAuth()
        super().__init__()

    def __call__(self, request: HttpRequest):
        header = request.headers.get("Authorization", "")
        if header:
            scheme, _sep, token = header.partition(" ")
            user = user_for_api_token(token.strip()) if scheme.lower() == "bearer" and token.strip() else None
            if user is None:
                raise AuthenticationError(401, "Invalid or revoked API token.")
            request.user = user
            return user
        user = self.session(request)
        if user:
            return user
        if self.allow_anonymous:
            return AnonymousUser()
        return None


signed_in = ApiAuth()
anyone = ApiAuth(allow_anonymous=True)
