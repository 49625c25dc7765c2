"""Conflicts of interest that keep an auditor off an area's audits (ISO/IEC 17021-1 5.2), as paths for the
scope engine and reasons for the page that refuses a team member.

Each rule is a path from an `Assessment` to the users it excludes, with the reason shown when one of them is
proposed for the team. The scope engine enforces them on every page, export and API call (the `exclude` of
`Assessment.scope`); `reasons(user, assessment)` only explains. Other apps add rules from their
`AppConfig.ready()` — before any request reads the scope — e.g. the factories app, for auditors who consulted
one of the area's factories in the last two years:

    conflicts.register("area__factories__consultancies_recent__consultant", _("consulted one of its factories"))

An app that cannot express its rule as a path records an `AuditorConflict` (user, area, reason) instead.
"""

from django.utils.translation import gettext_lazy as _

from ecotown.audits.models import AUDITOR_ROLES, CONFLICT_PATHS, Assessment

_reasons: dict[str, object] = dict(
    zip(
        CONFLICT_PATHS,
        (
            _("sits on a committee of the area"),
            _("sits on a committee of the area's province"),
            _("declared a conflict of interest with the area"),
        ),
        strict=True,
    )
)


def register(path: str, reason) -> None:
    """Exclude the users `path` leads to from an assessment, for every auditor role."""
    _reasons[path] = reason
    for role in AUDITOR_ROLES:
        paths = Assessment.scope.exclude.setdefault(str(role), [])
        if path not in paths:
            paths.append(path)


def reasons(user, assessment) -> list[str]:
    """Why `user` may not audit `assessment` (empty when nothing stands in the way)."""
    return [
        str(reason)
        for path, reason in _reasons.items()
        if Assessment._default_manager.filter(pk=assessment.pk, **{path: user.pk}).exists()
    ]
