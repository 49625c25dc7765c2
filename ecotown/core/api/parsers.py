"""Request parsers: DRF's, refusing bodies that would make Python's parser fail with a 500."""

from django.utils.translation import gettext as _
from rest_framework import parsers
from rest_framework.exceptions import ParseError


class JSONParser(parsers.JSONParser):
    """JSON nested too deep for Python's parser (e.g. 100,000 brackets) is a 400 with a message, not a
    RecursionError (issue 13). NaN and Infinity are already refused by DRF."""

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError as error:
            raise ParseError(_("The JSON is nested too deeply.")) from error
