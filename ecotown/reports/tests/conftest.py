import datetime

import pytest
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from ecotown.core.testing import build_world

YEARS = [2565, 2566, 2567, 2568, 2569]
CUT_OFF = datetime.date(2026, 9, 30)  # the last day of FY 2569


@pytest.fixture(scope="module")
def history(django_db_setup, django_db_blocker, _evidence_root):
    """Area A1 with five years of records in every app the report reads, and its report generated once: the
    tests read it and the records (the data are not changed; everything is rolled back at the end)."""
    from conftest import FAST_HASHERS
    from ecotown.reports import services

    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            with override_settings(PASSWORD_HASHERS=FAST_HASHERS, EVIDENCE_ROOT=_evidence_root):
                world = build_world()
                fill(world)
                world.report = services.generate(services.request_report(
                    world.area_a1, YEARS[0], YEARS[-1], cut_off=CUT_OFF, acting_user=None))  # fmt: skip
                world.pdf, world.workbook = read(world.report.pdf), read(world.report.workbook)
            yield world
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


def read(stored) -> bytes:
    from ecotown.core.evidence import storage

    with storage().open(stored.stored_name, "rb") as file:
        return file.read()


def fill(world) -> None:
    from ecotown.audits import choices as audit
    from ecotown.audits.testing import make_assessment, make_finding, make_result
    from ecotown.criteria.testing import make_catalogue, make_requirement
    from ecotown.engagement import choices as engagement
    from ecotown.engagement.models import Comment
    from ecotown.engagement.testing import make_committee, make_meeting
    from ecotown.plans.testing import make_plan, make_project
    from ecotown.plans.testing import make_report as make_progress
    from ecotown.reports.testing import add_factory_years
    from ecotown.targets.testing import make_target

    area = world.area_a1
    area.population = 52000
    area.save()
    world.factories = add_factory_years(area, 6, YEARS)
    catalogue = make_catalogue()
    world.requirements = [make_requirement(catalogue, f"G1-0{n}") for n in range(1, 5)]
    for requirement, (before, after) in zip(world.requirements, ((50, 90), (70, 60), (None, 85), (40, 40)),
                                            strict=True):  # fmt: skip
        make_target(area, requirement, fiscal_year=YEARS[0], target_value=60, actual=before)
        make_target(area, requirement, fiscal_year=YEARS[-1], target_value=80, actual=after)
    then = make_assessment(area, catalogue, fiscal_year=YEARS[0], status=audit.AssessmentStatus.CLOSED,
                           starts_on=datetime.date(2022, 6, 1))  # fmt: skip
    now = make_assessment(area, catalogue, fiscal_year=YEARS[-1], status=audit.AssessmentStatus.CLOSED)
    for requirement, (before, after) in zip(
        world.requirements,
        (("nonconform", "conform"), ("conform", "conform"), ("nonconform", "nonconform"), ("conform", "nonconform")),
        strict=True,
    ):
        make_result(then, requirement, before)
        make_result(now, requirement, after)  # fmt: skip
    make_finding(then, world.requirements[0], audit.Grade.MAJOR, status=audit.FindingStatus.CLOSED,
                 closed_on=datetime.date(2023, 3, 1))  # fmt: skip
    make_finding(now, world.requirements[2], audit.Grade.MINOR)
    committee = make_committee(area=area)
    for year_ce, kind in ((2022, engagement.MeetingKind.COMMITTEE), (2026, engagement.MeetingKind.COMMITTEE),
                          (2026, engagement.MeetingKind.WORKSHOP)):  # fmt: skip
        make_meeting(committee, kind=kind, when=timezone.make_aware(datetime.datetime(year_ce, 3, 15, 9, 30)))
    Comment.objects.create(committee=committee, channel=engagement.CommentChannel.SUBMITTED, topic="น้ำเสีย",
                           received_on=datetime.date(2026, 2, 1), sector=engagement.Sector.COMMUNITY,
                           text="ขอให้ตรวจน้ำทิ้ง", status=engagement.CommentStatus.ANSWERED,
                           response=engagement.ResponseKind.ACCEPTED,
                           responded_on=datetime.date(2026, 3, 1))  # fmt: skip
    plan = make_plan(area, title_th="แผนปฏิบัติการบางกะดี")
    world.projects = [make_project(plan.latest_version, "โครงการคัดแยกขยะ", code="P-01"),
                      make_project(plan.latest_version, "โครงการบำบัดน้ำเสีย", code="P-02")]  # fmt: skip
    make_progress(world.projects[0], 75, year=2569, quarter=2)
