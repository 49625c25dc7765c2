"""Thailand's provinces, districts and subdistricts with the Department of Provincial Administration codes.

Reference data loaded from the geothai package by `ecotown load_geography`; read-only in the UI, so these
models keep no edit history.
"""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ecotown.core.models import Bilingual, ScopedModel
from ecotown.core.scopes import Scope
from ecotown.core.thai import thai_order


class NamedPlace(Bilingual, ScopedModel):
    code = models.CharField(_("code"), max_length=6, unique=True)
    name_th = models.CharField(_("name (Thai)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100)

    class Meta:
        abstract = True
        ordering = [thai_order("name_th")]


class Province(NamedPlace):
    """A province (จังหวัด), identified by its two-digit DOPA code (10 = Bangkok)."""

    scope = Scope.root(province="pk", area="areas")

    class Meta(NamedPlace.Meta):
        verbose_name = _("province")
        verbose_name_plural = _("provinces")

    def get_absolute_url(self):
        return reverse("geo:province_detail", kwargs={"code": self.code})

    @property
    def iso_code(self) -> str:
        """ISO 3166-2 code, which is "TH-" and the DOPA code."""
        return f"TH-{self.code}"


class District(NamedPlace):
    """A district (อำเภอ/เขต), four-digit DOPA code."""

    province = models.ForeignKey(
        Province, on_delete=models.CASCADE, related_name="districts", verbose_name=_("province")
    )

    scope = Scope.child_of("province")
    select_related_fields = ("province",)

    class Meta(NamedPlace.Meta):
        verbose_name = _("district")
        verbose_name_plural = _("districts")


class Subdistrict(NamedPlace):
    """A subdistrict (ตำบล/แขวง), six-digit DOPA code, with its postal codes."""

    district = models.ForeignKey(
        District, on_delete=models.CASCADE, related_name="subdistricts", verbose_name=_("district")
    )
    postal_codes = models.CharField(_("postal codes"), max_length=60, blank=True)

    scope = Scope.child_of("district")
    select_related_fields = ("district",)

    class Meta(NamedPlace.Meta):
        verbose_name = _("subdistrict")
        verbose_name_plural = _("subdistricts")
