"""Request hygiene that no view should have to think about."""

from django.http import HttpResponseBadRequest


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
            return HttpResponseBadRequest(
                "Požadavek obsahuje nulový znak.", content_type="text/plain; charset=utf-8"
            )
        return self.get_response(request)
