"""Catalogue files and rows for the criteria tests: plain `make_*` helpers, no fixture files."""

from pathlib import Path
from textwrap import dedent

from django.conf import settings

from ecotown.criteria.loader import apply_plan, plan_catalogue
from ecotown.criteria.models import Catalogue, Dimension, Level, Requirement

EIT_2022 = Path(settings.BASE_DIR) / "catalogues" / "eit-2022.yaml"

# Line numbers matter: the malformed-catalogue tests point at lines of this text.
MINIMAL = dedent(
    """\
    code: test
    version: "1"
    title: {th: เกณฑ์ทดสอบ, en: Test criteria}
    effective_date: 2024-01-01
    levels:
      - number: 1
        name: {th: การมีส่วนร่วม, en: Engagement}
      - number: 2
        name: {th: การส่งเสริม, en: Enhancement}
    dimensions:
      - code: environment
        name: {th: สิ่งแวดล้อม, en: Environment}
      - code: society
        name: {th: สังคม, en: Society}
    requirements:
      - code: B01
        kind: basic
        dimensions: [society]
        wording: official
        title: {th: มีคณะกรรมการ, en: A committee exists}
        target: {required: false, kind: yes_no}
      - code: G1
        kind: general
        level: 1
        dimensions: [environment, society]
        wording: provisional
        title: {th: ลดของเสีย, en: Less waste}
        target: {required: true, kind: percentage, unit: "%"}
      - code: S2
        kind: specific
        level: 2
        dimensions: [environment]
        wording: provisional
        title: {th: เขตควบคุมมลพิษ, en: Pollution-control zone}
        target: {required: true, kind: number, unit: ตัน/ปี}
        applies_to_area_kinds: [pollution_control_zone]
    """
)


def load(text: str = MINIMAL, user=None) -> Catalogue:
    plan = plan_catalogue(text)
    assert plan.is_valid, plan.errors
    return apply_plan(plan, acting_user=user)


def table_counts() -> tuple[int, ...]:
    through = Requirement.dimensions.through
    return tuple(model.objects.count() for model in (Catalogue, Level, Dimension, Requirement, through))
