"""Database errors that a request can still cause (a race between two writers) become a 409 with a message."""

from django.db import IntegrityError
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from ecotown.core.api.viewsets import Conflict


def exception_handler(error, context):
    if isinstance(error, IntegrityError):
        return Response({"detail": str(Conflict.default_detail)}, status=Conflict.status_code)
    return drf_exception_handler(error, context)
