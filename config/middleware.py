"""Request hygiene that no view should have to think about."""

from django.http import HttpResponseBadRequest
from django.utils import translation
from django.utils.translation import gettext

from config.views import is_api, language_of
from portal.api import json_error


class RejectNullCharactersMiddleware:
    """A NUL character in a path or query string is never meaningful, and PostgreSQL
    refuses it in any text value: answer 400 before a view passes it to the database."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or any(
            "\x00" in key or any("\x00" in value for value in values)
            for key, values in request.GET.lists()
        ):
            return self.refuse(request)
        return self.get_response(request)

    @staticmethod
    def refuse(request):
        if is_api(request):
            return json_error(400, "The request contains a NUL character.")
        # Before LocaleMiddleware: the language comes from the path.
        with translation.override(language_of(request)):
            message = gettext("Požadavek obsahuje nulový znak.")
        return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
