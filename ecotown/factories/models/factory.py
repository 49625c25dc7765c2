import contextlib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from ecotown.accounts.choices import Role
from ecotown.core.models import EcoTownModel
from ecotown.core.scopes import Scope
from ecotown.core.thai import thai_order
from ecotown.factories import choices
from ecotown.factories.registration import NEW, InvalidRegistration, normalise_registration

# Thailand's extent with a margin (research: the Ministry's feed holds points in the sea and abroad).
LATITUDE = (5.5, 20.6)
LONGITUDE = (97.3, 105.7)


class Factory(EcoTownModel):
    """A factory (โรงงาน) on the DIW register: who runs it, what it makes, where it is and how big it is.

    Identified by the 14-digit registration number; the old-format number is kept beside it because letters,
    permits and people still use it. A factory is a scope root: its province's officers and the areas it sits in
    reach it, and so do its operators (the accounts linked to it) and the consultants of its consulting engagements
    (support.ConsultingEngagement).
    """

    registration_number = models.CharField(
        _("registration number"), max_length=14, unique=True, help_text=_("The 14-digit number, e.g. 10180000125417.")
    )
    old_registration_number = models.CharField(
        _("old registration number"), max_length=40, blank=True, db_index=True, help_text=_("e.g. 3-105-1/60ชบ")
    )
    ministry_id = models.CharField(_("Ministry record id (FID)"), max_length=30, blank=True)
    name = models.CharField(_("factory name"), max_length=300)
    operator_name = models.CharField(_("operator"), max_length=300, blank=True, help_text=_("The licence holder."))
    activity = models.TextField(_("activity"), blank=True, help_text=_("What the factory does (ประกอบกิจการ)."))
    factory_class = models.CharField(_("factory class"), max_length=1, choices=choices.FactoryClass.choices, blank=True)
    main_type_code = models.CharField(
        _("main type code"), max_length=12, blank=True, help_text=_("ลำดับประเภทโรงงานหลัก, e.g. 00100 or 64(6).")
    )
    secondary_type_codes = models.CharField(
        _("secondary type codes"), max_length=120, blank=True, help_text=_("ลำดับประเภทรอง, separated by commas.")
    )
    isic_code = models.CharField(_("ISIC code"), max_length=8, blank=True)
    horsepower = models.DecimalField(
        _("machinery (horsepower)"), max_digits=14, decimal_places=2, null=True, blank=True,
        validators=[MinValueValidator(0)],
    )  # fmt: skip
    workers = models.PositiveIntegerField(_("workers"), null=True, blank=True)
    capital = models.DecimalField(
        _("capital (baht)"), max_digits=18, decimal_places=2, null=True, blank=True, validators=[MinValueValidator(0)]
    )
    house_number = models.CharField(_("house number"), max_length=100, blank=True)
    moo = models.CharField(_("moo"), max_length=20, blank=True)
    soi = models.CharField(_("soi"), max_length=150, blank=True)
    road = models.CharField(_("road"), max_length=150, blank=True)
    province = models.ForeignKey(
        "geo.Province", on_delete=models.PROTECT, related_name="factories", verbose_name=_("province")
    )
    district = models.ForeignKey(
        "geo.District", on_delete=models.PROTECT, null=True, blank=True, related_name="factories",
        verbose_name=_("district"),
    )  # fmt: skip
    subdistrict = models.ForeignKey(
        "geo.Subdistrict", on_delete=models.PROTECT, null=True, blank=True, related_name="factories",
        verbose_name=_("subdistrict"),
    )  # fmt: skip
    district_name = models.CharField(
        _("district as published"), max_length=100, blank=True,
        help_text=_("Kept as the source wrote it when it matches no district."),
    )  # fmt: skip
    subdistrict_name = models.CharField(_("subdistrict as published"), max_length=100, blank=True)
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True,
        validators=[MinValueValidator(LATITUDE[0]), MaxValueValidator(LATITUDE[1])],
    )  # fmt: skip
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True,
        validators=[MinValueValidator(LONGITUDE[0]), MaxValueValidator(LONGITUDE[1])],
    )  # fmt: skip
    in_industrial_estate = models.BooleanField(_("inside an industrial estate"), default=False)
    industrial_estate = models.CharField(_("industrial estate"), max_length=200, blank=True)
    operating_status = models.CharField(
        _("operating status"), max_length=12, choices=choices.OperatingStatus.choices,
        default=choices.OperatingStatus.OPERATING,
    )  # fmt: skip
    source_updated = models.DateField(_("updated at the source"), null=True, blank=True)
    areas = models.ManyToManyField("areas.Area", blank=True, related_name="factories", verbose_name=_("areas"))
    operators = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="operated_factories", verbose_name=_("operator accounts"),
        help_text=_("Accounts of the factory's own staff, who enter and submit its data."),
    )  # fmt: skip
    is_demo = models.BooleanField(_("demo data"), default=False, editable=False)

    scope = Scope.root(
        province="province", area="areas",
        assigned={Role.FACTORY_OPERATOR: "operators", Role.CONSULTANT: "consulting_engagements__consultant"},
    )  # fmt: skip
    select_related_fields = ("province", "district", "subdistrict")
    _history_m2m_fields = ["areas", "operators"]

    class Meta:
        verbose_name = _("factory")
        verbose_name_plural = _("factories")
        ordering = [thai_order("name"), "registration_number"]
        permissions = [("import_factory", _("Import factories from the Ministry's open-data file"))]
        indexes = [models.Index(fields=["province", "operating_status"], name="factories_factory_prov_status")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(latitude__isnull=True, longitude__isnull=True)
                | models.Q(latitude__isnull=False, longitude__isnull=False),
                name="factories_factory_both_coordinates",
                violation_error_message=_("Give both latitude and longitude, or neither."),
            )
        ]

    def __str__(self):
        return self.name

    def clean_fields(self, exclude=None):
        # Normalise first, so that `="10130000000007"` pasted from a spreadsheet is not refused for its length.
        for name in ("registration_number", "old_registration_number"):
            with contextlib.suppress(InvalidRegistration):  # clean() explains
                setattr(self, name, normalise_registration(getattr(self, name)).number)
        super().clean_fields(exclude=exclude)

    def clean(self):
        errors = {}
        try:
            registration = normalise_registration(self.registration_number)
        except InvalidRegistration as problem:
            errors["registration_number"] = str(problem)
        else:
            if registration.kind != NEW:
                errors["registration_number"] = _("Give the 14-digit number here; the old one has its own field.")
            else:
                self.registration_number = registration.number
        if self.old_registration_number:
            try:
                self.old_registration_number = normalise_registration(self.old_registration_number).number
            except InvalidRegistration as problem:
                errors["old_registration_number"] = str(problem)
        if self.district_id and self.district.province_id != self.province_id:
            errors["district"] = _("This district is not in the factory's province.")
        if self.subdistrict_id and self.district_id and self.subdistrict.district_id != self.district_id:
            errors["subdistrict"] = _("This subdistrict is not in the factory's district.")
        if (self.latitude is None) != (self.longitude is None):
            errors["longitude"] = _("Give both latitude and longitude, or neither.")
        if errors:
            raise ValidationError(errors)

    @property
    def address(self) -> str:
        parts = [
            self.house_number,
            f"หมู่ {self.moo}" if self.moo else "",
            f"ซอย{self.soi}" if self.soi else "",
            f"ถนน{self.road}" if self.road else "",
            f"ตำบล{self.subdistrict.name_th}" if self.subdistrict_id else self.subdistrict_name,
            f"อำเภอ{self.district.name_th}" if self.district_id else self.district_name,
            f"จังหวัด{self.province.name_th}",
        ]
        return " ".join(part for part in parts if part)
