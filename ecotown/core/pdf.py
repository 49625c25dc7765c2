"""Printable documents in Thai: an HTML template rendered to PDF by WeasyPrint.

The templates extend `core/pdf/base.html`, which sets A4 pages, page numbers and the Thai fonts Debian ships
with `fonts-thai-tlwg` (Laksaman is the open TH Sarabun that Thai government documents use; Garuda as fallback).
"""

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.translation import get_language


def render_pdf(template_name: str, context: dict, request=None) -> bytes:
    from weasyprint import HTML

    html = render_to_string(template_name, {**context, "language": get_language()}, request=request)
    return HTML(string=html).write_pdf()


def pdf_response(template_name: str, context: dict, filename: str, request=None, inline: bool = True) -> HttpResponse:
    response = HttpResponse(render_pdf(template_name, context, request), content_type="application/pdf")
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response
