"""Demo data for `make run`: each app's registered demo step, in order, in one transaction. Idempotent."""

from django.db import transaction

from ecotown.core.registry import registry


@transaction.atomic
def seed_demo(stdout=None) -> list[str]:
    done = []
    for step in registry.demo_steps:
        summary = step.run()
        done.append(f"{step.name}: {summary}")
        if stdout is not None:
            stdout.write(f"demo {done[-1]}")
    return done
