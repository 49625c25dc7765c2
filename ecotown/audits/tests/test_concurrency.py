"""Two certificates issued at the same moment get different numbers (PostgreSQL: real concurrent transactions;
SQLite serialises writers, so the race cannot happen there and test_services covers the retry)."""

import threading

import pytest
from django.db import connection, connections, transaction

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs concurrent writers (PostgreSQL)"),
]


def test_concurrent_issues_take_consecutive_numbers(monkeypatch):
    from ecotown.audits import choices, services
    from ecotown.audits.models import Certificate
    from ecotown.audits.testing import make_assessment, make_certificate
    from ecotown.core.testing import build_world
    from ecotown.criteria.testing import make_catalogue
    from ecotown.geo.geography import load_geography

    load_geography(with_subdistricts=False)
    world = build_world()
    world.catalogue = make_catalogue()
    assessment = make_assessment(world.area_a1, world.catalogue, choices.AssessmentKind.EXTERNAL)
    template = make_certificate(world, assessment=assessment)  # EIT-2569-0001
    both_read = threading.Barrier(2, timeout=20)
    real = services.last_serial
    first_read = threading.local()

    def read_then_wait(year):
        taken = real(year)
        if not getattr(first_read, "done", False):
            first_read.done = True
            both_read.wait()  # both transactions have read the same last number before either inserts
        return taken

    monkeypatch.setattr(services, "last_serial", read_then_wait)
    issued, errors = [], []

    def issue():
        try:
            with transaction.atomic():
                issued.append(services.issue_certificate(assessment, template.resolution, template.level,
                                                         acting_user=None).number)  # fmt: skip
        except Exception as error:  # reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=issue) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert errors == []
    assert sorted(issued) == ["EIT-2569-0002", "EIT-2569-0003"]
    assert Certificate.objects.count() == 3
