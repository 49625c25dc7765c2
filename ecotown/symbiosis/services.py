"""Named changes to exchanges, each with the acting user (history records who and why).

`run_matching` proposes candidates for an area from the latest accepted balances; a candidate then goes
proposed → contacted → trial → realised through EXCHANGE_WORKFLOW, or is dropped with the reason at any point
(a realised exchange that stops is dropped too, and ends on that day). Realising an exchange puts its flow into
both factories' yearly mass balances from its start date (`post_flows`, re-run safely as the years go by).
"""

import datetime
import time
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history.utils import bulk_create_with_history

from ecotown.core.dates import to_be
from ecotown.core.workflow import Transition, Workflow
from ecotown.factories.choices import FlowCategory, FlowDirection, WasteRoute
from ecotown.factories.models import Factory, Flow, MassBalance
from ecotown.symbiosis import matching, sources
from ecotown.symbiosis.choices import ExchangeStatus
from ecotown.symbiosis.models import Exchange, ExchangeFlow, MatchingRun
from ecotown.symbiosis.table import current_table

S = ExchangeStatus
EXCHANGE_WORKFLOW = Workflow(
    "status",
    Transition("contact", (S.PROPOSED,), S.CONTACTED, "symbiosis.change_exchange",
               gettext_lazy("Record that both factories were contacted")),
    Transition("start_trial", (S.CONTACTED,), S.TRIAL, "symbiosis.change_exchange", gettext_lazy("Start a trial")),
    Transition("realise", (S.CONTACTED, S.TRIAL), S.REALISED, "symbiosis.change_exchange",
               gettext_lazy("Record the exchange as realised")),
    Transition("drop", (S.PROPOSED, S.CONTACTED, S.TRIAL, S.REALISED), S.DROPPED, "symbiosis.change_exchange",
               gettext_lazy("Drop"), needs_reason=True),
)  # fmt: skip
# The supplier's old routes a realised exchange takes its quantity from first (the harm it spares first).
REPLACED_FIRST = (WasteRoute.LANDFILL, WasteRoute.TREATMENT, WasteRoute.ENERGY_RECOVERY)


# -- matching ---------------------------------------------------------------------------------------------------


@transaction.atomic
def run_matching(area, *, acting_user, table=None, day=None) -> MatchingRun:
    """Propose the area's candidate exchanges from the latest accepted balances and record what was left out."""
    table = table or current_table()
    if table is None:
        raise ValidationError(_("No matching table is loaded: run “ecotown load_matching_table” first."))
    started = time.perf_counter()
    rules = table.content
    factories = sources.factories_in_reach(area, max(rules["max_distance_km"].values()))
    balance_ids = sources.latest_balances(factories)
    own = set(area.factories.values_list("pk", flat=True))
    sites = sources.sites(factories, rules["hazardous_receiver_types"], day)
    result = matching.match(rules, sites, sources.lines(balance_ids), suppliers=own)
    found = result.candidates
    run = MatchingRun(area=area, table=table, balances=len(balance_ids), candidates=len(found),
                      excluded=dict(result.excluded), examples=[_example(e) for e in result.examples])  # fmt: skip
    run._history_user = acting_user
    run.save()
    _save_candidates(area, table, run, found, own, acting_user)
    run.seconds = round(time.perf_counter() - started, 3)
    run.save(update_fields=["seconds"])
    return run


def _example(exclusion) -> dict:
    return {"supplier": exclusion.supplier_id, "receiver": exclusion.receiver_id, "category": exclusion.category,
            "reason": exclusion.reason, "distance_km": exclusion.distance_km}  # fmt: skip


def _save_candidates(area, table, run, candidates, own, acting_user):
    """New candidates are created and those still proposed refreshed, in bulk with their history records."""
    categories = {category["code"]: category for category in table.content["categories"]}
    receiver_areas = _receiver_areas(area, {c.receiver_id for c in candidates} - own)
    existing = {(e.supplier_id, e.receiver_id, e.category): e
                for e in Exchange.objects.filter(supplier_id__in=own)}  # fmt: skip
    created, refreshed = [], []
    for candidate in candidates:
        category = categories[candidate.category]
        values = _values(candidate, category, table, run, receiver_areas.get(candidate.receiver_id))
        exchange = existing.get((candidate.supplier_id, candidate.receiver_id, candidate.category))
        if exchange is None:
            created.append(Exchange(area=area, supplier_id=candidate.supplier_id, receiver_id=candidate.receiver_id,
                                    category=candidate.category, **values))  # fmt: skip
        elif exchange.status == S.PROPOSED and _differs(exchange, values):
            # Only a proposed candidate whose figures moved is refreshed; one being followed up keeps the figures
            # agreed, not the matching's.
            for name, value in values.items():
                setattr(exchange, name, value)
            exchange.revision += 1
            refreshed.append(exchange)
    reason = _("Matching run")
    bulk_create_with_history(created, Exchange, batch_size=500, default_user=acting_user,
                             default_change_reason=reason)  # fmt: skip
    # One UPDATE a row: Django's bulk_update builds a CASE per field and row, and took 10 s for 500 rows.
    for exchange in refreshed:
        Exchange.objects.filter(pk=exchange.pk).update(**{name: getattr(exchange, name) for name in UPDATED})
    Exchange.history.bulk_history_create(refreshed, update=True, default_user=acting_user,
                                         default_change_reason=reason)  # fmt: skip


