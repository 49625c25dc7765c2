"""Factories before and after (factories): legal compliance (the latest check of each topic by the day), the
management systems held (factories.management_systems), CSR-DIW and Green Industry coverage, read at the end of
the baseline year and at the end of the current one (or the cut-off date)."""

from collections import Counter

from django.db.models import Count
from django.utils.translation import gettext as _

from ecotown.factories import choices
from ecotown.factories.management_systems import with_standing
from ecotown.factories.models import Certification, ComplianceCheck, Factory
from ecotown.reports.charts import Chart
from ecotown.reports.sections import Table, change_percent


def compliance_on(factories, day) -> Counter:
    """Factories checked, fully compliant and with a topic not compliant, by each topic's latest check."""
    latest = {}
    checks = (
        ComplianceCheck.objects.filter(factory__in=factories, checked_on__lte=day)
        .order_by("factory_id", "topic", "checked_on", "pk")
        .values_list("factory_id", "topic", "result")
    )
    for factory_id, topic, result in checks:  # fmt: skip
        latest[(factory_id, topic)] = result
    by_factory = {}
    for (factory_id, _topic), result in latest.items():
        by_factory.setdefault(factory_id, set()).add(result)
    counts = Counter(checked=len(by_factory))
    for results in by_factory.values():
        counts["not_compliant" if choices.ComplianceResult.NOT_COMPLIANT in results else "compliant"] += 1
    return counts


def systems_on(factories, day) -> Counter:
    counts = Counter()
    for environmental, safety, csr in with_standing(Factory.objects.filter(pk__in=factories), day).values_list(
        "has_environmental", "has_safety", "has_csr"
    ):
        counts["environmental"] += environmental
        counts["safety"] += safety
        counts["csr"] += csr
        counts["complete"] += environmental and safety and csr
    valid = Certification.objects.filter(factory__in=factories, valid_from__lte=day).exclude(valid_until__lt=day)
    per_scheme = valid.values("scheme").order_by().annotate(n=Count("factory", distinct=True))
    per_scheme = per_scheme.values_list("scheme", "n")
    for scheme, number in per_scheme:
        counts[f"scheme:{scheme}"] = number
    return counts


def build(inp, result) -> None:
    factories = Factory.objects.filter(areas=inp.area).values("pk")
    total = Factory.objects.filter(areas=inp.area).count()
    if not total:
        result.missing.append(_("Factories: no factory of the area is in the database."))
        return
    days = (inp.year_end(inp.baseline), inp.year_end(inp.current))
    compliance = [compliance_on(factories, day) for day in days]
    systems = [systems_on(factories, day) for day in days]
    indicators = [
        (_("Factories with a legal compliance check"), [c["checked"] for c in compliance]),
        (_("Compliant on every topic checked"), [c["compliant"] for c in compliance]),
        (_("Not compliant on a topic"), [c["not_compliant"] for c in compliance]),
        (_("Environmental management system"), [s["environmental"] for s in systems]),
        (_("Safety management system"), [s["safety"] for s in systems]),
        (_("CSR-DIW"), [s["csr"] for s in systems]),
        (_("All three (environment, safety, CSR-DIW)"), [s["complete"] for s in systems]),
        *[(str(label), [s[f"scheme:{scheme}"] for s in systems]) for scheme, label in choices.Scheme.choices],
    ]
    rows = []
    for label, (before, after) in indicators:
        change = change_percent(before, after)
        rows.append([label, before, round(100 * before / total, 1), after, round(100 * after / total, 1),
                     round(change, 1) if change is not None else None])  # fmt: skip
    result.paragraphs.append(_("{n} factories of the area are in the database; shares are of all of them.")
                             .format(n=total))  # fmt: skip
    result.tables.append(Table("factories", _("Factories before and after"), [
        _("Indicator"), _("Baseline (factories)"), _("Baseline (%)"), _("Current (factories)"), _("Current (%)"),
        _("Change (%)")], rows))  # fmt: skip
    unchecked = total - compliance[1]["checked"]
    if unchecked:
        result.missing.append(_("Factories: {n} of {total} factories have no legal compliance check by the end of "
                                "the current year.").format(n=unchecked, total=total))  # fmt: skip
    shown = indicators[1:2] + indicators[3:7]
    result.charts.append(Chart(_("Factories before and after"), _("factories"), [label for label, _v in shown], [
        (_("FY {year}").format(year=inp.baseline), [values[0] for _l, values in shown]),
        (_("FY {year}").format(year=inp.current), [values[1] for _l, values in shown]),
    ], horizontal=True))  # fmt: skip
