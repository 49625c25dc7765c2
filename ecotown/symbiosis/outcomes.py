"""What an area's exchanges add up to: totals per fiscal year, the network drawn on the area page, and the
results they give the catalogue's symbiosis requirements (G3-05 tonnes exchanged, G4-01 working links)."""

from decimal import Decimal

import numpy as np
from django.db import transaction
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from ecotown.core.dates import fiscal_year, fiscal_year_bounds
from ecotown.symbiosis.choices import ExchangeStatus
from ecotown.symbiosis.services import share_of_year

RAN = (ExchangeStatus.REALISED, ExchangeStatus.DROPPED)  # a dropped exchange with a start date ran until its end


def ran(exchange) -> bool:
    return exchange.status in RAN and exchange.start_date is not None


def years_of(exchanges, today) -> list[int]:
    """The fiscal years from the first exchange's start to today's."""
    starts = [e.start_date for e in exchanges if ran(e)]
    if not starts:
        return [fiscal_year(today)]
    return list(range(fiscal_year(min(starts)), fiscal_year(today) + 1))


def totals_by_year(exchanges, years) -> list[dict]:
    """Per fiscal year: realised exchanges running, tonnes exchanged, landfill and GHG avoided — each exchange's
    yearly figure times the share of the year it ran; and the links (groups of factories) it formed."""
    rows = []
    for year in years:
        first, last = fiscal_year_bounds(year)
        row = {"year": year, "exchanges": 0, "tonnes": 0.0, "landfill_avoided_t": 0.0, "ghg_avoided_t": 0.0}
        running = []
        for exchange in exchanges:
            share = share_of_year(exchange.start_date, exchange.end_date, first, last) if ran(exchange) else 0.0
            if share <= 0:
                continue
            running.append(exchange)
            row["exchanges"] += 1
            row["tonnes"] += float(exchange.diverted_t) * share
            row["landfill_avoided_t"] += float(exchange.landfill_avoided_t) * share
            row["ghg_avoided_t"] += float(exchange.ghg_avoided_t) * share
        row["links"] = links(running)
        rows.append(row)
    return rows


def links(exchanges) -> int:
    """Working symbiosis links: groups of factories joined by exchanges (connected components of the graph)."""
    pairs = [(e.supplier_id, e.receiver_id) for e in exchanges]
    if not pairs:
        return 0
    ids = {factory: index for index, factory in enumerate(sorted({f for pair in pairs for f in pair}))}
    rows = np.array([ids[a] for a, _b in pairs])
    columns = np.array([ids[b] for _a, b in pairs])
    graph = coo_matrix((np.ones(len(pairs)), (rows, columns)), shape=(len(ids), len(ids)))
    count, _labels = connected_components(graph, directed=False)
    return int(count)


def open_candidates(exchanges) -> dict:
    shown = [e for e in exchanges if e.status in (ExchangeStatus.PROPOSED, ExchangeStatus.CONTACTED,
                                                  ExchangeStatus.TRIAL)]  # fmt: skip
    return {"count": len(shown), "tonnes": sum(float(e.diverted_t) for e in shown),
            "landfill_avoided_t": sum(float(e.landfill_avoided_t) for e in shown)}  # fmt: skip


def network(exchanges) -> dict:
    """Nodes (factories) and links (exchanges) for the ECharts graph: realised links solid, candidates dashed."""
    nodes, edges = {}, []
    for exchange in exchanges:
        if exchange.status == ExchangeStatus.DROPPED:
            continue
        for factory in (exchange.supplier, exchange.receiver):
            nodes.setdefault(factory.pk, {"id": str(factory.pk), "name": factory.name, "value": 0.0})
        nodes[exchange.supplier_id]["value"] += float(exchange.diverted_t)
        edges.append({
            "source": str(exchange.supplier_id), "target": str(exchange.receiver_id),
            "value": float(exchange.quantity), "unit": exchange.unit, "material": exchange.material,
            "realised": exchange.status == ExchangeStatus.REALISED, "status": exchange.get_status_display(),
        })  # fmt: skip
    return {"nodes": list(nodes.values()), "links": edges}


def requirement_results(area, exchanges, table, fiscal_year_be: int, user) -> list[tuple]:
    """(target, value) for the area's targets of that fiscal year on the requirements the table names, among
    those whose results `user` may record."""
    from ecotown.targets.models import Target

    wanted = table.content.get("requirements", {})
    row = totals_by_year(exchanges, [fiscal_year_be])[0]
    values = {"exchanged_tonnes": Decimal(str(round(row["tonnes"], 2))), "working_links": Decimal(row["links"])}
    found = []
    for measure, codes in wanted.items():
        targets = Target.objects.for_permission(user, "targets.change_actual")
        for target in targets.filter(area=area, fiscal_year=fiscal_year_be, requirement__code__in=codes):
            found.append((target, values[measure]))
    return found


@transaction.atomic
def record_results(area, exchanges, table, fiscal_year_be: int, *, acting_user) -> list:
    """Record the results on the area's symbiosis targets of the year (targets.services.record_result)."""
    from ecotown.targets.services import record_result

    return [record_result(target, value=value, acting_user=acting_user)
            for target, value in requirement_results(area, exchanges, table, fiscal_year_be, acting_user)]  # fmt: skip
