from django.db import models
from django.utils.translation import gettext_lazy as _


class CommitteeKind(models.TextChoices):
    """The three committees the seeds name (seed 000: provincial and area committees; DIW's expert committee)."""

    PROVINCIAL = "provincial", _("Provincial committee (chaired by the governor)")
    AREA = "area", _("Area committee (chaired by a vice-governor)")
    NATIONAL_EXPERT = "national_expert", _("National expert committee (DIW)")


class Position(models.TextChoices):
    CHAIR = "chair", _("Chair")
    VICE_CHAIR = "vice_chair", _("Vice-chair")
    MEMBER = "member", _("Member")
    SECRETARY = "secretary", _("Secretary")
    ASSISTANT_SECRETARY = "assistant_secretary", _("Assistant secretary")


class Sector(models.TextChoices):
    """Who a member or participant speaks for; the participation KPIs count sectors represented."""

    CENTRAL_GOVERNMENT = "central_government", _("Central government")
    PROVINCIAL_GOVERNMENT = "provincial_government", _("Provincial government")
    LOCAL_GOVERNMENT = "local_government", _("Local government (PAO, SAO, municipality)")
    INDUSTRY_FEDERATION = "industry_federation", _("Industry (Federation of Thai Industries)")
    CHAMBER_OF_COMMERCE = "chamber_of_commerce", _("Chamber of commerce")
    FACTORIES = "factories", _("Factories")
    INDUSTRIAL_ESTATE = "industrial_estate", _("Industrial estate")
    COMMUNITY = "community", _("Community")
    ACADEMIA = "academia", _("Academia")
    CIVIL_SOCIETY = "civil_society", _("Civil society")


class MeetingKind(models.TextChoices):
    COMMITTEE = "committee", _("Committee meeting")
    WORKSHOP = "workshop", _("Workshop")
    PUBLIC_HEARING = "public_hearing", _("Public hearing")
    ONLINE_BRIEFING = "online_briefing", _("Online briefing")


class MeetingStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    HELD = "held", _("Held")
    CANCELLED = "cancelled", _("Cancelled")


class Topic(models.TextChoices):
    """What an agenda item is about: the programme's KPIs count meetings on the draft action plan."""

    ACTION_PLAN = "action_plan", _("Action plan")
    TARGETS = "targets", _("Target values")
    CERTIFICATION = "certification", _("Certification")
    PROGRESS = "progress", _("Progress report")
    CRITERIA = "criteria", _("Criteria")
    OTHER = "other", _("Other")


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", _("Present")
    REPRESENTED = "represented", _("Represented by a delegate")
    EXCUSED = "excused", _("Excused")
    ABSENT = "absent", _("Absent")


class ResolutionKind(models.TextChoices):
    APPROVE_PLAN = "approve_plan", _("Approve an action-plan version")
    APPROVE_TARGETS = "approve_targets", _("Approve target values")
    CERTIFY = "certify", _("Decide certification")
    RECORD = "record", _("Record a decision")


class ResolutionOutcome(models.TextChoices):
    APPROVED = "approved", _("Approved")
    APPROVED_WITH_CHANGES = "approved_with_changes", _("Approved with changes")
    NOT_APPROVED = "not_approved", _("Not approved")
    NOTED = "noted", _("Noted")


class CommentChannel(models.TextChoices):
    MEETING = "meeting", _("Raised at a meeting")
    SUBMITTED = "submitted", _("Submitted by a stakeholder")


class CommentStatus(models.TextChoices):
    OPEN = "open", _("Open")
    ANSWERED = "answered", _("Answered")


class ResponseKind(models.TextChoices):
    ACCEPTED = "accepted", _("Accepted")
    PARTLY = "partly", _("Partly accepted")
    NOT_ACCEPTED = "not_accepted", _("Not accepted")
