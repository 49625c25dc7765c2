from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ecotown.areas.choices import AreaKind, AreaStatus
from ecotown.core.models import Bilingual, EcoTownModel
from ecotown.core.scopes import Scope
from ecotown.core.thai import thai_order
from ecotown.core.workflow import ANY, Transition, Workflow


class Area(Bilingual, EcoTownModel):
    """An eco-industrial town area (พื้นที่เมืองอุตสาหกรรมเชิงนิเวศ) inside one province.

    A province may hold several areas (Rayong: the pollution-control zone and the IRPC industrial zone). Its
    status and certified level are never typed in a form: they change through the named steps of
    AREA_WORKFLOW (areas.services), which only the DIW administrator may take until the audits app derives
    them from the expert committee's decisions.
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

    scope = Scope.root(province="province", area="pk")
    select_related_fields = ("province",)
    _history_m2m_fields = ["districts", "subdistricts"]

    class Meta:
        verbose_name = _("area")
        verbose_name_plural = _("areas")
        ordering = [thai_order("name_th")]
        permissions = [("set_status_area", _("Set the programme status and certified level of an area"))]

    def named_boundary_features(self) -> list[dict]:
        """The boundary's features labelled with the area's name, for maps that show several areas.

        Boundaries stored before uploads were checked strictly (areas.geojson) may hold null or odd properties,
        or things that are not features: those are skipped or mended here, never a server error on public pages.
        """
        features = self.boundary.get("features") if isinstance(self.boundary, dict) else None
        if not isinstance(features, list):
            return []
        return [
            {**feature, "properties": {**_as_dict(feature.get("properties")), "name": self.name}}
            for feature in features
            if isinstance(feature, dict)
        ]

    def clean(self):
        if self.status == AreaStatus.CERTIFIED and not self.certified_level:
            raise ValidationError({"certified_level": _("A certified area needs the level it was certified at.")})
        if self.status != AreaStatus.CERTIFIED and self.certified_level:
            raise ValidationError({"certified_level": _("Only a certified area has a certified level.")})


def _as_dict(value) -> dict:
    return value if isinstance(value, dict) else {}


class AreaContact(EcoTownModel):
    """A person to contact about an area: secretariat, local government, industrial estate office."""

    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="contacts", verbose_name=_("area"))
    name = models.CharField(_("name"), max_length=200)
    position = models.CharField(_("position"), max_length=200, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    phone = models.CharField(_("telephone"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)

    scope = Scope.child_of("area")
    select_related_fields = ("area",)

    class Meta:
        verbose_name = _("area contact")
        verbose_name_plural = _("area contacts")
        ordering = ["area", "name"]

    def __str__(self):
        return self.name

    @classmethod
    def get_list_url(cls):
        return reverse("areas:area_list")


class Programme(Bilingual, EcoTownModel):
    """The national programme and its targets, kept as data because sources differ (39 provinces; 53 or 54
    areas) and DIW revises them. Its action-plan period (2566–2570 today) decides the fiscal years that target
    tables, exports and imports show."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name_th = models.CharField(_("name (Thai)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    target_provinces = models.PositiveSmallIntegerField(_("target number of provinces"))
    target_areas = models.PositiveSmallIntegerField(_("target number of areas"))
    target_year = models.PositiveSmallIntegerField(_("target year (B.E.)"), null=True, blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True)
    plan_first_year = models.PositiveSmallIntegerField(
        _("first fiscal year of the action plan (B.E.)"), default=2566, validators=[MinValueValidator(2550)]
    )
    plan_last_year = models.PositiveSmallIntegerField(
        _("last fiscal year of the action plan (B.E.)"), default=2570, validators=[MaxValueValidator(2650)]
    )

    scope = Scope.national()

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        ordering = ["code"]

    def get_absolute_url(self):
        return reverse("areas:area_list")

    @property
    def plan_years(self) -> tuple[int, ...]:
        return tuple(range(self.plan_first_year, self.plan_last_year + 1))

    def clean(self):
        if self.plan_first_year and self.plan_last_year and self.plan_last_year < self.plan_first_year:
            raise ValidationError({"plan_last_year": _("The plan cannot end before it starts.")})


AREA_WORKFLOW = Workflow(
    "status",
    Transition("start_development", (AreaStatus.CANDIDATE,), AreaStatus.DEVELOPING, "areas.set_status_area",
               _("Start developing the area"), needs_reason=True),
    Transition("record_certification", (ANY,), AreaStatus.CERTIFIED, "areas.set_status_area",
               _("Record a certification"), needs_reason=True),
    Transition("lapse", (AreaStatus.CERTIFIED,), AreaStatus.LAPSED, "areas.set_status_area",
               _("Record that the certification lapsed"), needs_reason=True),
)  # fmt: skip
