from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

from civica.organisations.selectors import memberships_of

from .active_organisation import active_membership
from .navigation import modules_for


def civica(request):
    """What every page needs: the language switcher, the module navigation and the active organisation."""
    current = get_language()
    languages = [
        {"code": code, "name": name, "url": translate_url(request.get_full_path(), code), "current": code == current}
        for code, name in settings.LANGUAGES
    ]
    context = {
        "civica_languages": languages,
        "civica_modules": modules_for(request.user, request.path),
        "civica_open_signup": settings.CIVICA_OPEN_SIGNUP,
    }
    if request.user.is_authenticated:
        memberships = list(memberships_of(request.user))
        context["civica_memberships"] = memberships
        context["civica_active_membership"] = active_membership(request, memberships)
    return context
