"""Loading the participation KPI targets (data/participation_targets.yaml), idempotently."""

from pathlib import Path

import yaml

from ecotown.engagement.models import ParticipationTarget

TARGETS = Path(__file__).parent / "data" / "participation_targets.yaml"


def load_participation_targets(path: Path = TARGETS) -> str:
    created = 0
    for row in yaml.safe_load(path.read_text(encoding="utf-8")):
        _target, made = ParticipationTarget.objects.get_or_create(code=row.pop("code"), defaults=row)
        created += made
    return f"{created} created"
