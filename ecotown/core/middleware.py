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
    """Refuse a request body larger than MAX_REQUEST_BYTES with 413, before Django reads it: an oversized upload
    must not fill the disk or hold a worker.

    It runs before the locale middleware (nothing else should touch such a request), so it activates the
    language the user chose itself; the API gets JSON (`{"detail": …}`, as its schema says), pages a readable page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.MAX_REQUEST_BYTES:
            return self.refuse(request)
        return self.get_response(request)

    def refuse(self, request):
        from django.http import JsonResponse
        from django.shortcuts import render
        from django.utils.translation import gettext

        limit = settings.MAX_REQUEST_BYTES // (1024 * 1024)
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if chosen not in dict(settings.LANGUAGES):
            chosen = settings.LANGUAGE_CODE
        with translation.override(chosen):
            if request.path.startswith("/api/"):
                message = gettext("EcoTown accepts at most %(limit)s MB in one request.") % {"limit": limit}
                response = JsonResponse({"detail": message}, status=413)
            else:
                response = render(request, "413.html", {"limit": limit, "language": chosen}, status=413)
        # The body was not read: the connection cannot carry another request.
        response["Connection"] = "close"
        return response
