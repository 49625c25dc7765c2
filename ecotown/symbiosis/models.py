"""Industrial symbiosis (การใช้ประโยชน์ร่วมกันของวัสดุเหลือใช้): the matching table, each matching run and the
candidate exchanges it proposes, followed up to realised exchanges whose flows enter both factories' balances.

A candidate is one supplier × receiver × material of the matching table. Matching again refreshes the figures
of candidates still proposed and leaves the ones being followed up as they are; a candidate changes status only
through the named steps of EXCHANGE_WORKFLOW (services.py).
"""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from ecotown.accounts.choices import Role
from ecotown.core.models import EcoTownModel
from ecotown.core.scopes import Scope
from ecotown.symbiosis import choices


def _figure(verbose_name, **options):
    return models.DecimalField(verbose_name, max_digits=14, decimal_places=3, **options)


class MatchingTable(EcoTownModel):
    """A version of the table that says which residues (by DIW waste code or flow) can become which inputs of
    other factories, with the distances, road factor and avoided-emission factors (data/matching.yaml)."""

    version = models.CharField(_("version"), max_length=20, unique=True)
    title_th = models.CharField(_("title (Thai)"), max_length=300)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    sha256 = models.CharField(_("SHA-256 of the file"), max_length=64, editable=False)
    content = models.JSONField(_("content"), editable=False)
    provisional = models.BooleanField(_("provisional"), default=True)

    scope = Scope.national()

    class Meta:
        verbose_name = _("matching table")
        verbose_name_plural = _("matching tables")
        ordering = ["-created", "-pk"]

    def __str__(self):
        return f"{self.title_th} ({self.version})"


class MatchingRun(EcoTownModel):
    """One run of the matching for an area: which table and balances it used, how many candidates it proposed,
    and every kind of pair it left out with the reason (counts, and examples of each)."""

    area = models.ForeignKey("areas.Area", on_delete=models.PROTECT, related_name="matching_runs",
                             verbose_name=_("area"))  # fmt: skip
    table = models.ForeignKey(MatchingTable, on_delete=models.PROTECT, related_name="runs",
                              verbose_name=_("matching table"))  # fmt: skip
    balances = models.PositiveIntegerField(_("mass balances used"), default=0)
    candidates = models.PositiveIntegerField(_("candidates proposed"), default=0)
    excluded = models.JSONField(_("pairs left out, by reason"), default=dict, blank=True)
    examples = models.JSONField(_("examples of pairs left out"), default=list, blank=True)
    seconds = models.FloatField(_("seconds taken"), default=0)

    scope = Scope.child_of("area")
    select_related_fields = ("area__province", "table")

    class Meta:
        verbose_name = _("matching run")
        verbose_name_plural = _("matching runs")
        ordering = ["-created", "-pk"]

    def __str__(self):
        return _("Matching of {area}").format(area=self.area)


