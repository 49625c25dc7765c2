from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from ecotown.accounts.choices import ScopeKind
from ecotown.areas.choices import AreaKind, AreaStatus
from ecotown.core.models import EcoTownModel
from ecotown.core.thai import thai_order


class Area(EcoTownModel):
    """An eco-industrial town area (พื้นที่เมืองอุตสาหกรรมเชิงนิเวศ) inside one province.

    A province may hold several areas (Rayong: the pollution-control zone and the IRPC industrial zone).
    """

    code = models.SlugField(_("code"), max_length=40, unique=True, help_text=_("Short unique code, e.g. RYG-PCZ."))
    name_th = models.CharField(_("name (Thai)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    province = models.ForeignKey(
        "geo.Province", on_delete=models.PROTECT, related_name="areas", verbose_name=_("province")
    )
    kind = models.CharField(_("kind of area"), max_length=32, choices=AreaKind.choices)
    districts = models.ManyToManyField(
        "geo.District", blank=True, related_name="areas", verbose_name=_("districts covered")
    )
    subdistricts = models.ManyToManyField(
        "geo.Subdistrict", blank=True, related_name="areas", verbose_name=_("subdistricts covered")
    )
    boundary = models.JSONField(_("boundary (GeoJSON)"), null=True, blank=True)
    joined_year = models.PositiveSmallIntegerField(
        _("year joined (B.E.)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(2550), MaxValueValidator(2650)],
    )
    phase = models.PositiveSmallIntegerField(_("phase"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=AreaStatus.choices, default=AreaStatus.CANDIDATE)
    certified_level = models.PositiveSmallIntegerField(
        _("certified level"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    certified_until = models.DateField(_("certificate valid until"), null=True, blank=True)
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    factory_count = models.PositiveIntegerField(_("number of factories"), null=True, blank=True)
    main_industries = models.TextField(_("main industries"), blank=True)
    key_problems = models.TextField(_("key local problems"), blank=True)

    scope_lookups = {ScopeKind.PROVINCE: ["province"], ScopeKind.AREA: ["pk"]}

    class Meta:
        verbose_name = _("area")
        verbose_name_plural = _("areas")
        ordering = [thai_order("name_th")]

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        if (get_language() or "th").startswith("en") and self.name_en:
            return self.name_en
        return self.name_th

    def named_boundary_features(self) -> list[dict]:
        """The boundary's features labelled with the area's name, for maps that show several areas."""
        features = (self.boundary or {}).get("features", [])
        return [{**feature, "properties": {**feature.get("properties", {}), "name": self.name}} for feature in features]

    def clean(self):
        if self.status == AreaStatus.CERTIFIED and not self.certified_level:
            raise ValidationError({"certified_level": _("A certified area needs the level it was certified at.")})
        if self.status != AreaStatus.CERTIFIED and self.certified_level:
            raise ValidationError({"certified_level": _("Only a certified area has a certified level.")})


class AreaContact(EcoTownModel):
    """A person to contact about an area: secretariat, local government, industrial estate office."""

    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="contacts", verbose_name=_("area"))
    name = models.CharField(_("name"), max_length=200)
    position = models.CharField(_("position"), max_length=200, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    phone = models.CharField(_("telephone"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)

    scope_lookups = {ScopeKind.PROVINCE: ["area__province"], ScopeKind.AREA: ["area"]}

    class Meta:
        verbose_name = _("area contact")
        verbose_name_plural = _("area contacts")
        ordering = ["area", "name"]

    def __str__(self):
        return self.name

    @classmethod
    def get_list_url(cls):
        return reverse("areas:area_list")


class Programme(EcoTownModel):
    """The national programme and its targets, kept as data because sources differ (39 provinces; 53 or 54
    areas) and DIW revises them."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name_th = models.CharField(_("name (Thai)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    target_provinces = models.PositiveSmallIntegerField(_("target number of provinces"))
    target_areas = models.PositiveSmallIntegerField(_("target number of areas"))
    target_year = models.PositiveSmallIntegerField(_("target year (B.E.)"), null=True, blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        ordering = ["code"]

    def __str__(self):
        return self.name_en if (get_language() or "th").startswith("en") and self.name_en else self.name_th

    def get_absolute_url(self):
        return reverse("areas:area_list")
