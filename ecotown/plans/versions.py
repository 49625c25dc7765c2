"""Which version of a plan a page, a document or the API shows: `?version=N` among the versions the user may
see (the approved one, else the newest, by default), and which one a version is compared with (`?with=N`, the
one before it by default). A number the user may not see is a 404, like any record outside their scope."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from ecotown.plans.models import PlanVersion


def chosen_version(plan, user, wanted: str):
    """`?version=N` among the versions the user may see; the one shown by default."""
    versions = PlanVersion.objects.filter(plan=plan).for_user(user).select_related("resolution__meeting__committee")
    if wanted:
        if not (wanted.isascii() and wanted.isdigit()):
            raise Http404
        version = versions.filter(number=int(wanted)).first()
    else:
        shown = plan.shown_version
        version = versions.filter(pk=shown.pk).first() if shown else None
    if version is None:
        raise Http404
    version.plan = plan
    return version


def compared_version(version, user, wanted: str):
    """The version to compare `version` with: `?with=N` among the plan's versions the user may see, else the one
    before it (None when the user sees none before it). An unknown or unseen number is a 404."""
    versions = PlanVersion.objects.filter(plan_id=version.plan_id).for_user(user).exclude(pk=version.pk)
    if wanted:
        if not (wanted.isascii() and wanted.isdigit()):
            raise Http404
        return get_object_or_404(versions, number=int(wanted))
    return versions.filter(number__lt=version.number).order_by("-number").first()