class Exchange(EcoTownModel):
    """A candidate or realised exchange (การแลกเปลี่ยนวัสดุเหลือใช้ระหว่างโรงงาน): a supplier's residue, water or
    heat becoming a receiver's input, with the quantity that could move a year, the road distance, what it
    replaces and the landfill and greenhouse gases it avoids. It belongs to the supplier's area; a receiver in a
    nearby area brings that area's staff in too."""

    area = models.ForeignKey("areas.Area", on_delete=models.PROTECT, related_name="exchanges",
                             verbose_name=_("area"))  # fmt: skip
    receiver_area = models.ForeignKey(
        "areas.Area", on_delete=models.PROTECT, null=True, blank=True, related_name="received_exchanges",
        verbose_name=_("receiver's area"), help_text=_("Empty when the receiver is in the same area."),
    )  # fmt: skip
    supplier = models.ForeignKey("factories.Factory", on_delete=models.PROTECT, related_name="supplied_exchanges",
                                 verbose_name=_("supplier"))  # fmt: skip
    receiver = models.ForeignKey("factories.Factory", on_delete=models.PROTECT, related_name="received_exchanges",
                                 verbose_name=_("receiver"))  # fmt: skip
    category = models.CharField(_("material category"), max_length=40,
                                help_text=_("The code of the matching table's category."))  # fmt: skip
    material = models.CharField(_("material"), max_length=300)
    kind = models.CharField(_("kind"), max_length=12, choices=choices.ResourceKind.choices)
    waste_codes = models.CharField(_("DIW waste codes"), max_length=200, blank=True)
    hazardous = models.BooleanField(_("hazardous"), default=False)
    quantity = _figure(_("quantity a year"), validators=[MinValueValidator(0)])
    unit = models.CharField(_("unit"), max_length=4)
    distance_km = _figure(_("road distance (km)"), null=True, blank=True)
    replaces = models.CharField(_("replaces"), max_length=20, choices=choices.Replaced.choices)
    replaces_material = models.CharField(_("virgin material replaced"), max_length=300, blank=True)
    diverted_t = _figure(_("tonnes diverted a year"), default=0)
    landfill_avoided_t = _figure(_("landfill avoided (t/year)"), default=0)
    ghg_avoided_t = _figure(_("GHG avoided (tCO2e/year)"), default=0)
    status = models.CharField(_("status"), max_length=12, choices=choices.ExchangeStatus.choices,
                              default=choices.ExchangeStatus.PROPOSED, editable=False)  # fmt: skip
    status_reason = models.TextField(_("reason"), blank=True, editable=False)
    start_date = models.DateField(_("start date"), null=True, blank=True, editable=False)
    end_date = models.DateField(_("end date"), null=True, blank=True, editable=False)
    table = models.ForeignKey(MatchingTable, on_delete=models.PROTECT, related_name="exchanges",
                              verbose_name=_("matching table"))  # fmt: skip
    run = models.ForeignKey(MatchingRun, on_delete=models.PROTECT, null=True, blank=True, related_name="exchanges",
                            verbose_name=_("matching run"))  # fmt: skip

    scope = Scope.root(
        province=["area__province", "receiver_area__province"], area=["area", "receiver_area"],
        assigned={Role.FACTORY_OPERATOR: ["supplier__operators", "receiver__operators"]},
    )  # fmt: skip
    select_related_fields = ("area__province", "receiver_area", "supplier", "receiver")
    history_related = ("flows",)

    class Meta:
        verbose_name = _("exchange")
        verbose_name_plural = _("exchanges")
        # The ranking: most tonnes diverted first, then the shortest distance.
        ordering = ["-diverted_t", "distance_km", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["supplier", "receiver", "category"],
                                    name="symbiosis_exchange_unique_supplier_receiver_category",
                                    violation_error_message=_("This pair already has an exchange of this material.")),
            models.CheckConstraint(condition=~models.Q(supplier=models.F("receiver")),
                                   name="symbiosis_exchange_two_factories",
                                   violation_error_message=_("An exchange is between two different factories.")),
        ]  # fmt: skip

    def __str__(self):
        return _("{material}: {supplier} → {receiver}").format(
            material=self.material, supplier=self.supplier, receiver=self.receiver
        )

    def clean(self):
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date comes before the start date.")})


class ExchangeFlow(EcoTownModel):
    """The flow a realised exchange put into one factory's mass balance for one year: out of the supplier's
    balance, into the receiver's. Kept so that adding the flows again changes nothing."""

    class Side(models.TextChoices):
        SUPPLIER = "supplier", _("Supplier")
        RECEIVER = "receiver", _("Receiver")

    exchange = models.ForeignKey(Exchange, on_delete=models.PROTECT, related_name="flows",
                                 verbose_name=_("exchange"))  # fmt: skip
    side = models.CharField(_("side"), max_length=10, choices=Side.choices)
    year = models.PositiveSmallIntegerField(_("year (B.E.)"))
    # The operator may still correct or remove the line in an open balance; the posting stays recorded, so the
    # exchange does not put it back.
    flow = models.OneToOneField("factories.Flow", on_delete=models.SET_NULL, null=True, blank=True,
                                related_name="exchange_link", verbose_name=_("flow"))  # fmt: skip

    scope = Scope.child_of("exchange")
    select_related_fields = ("exchange", "flow__mass_balance")

    class Meta:
        verbose_name = _("flow of an exchange")
        verbose_name_plural = _("flows of exchanges")
        ordering = ["exchange", "year", "side"]
        constraints = [
            models.UniqueConstraint(fields=["exchange", "side", "year"],
                                    name="symbiosis_exchangeflow_unique_exchange_side_year"),
        ]  # fmt: skip

    def __str__(self):
        return f"{self.exchange} · {self.get_side_display()} {self.year}"
