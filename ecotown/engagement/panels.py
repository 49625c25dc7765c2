"""What the engagement app shows on shared pages, and the records it offers as evidence."""

from django.db.models import Q
from django.utils.translation import gettext as _

from ecotown.core.dates import current_fiscal_year
from ecotown.engagement.choices import CommentStatus, MeetingStatus
from ecotown.engagement.models import Comment, Committee, Meeting


def home_card(request, obj=None):
    user = request.user
    mine = list(Committee.objects.for_user(user, "change").select_related("province", "area")[:8]) if (
        user.is_authenticated
    ) else []  # fmt: skip
    return {"committees": mine, "fiscal_year": current_fiscal_year()}


def area_panel(request, area):
    """The area's committees (and its province's), their latest meetings and the comments still open."""
    user = request.user
    committees = Committee.objects.filter(Q(area=area) | Q(province=area.province_id)).for_user(user)
    meetings = (
        Meeting.objects.filter(committee__in=committees.values("pk"))
        .exclude(status=MeetingStatus.CANCELLED)
        .select_related("committee")
        .order_by("-starts_at")[:5]
    )
    open_comments = Comment.objects.filter(committee__area=area, status=CommentStatus.OPEN).for_user(user)
    return {
        "area": area,
        "committees": list(committees),
        "meetings": list(meetings),
        "open_comments": list(open_comments.order_by("-received_on")[:5]),
    }


def minutes_as_evidence(owner, user):
    """A record of an area (a target, a requirement result) may cite the minutes of the meetings of the area's
    committees and of its province's committee."""
    area_id = getattr(owner, "area_id", None)
    if area_id is None:
        return []
    area = owner.area
    meetings = (
        Meeting.objects.filter(Q(committee__area_id=area_id) | Q(committee__province_id=area.province_id))
        .filter(status=MeetingStatus.HELD)
        .select_related("committee")
        .order_by("-starts_at")
        .for_user(user)[:100]
    )
    return [(_("Minutes of committee meetings"), meetings)]
