"""One exporter per published dataset: `rows()` yields the dictionary's header, then the rows.

What the public may read decides what is published: each exporter starts from `for_user(<nobody signed in>,
"view")`, so `public_filter()` and the public grants of each app apply, and writes only the columns of the data
dictionary — never notes, people, contacts or who changed what. Two datasets have their own rule, as issue 18 asks
for them although their records are not public on the pages: targets (only those approved by a committee
resolution, with their result) and area outcomes (sums over at least MIN_FACTORIES factories, never one
factory's figures). Both are limited to the areas the public may read."""

from collections import defaultdict

from django.contrib.auth.models import AnonymousUser

from ecotown.areas.models import Area
from ecotown.audits.models import Certificate
from ecotown.criteria.models import Catalogue, Requirement
from ecotown.factories import balances
from ecotown.factories.choices import MassBalanceStatus
from ecotown.factories.models import EmissionFactor, Factory, MassBalance
from ecotown.opendata.dictionary import dataset
from ecotown.targets import evaluation
from ecotown.targets.models import Target

# An area's outcome for a year is published only when it sums this many factories' accepted balances or more,
# so that no factory's own figures can be read from it (provisional: a DIW decision is pending, docs/open-data.md).
MIN_FACTORIES = 3


def public_areas():
    return Area.objects.for_user(AnonymousUser(), "view")


class DatasetExporter:
    slug = ""

    @property
    def dataset(self):
        return dataset(self.slug)

    def rows(self):
        yield self.dataset.header
        yield from self.records()

    def records(self):
        raise NotImplementedError


class AreaExporter(DatasetExporter):
    slug = "areas"

    def records(self):
        for area in public_areas().select_related("province").order_by("code"):
            yield (
                area.code, area.name_th, area.name_en, area.province.code, area.province.name_th, area.kind,
                area.status, area.phase, area.joined_year, area.certified_level, area.certified_until,
                area.population, area.factory_count,
            )  # fmt: skip


class CertificateExporter(DatasetExporter):
    slug = "certificates"

    def records(self):
        certificates = Certificate.objects.for_user(AnonymousUser(), "view").filter(area__in=public_areas())
        for certificate in certificates.select_related("area", "level__catalogue").order_by("number"):
            catalogue = certificate.level.catalogue
            yield (
                certificate.number, certificate.area.code, certificate.level.number, catalogue.code,
                catalogue.version, certificate.valid_from, certificate.valid_until, certificate.state,
            )  # fmt: skip


class CatalogueExporter(DatasetExporter):
    slug = "catalogues"

    def records(self):
        for catalogue in Catalogue.objects.for_user(AnonymousUser(), "view").order_by("code", "effective_date", "pk"):
            yield (
                catalogue.code, catalogue.version, catalogue.title_th, catalogue.title_en, catalogue.status,
                catalogue.effective_date, catalogue.first_fiscal_year, catalogue.last_fiscal_year,
                catalogue.source_sha256,
            )  # fmt: skip


class RequirementExporter(DatasetExporter):
    slug = "requirements"

    def records(self):
        requirements = (
            Requirement.objects.for_user(AnonymousUser(), "view")
            .select_related("catalogue", "level")
            .prefetch_related("dimensions")
            .order_by("catalogue__code", "catalogue__effective_date", "catalogue_id", "position", "code")
        )
        for requirement in requirements:
            yield (
                requirement.catalogue.code, requirement.catalogue.version, requirement.code, requirement.kind,
                requirement.level.number if requirement.level_id else None,
                " ".join(sorted(dimension.code for dimension in requirement.dimensions.all())),
                requirement.title_th, requirement.title_en, requirement.target_required,
                requirement.target_kind, requirement.target_unit,
            )  # fmt: skip


class TargetExporter(DatasetExporter):
    """Targets a committee approved (Target.approved_by), which the area has committed to, with their result;
    drafts stay with the programme's staff."""

    slug = "targets"

    FIELDS = ("area__code", "fiscal_year", "requirement__catalogue__code", "requirement__catalogue__version",
              "requirement__code", "direction", "unit", "baseline_value", "baseline_year", "target_value",
              "actual__value", "actual__recorded_on", "requirement__target_kind")  # fmt: skip

    def records(self):
        # Plain values, not model objects: 27,000 targets of 54 areas over five years read in one query.
        targets = (
            Target.objects.filter(approved_by__isnull=False, area__in=public_areas())
            .order_by("area__code", "fiscal_year", "requirement__catalogue__code", "requirement__position",
                      "requirement__code")
            .values_list(*self.FIELDS)
        )  # fmt: skip
        for *values, target_kind in targets:
            direction, target_value, actual_value = values[5], values[9], values[10]
            yield (*values, evaluation.is_met(target_value, actual_value, target_kind, direction))


class AreaOutcomeExporter(DatasetExporter):
    """Waste by route, water, energy by carrier and greenhouse gases of each area and year, summed over the
    accepted yearly balances of its factories as the factories app sums them (factories.balances.summarise)."""

    slug = "area-outcomes"

    def records(self):
        totals = self.totals()
        for (code, year), total in sorted(totals.items()):
            count = len(total["factories"])
            if count < MIN_FACTORIES:
                continue
            for route, tonnes in sorted(total["waste"].items()):
                yield (code, year, "waste", route, tonnes, "t", count)
            yield (code, year, "water", "", total["water_m3"], "m3", count)
            for (carrier, unit), quantity in sorted(total["energy"].items()):
                yield (code, year, "energy", carrier, quantity, unit, count)
            yield (code, year, "ghg", "scope1", total["scope1_t"], "tCO2e", count)
            yield (code, year, "ghg", "scope2", total["scope2_t"], "tCO2e", count)

    def totals(self) -> dict:
        codes = dict(public_areas().values_list("pk", "code"))
        accepted = (
            MassBalance.objects.filter(status=MassBalanceStatus.ACCEPTED, month__isnull=True,
                                       factory__in=Factory.objects.filter(areas__in=list(codes)).values("pk"))
            .prefetch_related("flows", "factory__areas")
        )  # fmt: skip
        factors = list(EmissionFactor.objects.all())
        totals = defaultdict(_empty_total)
        for balance in accepted:
            summary = balances.summarise(balance, list(balance.flows.all()), factors, reconciled=False)
            for area in balance.factory.areas.all():
                if area.pk in codes:
                    _add(totals[(codes[area.pk], balance.year)], balance.factory_id, summary)
        return totals


def _empty_total() -> dict:
    return {"factories": set(), "waste": defaultdict(float), "water_m3": 0.0, "energy": defaultdict(float),
            "scope1_t": 0.0, "scope2_t": 0.0}  # fmt: skip


def _add(total: dict, factory_id: int, summary) -> None:
    total["factories"].add(factory_id)
    for route, tonnes in summary.waste_by_route.items():
        total["waste"][route] += tonnes
    total["water_m3"] += summary.water_m3
    for carrier, (quantity, unit) in summary.energy.items():
        total["energy"][(carrier, unit)] += quantity
    total["scope1_t"] += summary.scope1_t
    total["scope2_t"] += summary.scope2_t


EXPORTERS = (AreaExporter, CertificateExporter, CatalogueExporter, RequirementExporter, TargetExporter,
             AreaOutcomeExporter)  # fmt: skip
