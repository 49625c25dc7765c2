from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


class ThaiFirstLocaleMiddleware(LocaleMiddleware):
    """Thai unless the user chose another language with the switch (the language cookie).

    Django would otherwise follow the browser's Accept-Language, and many Thai officials' browsers say English.
    """

    def process_request(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if chosen not in dict(settings.LANGUAGES):
            chosen = settings.LANGUAGE_CODE
        translation.activate(chosen)
        request.LANGUAGE_CODE = translation.get_language()


class RequestSizeLimitMiddleware:
    """Refuse a request body larger than MAX_REQUEST_BYTES with 413 and a readable page, before Django reads
    it: an oversized upload must not fill the disk or hold a worker."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.MAX_REQUEST_BYTES:
            from django.shortcuts import render

            limit = settings.MAX_REQUEST_BYTES // (1024 * 1024)
            return render(request, "413.html", {"limit": limit}, status=413)
        return self.get_response(request)