def _differs(exchange, values) -> bool:
    moved = (name for name in values if name not in ("run_id", "last_updated"))
    return any(getattr(exchange, name) != values[name] for name in moved)


def _values(candidate, category, table, run, receiver_area) -> dict:
    return {
        "material": category["title"]["th"], "kind": candidate.kind, "hazardous": candidate.hazardous,
        "waste_codes": ", ".join(candidate.waste_codes), "quantity": _decimal(candidate.quantity),
        "unit": candidate.unit, "distance_km": _decimal(candidate.distance_km), "replaces": candidate.replaces,
        "replaces_material": category["replaces_material"]["th"], "diverted_t": _decimal(candidate.diverted_t),
        "landfill_avoided_t": _decimal(candidate.landfill_avoided_t),
        "ghg_avoided_t": _decimal(candidate.ghg_avoided_t), "receiver_area_id": receiver_area, "table_id": table.pk,
        "run_id": run.pk, "last_updated": timezone.now(),
    }  # fmt: skip


UPDATED = ("material", "kind", "hazardous", "waste_codes", "quantity", "unit", "distance_km", "replaces",
           "replaces_material", "diverted_t", "landfill_avoided_t", "ghg_avoided_t", "receiver_area_id", "table_id",
           "run_id", "revision", "last_updated")  # fmt: skip


def _receiver_areas(area, receivers) -> dict:
    """A receiver outside the area belongs to the first of its other areas."""
    found = {}
    for factory_id, area_id in (
        Factory.areas.through.objects.filter(factory_id__in=receivers)
        .exclude(area=area)
        .order_by("area_id")
        .values_list("factory_id", "area_id")
    ):
        found.setdefault(factory_id, area_id)
    return found


def _decimal(value: float) -> Decimal:
    return Decimal(str(round(value, 3)))


# -- following a candidate up -----------------------------------------------------------------------------------


@transaction.atomic
def contact(exchange, *, acting_user, reason=""):
    return EXCHANGE_WORKFLOW.run(exchange, "contact", acting_user=acting_user, reason=reason)


@transaction.atomic
def start_trial(exchange, *, acting_user, reason=""):
    return EXCHANGE_WORKFLOW.run(exchange, "start_trial", acting_user=acting_user, reason=reason)


@transaction.atomic
def realise(exchange, *, acting_user, start_date: datetime.date, quantity=None, reason="", today=None):
    """The exchange runs from `start_date` at `quantity` a year (the candidate's figure when not given, and the
    avoided landfill and GHG scaled with it); its flows go into both factories' balances."""
    if start_date is None:
        raise ValidationError({"start_date": _("Give the date the exchange started.")})
    changes = {"start_date": start_date, "status_reason": ""}
    if quantity is not None:
        quantity = Decimal(quantity)
        if quantity <= 0:
            raise ValidationError({"quantity": _("The quantity a year must be above zero.")})
        if exchange.quantity:
            share = quantity / exchange.quantity
            for name in ("diverted_t", "landfill_avoided_t", "ghg_avoided_t"):
                changes[name] = (getattr(exchange, name) * share).quantize(Decimal("0.001"))
        changes["quantity"] = quantity
    EXCHANGE_WORKFLOW.run(exchange, "realise", acting_user=acting_user, reason=reason, **changes)
    post_flows(exchange, acting_user=acting_user, today=today)
    return exchange


@transaction.atomic
def drop(exchange, *, acting_user, reason: str, day=None):
    changes = {"status_reason": reason}
    if exchange.status == S.REALISED:
        changes["end_date"] = day or timezone.localdate()
    return EXCHANGE_WORKFLOW.run(exchange, "drop", acting_user=acting_user, reason=reason, **changes)


STEPS = {"contact": contact, "start_trial": start_trial, "realise": realise, "drop": drop}


# -- the realised exchange in the mass balances ----------------------------------------------------------------


def share_of_year(start: datetime.date, end: datetime.date | None, first: datetime.date, last: datetime.date):
    """The fraction of the period first..last (inclusive) during which an exchange from start to end ran."""
    begin, finish = max(start, first), min(end or last, last)
    if finish < begin:
        return 0.0
    return ((finish - begin).days + 1) / ((last - first).days + 1)


