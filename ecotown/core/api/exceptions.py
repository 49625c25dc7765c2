"""Database errors that a request can still cause become a 409 with a message: a race between two writers (a
unique constraint), or a delete that records depending on the object forbid (PROTECT / RESTRICT)."""

from django.db import IntegrityError
from django.db.models import ProtectedError, RestrictedError
from django.utils.translation import gettext as _
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from ecotown.core.api.viewsets import Conflict


def exception_handler(error, context):
    if isinstance(error, ProtectedError | RestrictedError):
        count = len(error.protected_objects if isinstance(error, ProtectedError) else error.restricted_objects)
        message = _("This record cannot be deleted: {count} other records depend on it.").format(count=count)
        return Response({"detail": message}, status=Conflict.status_code)
    if isinstance(error, IntegrityError):
        return Response({"detail": str(Conflict.default_detail)}, status=Conflict.status_code)
    return drf_exception_handler(error, context)
