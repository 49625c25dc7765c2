"""The API's published schema names every status an operation can answer, not only its success (issue 13):
clients learn what to expect, and the fuzz run (tests/test_api_fuzz.py) holds every answer to the schema.

drf-spectacular documents only the success of each operation; `add_error_responses` (a postprocessing hook,
settings.SPECTACULAR_SETTINGS) adds the refusals the shared machinery gives:

- 400: the body or a query parameter does not validate (writes; lists with filters, ordering, limit, offset);
- 403: not signed in, or the role may not do this (every operation; DRF answers 403 rather than 401 because the
  first authentication class is the session's, which sends no `WWW-Authenticate` challenge);
- 404: the object does not exist or lies outside the reader's scope (every operation on `{id}`);
- 409: a write clashes with another record, a newer revision or records that depend on it (writes);
- 413: the body is larger than `MAX_REQUEST_MB` (core.middleware.RequestSizeLimitMiddleware; writes);
- 415: the body is in a format the API does not read (JSON, form or multipart; writes);
- 429: too many failed sign-ins for this account (the token endpoint; accounts.throttling).
"""

from typing import ClassVar

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import HttpResponse, JsonResponse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SCHEMA_KWARGS, SpectacularAPIView
from rest_framework.response import Response

WRITES = {"post", "put", "patch", "delete"}
WITH_BODY = {"post", "put", "patch"}

DETAIL = {
    "type": "object",
    "properties": {"detail": {"type": "string"}},
    "required": ["detail"],
}
# A validation error names each field with its messages ({"title_th": ["…"]}, {"non_field_errors": ["…"]}), or
# is a {"detail": "…"} when the body could not be parsed at all.
VALIDATION = {"type": "object", "additionalProperties": True}
RETRY = {
    "type": "object",
    "properties": {"detail": {"type": "string"}, "retry_after": {"type": "integer", "minimum": 0}},
    "required": ["detail"],
}
COMPONENTS = {"ErrorDetail": DETAIL, "ValidationErrors": VALIDATION, "RetryLater": RETRY}

DESCRIPTIONS = {
    "400": _("The request does not validate: each field names its problems."),
    "403": _("Not signed in, or your role may not do this."),
    "404": _("No such record, or it lies outside your area of work."),
    "409": _("The write clashes with another record, a newer revision, or records that depend on this one."),
    "413": _("The request body is larger than the server accepts."),
    "415": _("The request body is in a format the API does not read: send JSON."),
    "429": _("Too many failed sign-ins for this account: try again after `retry_after` seconds."),
}
SCHEMAS = {"400": "ValidationErrors", "429": "RetryLater"}


def statuses(path: str, method: str, operation: dict) -> set[str]:
    """The refusals an operation can answer."""
    codes = {"403"}
    parameters = {p.get("in") for p in operation.get("parameters", []) if isinstance(p, dict)}
    if method in WITH_BODY or "query" in parameters:
        codes.add("400")
    if "path" in parameters or "{" in path:
        codes.add("404")
    if method in WRITES:
        codes.add("409")
    if method in WITH_BODY:
        codes |= {"413", "415"}
    if path.rstrip("/").endswith("/token"):
        codes = {"400", "413", "415", "429"}
    return codes


def staff_only_by_component() -> dict[str, tuple[str, ...]]:
    """{component name: the fields left out for readers who are not programme staff}, for every serializer."""
    from ecotown.core.api.serializers import ModelCleanSerializer, staff_only_fields

    found, pending = {}, [ModelCleanSerializer]
    while pending:
        serializer = pending.pop()
        pending += serializer.__subclasses__()
        name = serializer.__name__.removesuffix("Serializer")
        found[name] = staff_only_fields(serializer)
    return found


def add_error_responses(result, generator, request, public):
    """drf-spectacular postprocessing hook: every operation lists the refusals it can answer, and a staff-only
    field (`Meta.staff_only_fields`) is never promised to every reader as required."""
    components = result.setdefault("components", {}).setdefault("schemas", {})
    for name, hidden in staff_only_by_component().items():
        component = components.get(name)
        if component and "required" in component:
            component["required"] = [field for field in component["required"] if field not in hidden]
            if not component["required"]:
                del component["required"]
    components.update(COMPONENTS)
    for path, operations in result.get("paths", {}).items():
        for method, operation in operations.items():
            if method not in {"get", "post", "put", "patch", "delete", "head", "options"}:
                continue
            responses = operation.setdefault("responses", {})
            for code in sorted(statuses(path, method, operation)):
                responses.setdefault(
                    code,
                    {
                        "content": {
                            "application/json": {
                                "schema": {"$ref": f"#/components/schemas/{SCHEMAS.get(code, 'ErrorDetail')}"}
                            }
                        },
                        "description": str(DESCRIPTIONS[code]),
                    },
                )
    return result


class SchemaView(SpectacularAPIView):
    """`/api/schema/`, generated once per process and language and written once per format. Generating it walks
    every view and serializer and writing it as YAML takes 0.2–0.4 s of CPU; anyone may ask for it, so six
    anonymous requests a second kept both workers busy. The schema changes only with the code, which a new
    process brings (and with settings, which tests change: `setting_changed` forgets what was kept).

    Nothing from outside can grow what is kept: a `lang` outside settings.LANGUAGES is refused with a JSON 400, as
    the API refuses anything (drf-spectacular lists the languages as that parameter's values); `version` is
    ignored (the API has one); a media type with parameters (`indent=4`) is written from the kept schema each time,
    not kept."""

    generated: ClassVar[dict] = {}  # language → the schema
    written: ClassVar[dict] = {}  # (language, media type) → (bytes, headers)

    @extend_schema(**SCHEMA_KWARGS)
    def get(self, request, *args, **kwargs):
        lang = request.GET.get("lang")
        if lang and lang not in dict(settings.LANGUAGES):
            return JsonResponse({"lang": [str(_("Not a language of this site."))]}, status=400)
        media_type = request.accepted_media_type
        key = (lang or translation.get_language(), media_type)
        if key in self.written:
            content, headers = self.written[key]
            return HttpResponse(content, headers=headers)
        response = super().get(request, *args, **kwargs)
        if ";" not in media_type:

            def keep(rendered):
                headers = {name: rendered[name] for name in ("Content-Type", "Content-Disposition") if name in rendered}
                self.written[key] = (rendered.content, headers)

            response.add_post_render_callback(keep)
        return response

    def _get_version_parameter(self, request):
        return None

    def _get_schema_response(self, request):
        language = translation.get_language()
        if language not in self.generated:
            self.generated[language] = super()._get_schema_response(request).data
        disposition = f'inline; filename="{self._get_filename(request, None)}"'
        return Response(data=self.generated[language], headers={"Content-Disposition": disposition})


@receiver(setting_changed)
def forget_kept_schemas(**kwargs):
    SchemaView.generated.clear()
    SchemaView.written.clear()
