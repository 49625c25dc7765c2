"""A factory's yearly mass balance (สมดุลมวล): what goes in and what comes out, submitted by its operator and
reviewed by the provincial office; and the emission factors that turn its energy use into greenhouse gases."""

from decimal import Decimal

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from ecotown.core.models import EcoTownModel
from ecotown.core.scopes import Scope
from ecotown.factories import choices

WASTE_CODE = RegexValidator(r"^\d{6}$", _("A DIW waste code has six digits, e.g. 020305."))
# Measurement uncertainty when the operator gives none: weighed and metered flows are tighter than estimates.
DEFAULT_SIGMA_PERCENT = {
    choices.FlowCategory.RAW_MATERIAL: 2, choices.FlowCategory.PRODUCT: 2, choices.FlowCategory.BY_PRODUCT: 5,
    choices.FlowCategory.WATER: 5, choices.FlowCategory.WASTEWATER: 10, choices.FlowCategory.WASTE: 10,
    choices.FlowCategory.EMISSION: 20, choices.FlowCategory.ENERGY: 2,
}  # fmt: skip


class MassBalance(EcoTownModel):
    """One factory's balance for a year (B.E.), optionally one month. Its status changes only through the named
    steps of MASS_BALANCE_WORKFLOW (services): the operator submits, the provincial officer accepts or returns."""

    factory = models.ForeignKey("factories.Factory", on_delete=models.PROTECT, related_name="mass_balances",
                                verbose_name=_("factory"))  # fmt: skip
    year = models.PositiveSmallIntegerField(_("year (B.E.)"), validators=[MinValueValidator(2540),
                                                                         MaxValueValidator(2700)])  # fmt: skip
    month = models.PositiveSmallIntegerField(_("month"), null=True, blank=True,
                                             validators=[MinValueValidator(1), MaxValueValidator(12)])  # fmt: skip
    status = models.CharField(_("status"), max_length=12, choices=choices.MassBalanceStatus.choices,
                              default=choices.MassBalanceStatus.DRAFT, editable=False)  # fmt: skip
    return_reason = models.TextField(_("reason for returning"), blank=True, editable=False)
    evidence = GenericRelation("core.Evidence", content_type_field="owner_type", object_id_field="owner_id")

    scope = Scope.child_of("factory")
    select_related_fields = ("factory__province",)
    history_related = ("flows", "evidence")

    class Meta:
        verbose_name = _("mass balance")
        verbose_name_plural = _("mass balances")
        ordering = ["factory", "-year", "month"]
        permissions = [
            ("submit_massbalance", _("Submit a factory's mass balance for review")),
            ("review_massbalance", _("Accept or return a submitted mass balance")),
        ]
        constraints = [
            models.UniqueConstraint(fields=["factory", "year"], condition=models.Q(month__isnull=True),
                                    name="factories_massbalance_unique_factory_year",
                                    violation_error_message=_("This factory already has a balance for that year.")),
            models.UniqueConstraint(fields=["factory", "year", "month"], condition=models.Q(month__isnull=False),
                                    name="factories_massbalance_unique_factory_year_month",
                                    violation_error_message=_("This factory already has a balance for that month.")),
        ]  # fmt: skip

    def __str__(self):
        period = f"{self.month}/{self.year}" if self.month else str(self.year)
        return _("Mass balance {period} · {factory}").format(period=period, factory=self.factory)

    @property
    def is_open(self) -> bool:
        """Whether the operator may still change the figures (a submitted or accepted balance is frozen)."""
        return self.status in (choices.MassBalanceStatus.DRAFT, choices.MassBalanceStatus.RETURNED)