@transaction.atomic
def post_flows(exchange, *, acting_user, today=None) -> dict:
    """Put the exchange's flow into the supplier's and the receiver's balance of each year (B.E.) from its start
    to today, at the quantity a year times the share of the year it ran. A year with no balance gets a draft
    one; a submitted or accepted balance is left alone and reported (its office returns it to take the flow).
    Already posted years are skipped, so this is safe to run again. Returns {"posted": [...], "waiting": [...]}."""
    today = today or timezone.localdate()
    report = {"posted": [], "waiting": []}
    if exchange.status not in (S.REALISED, S.DROPPED) or exchange.start_date is None:
        return report
    posted = set(exchange.flows.values_list("side", "year"))
    for year_ce in range(exchange.start_date.year, today.year + 1):
        share = share_of_year(exchange.start_date, exchange.end_date, datetime.date(year_ce, 1, 1),
                              datetime.date(year_ce, 12, 31))  # fmt: skip
        if share <= 0:
            continue
        year = to_be(year_ce)
        for side, factory in ((ExchangeFlow.Side.SUPPLIER, exchange.supplier), (ExchangeFlow.Side.RECEIVER,
                                                                                 exchange.receiver)):  # fmt: skip
            if (side, year) in posted:
                continue
            balance = _balance(factory, year, acting_user)
            if not balance.is_open:
                report["waiting"].append((side, year))
                continue
            quantity = (exchange.quantity * Decimal(str(share))).quantize(Decimal("0.001"))
            _make_room(exchange, side, balance, quantity, acting_user)
            flow = _flow(exchange, side, balance, quantity, acting_user)
            link = ExchangeFlow(exchange=exchange, side=side, year=year, flow=flow)
            link._history_user = acting_user
            link.save()
            report["posted"].append((side, year))
    return report


def _balance(factory, year, acting_user) -> MassBalance:
    balance = MassBalance.objects.filter(factory=factory, year=year, month__isnull=True).first()
    if balance is None:
        balance = MassBalance(factory=factory, year=year)
        balance._history_user = acting_user
        balance.save()
    return balance


def _make_room(exchange, side, balance, quantity, acting_user) -> None:
    """Take the moved quantity off the flows it replaces, so that the balance still closes: the supplier's
    residue of that category as it was handled before (landfill first), the receiver's input it stands in for."""
    category = next((c for c in exchange.table.content["categories"] if c["code"] == exchange.category), None)
    supplier = side == ExchangeFlow.Side.SUPPLIER
    direction = FlowDirection.OUT if supplier else FlowDirection.IN
    replaced = []
    for flow in balance.flows.filter(direction=direction, exchange_link__isnull=True):
        line = matching.Line(0, flow.direction, flow.category, flow.name, float(flow.quantity), flow.unit,
                             flow.tonnes, flow.waste_code, flow.hazardous, flow.route, flow.carrier)  # fmt: skip
        found = category and matching.category_of(exchange.table.content, line)
        if found and found["code"] == exchange.category and flow.route not in (WasteRoute.REUSE, WasteRoute.RECYCLE):
            replaced.append(flow)
    order = {route: position for position, route in enumerate(REPLACED_FIRST)}
    left = quantity
    for flow in sorted(replaced, key=lambda f: order.get(f.route, len(order))):
        per_unit = Decimal("0.001") if flow.unit == "kg" else Decimal(1)
        taken = min(left, flow.quantity * per_unit)
        if taken <= 0:
            break
        flow.quantity -= taken / per_unit
        flow._history_user = acting_user
        flow._change_reason = _("Exchange no. {number}").format(number=exchange.pk)
        flow.save(update_fields=["quantity"])
        left -= taken


def _flow(exchange, side, balance, quantity, acting_user) -> Flow:
    supplier = side == ExchangeFlow.Side.SUPPLIER
    other = exchange.receiver if supplier else exchange.supplier
    name = (_("{material} to {factory}") if supplier else _("{material} from {factory}")).format(
        material=exchange.material, factory=other
    )[:200]
    fields = {"direction": FlowDirection.OUT if supplier else FlowDirection.IN, "name": name, "quantity": quantity,
              "unit": exchange.unit}  # fmt: skip
    if exchange.kind == "heat":
        fields.update(category=FlowCategory.ENERGY, carrier="steam")
    elif exchange.kind == "water":
        fields["category"] = FlowCategory.WASTEWATER if supplier else FlowCategory.WATER
    elif supplier and exchange.waste_codes:
        fields.update(category=FlowCategory.WASTE, waste_code=exchange.waste_codes.split(",")[0].strip(),
                      route=WasteRoute.REUSE, hazardous=exchange.hazardous)  # fmt: skip
    else:
        fields["category"] = FlowCategory.BY_PRODUCT if supplier else FlowCategory.RAW_MATERIAL
    flow = Flow(mass_balance=balance, notes=_("Entered by exchange no. {number}.").format(number=exchange.pk),
                **fields)  # fmt: skip
    flow.full_clean()
    flow._history_user = acting_user
    flow.save()
    return flow
