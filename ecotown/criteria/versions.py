"""Which catalogue version a page shows for a fiscal year."""

from ecotown.criteria.models import Catalogue


def catalogue_for(fiscal_year: int) -> Catalogue | None:
    """The version that governs `fiscal_year`; with none in force, the newest version loaded (a draft), so a
    fresh installation still shows its catalogue."""
    return Catalogue.objects.in_force_for(fiscal_year).first() or Catalogue.objects.order_by("-loaded", "-pk").first()


def governing(catalogues, fiscal_year: int) -> Catalogue | None:
    """`catalogue_for` over versions already read (a page's picker), without another query."""
    in_force = [
        c for c in catalogues
        if c.status != "draft" and c.first_fiscal_year is not None and c.first_fiscal_year <= fiscal_year
        and (c.last_fiscal_year is None or c.last_fiscal_year >= fiscal_year)
    ]  # fmt: skip
    if in_force:
        return max(in_force, key=lambda c: (c.first_fiscal_year, c.pk))
    return max(catalogues, key=lambda c: (c.loaded, c.pk), default=None)