class Flow(EcoTownModel):
    """One line of a mass balance: a raw material, water, a fuel, a product, a waste by its DIW code and route,
    wastewater or an emission, with its quantity, unit and how precisely it is known."""

    mass_balance = models.ForeignKey(MassBalance, on_delete=models.CASCADE, related_name="flows",
                                     verbose_name=_("mass balance"))  # fmt: skip
    direction = models.CharField(_("in or out"), max_length=3, choices=choices.FlowDirection.choices)
    category = models.CharField(_("category"), max_length=16, choices=choices.FlowCategory.choices)
    name = models.CharField(_("what"), max_length=200)
    quantity = models.DecimalField(_("quantity"), max_digits=16, decimal_places=3, validators=[MinValueValidator(0)])
    unit = models.CharField(_("unit"), max_length=4, choices=choices.Unit.choices)
    carrier = models.CharField(
        _("energy carrier"), max_length=20, blank=True,
        help_text=_("For energy: the emission factor's carrier, e.g. electricity, diesel."),
    )  # fmt: skip
    waste_code = models.CharField(_("DIW waste code"), max_length=6, blank=True, validators=[WASTE_CODE])
    hazardous = models.BooleanField(_("hazardous"), default=False)
    route = models.CharField(_("management route"), max_length=16, choices=choices.WasteRoute.choices, blank=True)
    sigma_percent = models.DecimalField(
        _("uncertainty (%)"), max_digits=5, decimal_places=2, null=True, blank=True,
        validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(100)],
        # xgettext:no-python-format
        help_text=_("One standard deviation, in % of the quantity. Empty: a default for the category."),
    )  # fmt: skip

    scope = Scope.child_of("mass_balance")
    select_related_fields = ("mass_balance",)

    class Meta:
        verbose_name = _("flow")
        verbose_name_plural = _("flows")
        ordering = ["mass_balance", "direction", "category", "pk"]

    def __str__(self):
        return f"{self.name} {self.quantity} {self.unit}"

    def clean(self):
        errors = {}
        if self.category == choices.FlowCategory.WASTE:
            if not self.waste_code:
                errors["waste_code"] = _("Give the waste's DIW code (6 digits).")
            if not self.route:
                errors["route"] = _("Say how the waste is managed.")
        if self.category == choices.FlowCategory.ENERGY and not self.carrier:
            errors["carrier"] = _("Say which energy carrier this is (electricity, diesel…).")
        if errors:
            raise ValidationError(errors)

    @property
    def tonnes(self) -> float | None:
        """The flow in tonnes when it is mass (or water by volume); None for energy."""
        if self.unit in choices.TO_TONNES:
            return float(self.quantity) * choices.TO_TONNES[self.unit]
        if self.unit == choices.Unit.CUBIC_METRE and self.category in (choices.FlowCategory.WATER,
                                                                        choices.FlowCategory.WASTEWATER):  # fmt: skip
            return float(self.quantity) * choices.WATER_TONNES_PER_M3
        return None

    @property
    def sigma(self) -> float:
        percent = self.sigma_percent if self.sigma_percent is not None else DEFAULT_SIGMA_PERCENT[self.category]
        return float(percent) / 100


class EmissionFactor(EcoTownModel):
    """A greenhouse-gas emission factor (ค่าการปล่อยก๊าซเรือนกระจก) for an energy carrier, valid for a period,
    with its source. Loaded from data/emission_factors.yaml; factors not taken from TGO are marked provisional."""

    carrier = models.CharField(_("energy carrier"), max_length=20)
    unit = models.CharField(_("per unit"), max_length=4, choices=choices.Unit.choices)
    kg_co2e = models.DecimalField(_("kgCO2e per unit"), max_digits=10, decimal_places=4)
    scope_number = models.PositiveSmallIntegerField(_("GHG scope"), choices=[(1, "1"), (2, "2")])
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    source = models.CharField(_("source"), max_length=300)
    provisional = models.BooleanField(_("provisional"), default=False)

    scope = Scope.national()

    class Meta:
        verbose_name = _("emission factor")
        verbose_name_plural = _("emission factors")
        ordering = ["carrier", "valid_from"]

    def __str__(self):
        return f"{self.carrier} {self.kg_co2e} kgCO2e/{self.unit}"
