"""Committees, their meetings, who took part, what they resolved and what stakeholders said (การมีส่วนร่วม).

A committee belongs to a province (the provincial committee, chaired by the governor), an area (the area
committee, chaired by a vice-governor) or the nation (DIW's expert committee). It is the scope root: members,
meetings, attendance, resolutions and comments are reached through it.
"""

from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from ecotown.core import dates
from ecotown.core.models import Bilingual, EcoTownModel, ProgrammeTarget
from ecotown.core.scopes import Scope
from ecotown.core.thai import thai_order
from ecotown.engagement import choices

EVIDENCE = {"content_type_field": "owner_type", "object_id_field": "owner_id"}
# Where each kind of committee belongs (seed 000): the province, the area, or the nation (no place).
PLACE_OF_KIND = {
    choices.CommitteeKind.PROVINCIAL: "province",
    choices.CommitteeKind.AREA: "area",
    choices.CommitteeKind.NATIONAL_EXPERT: None,
}


class Committee(Bilingual, EcoTownModel):
    """A committee of the programme (คณะกรรมการ) with its appointment order (คำสั่งแต่งตั้ง) as evidence."""

    kind = models.CharField(_("kind of committee"), max_length=20, choices=choices.CommitteeKind.choices)
    name_th = models.CharField(_("name (Thai)"), max_length=300)
    name_en = models.CharField(_("name (English)"), max_length=300, blank=True)
    province = models.ForeignKey(
        "geo.Province", on_delete=models.PROTECT, null=True, blank=True, related_name="committees",
        verbose_name=_("province"),
    )  # fmt: skip
    area = models.ForeignKey(
        "areas.Area", on_delete=models.PROTECT, null=True, blank=True, related_name="committees",
        verbose_name=_("area"),
    )  # fmt: skip
    appointment_order = models.CharField(
        _("appointment order"), max_length=200, blank=True, help_text=_("e.g. คำสั่งจังหวัดปทุมธานี ที่ 1234/2568")
    )
    appointed_on = models.DateField(_("appointed on"), null=True, blank=True)
    evidence = GenericRelation("core.Evidence", **EVIDENCE)

    scope = Scope.root(province=["province", "area__province"], area="area")
    select_related_fields = ("province", "area__province")
    history_related = ("evidence",)

    class Meta:
        verbose_name = _("committee")
        verbose_name_plural = _("committees")
        ordering = ["kind", thai_order("name_th")]

    def clean(self):
        if self.kind not in choices.CommitteeKind.values:
            return
        required = PLACE_OF_KIND[self.kind]
        errors = {}
        for name in ("province", "area"):
            given = getattr(self, f"{name}_id") is not None
            place = self._meta.get_field(name).verbose_name
            if name == required and not given:
                errors[name] = _("Choose the {place} this committee belongs to.").format(place=place)
            elif name != required and given:
                errors[name] = _("This kind of committee does not belong to a {place}: leave it empty.").format(
                    place=place
                )
        if errors:
            raise ValidationError(errors)

    @property
    def place(self):
        return self.area or self.province

    def evidence_is_public(self, evidence) -> bool:
        return False  # the appointment order names people

    @property
    def province_of(self):
        return self.province or (self.area.province if self.area_id else None)


class Membership(EcoTownModel):
    """A person on a committee for a term, with their position, organisation and the sector they speak for."""

    committee = models.ForeignKey(
        Committee, on_delete=models.PROTECT, related_name="memberships", verbose_name=_("committee")
    )
    person_name = models.CharField(_("name"), max_length=200)
    position = models.CharField(_("position on the committee"), max_length=24, choices=choices.Position.choices)
    title = models.CharField(_("official title"), max_length=200, blank=True, help_text=_("e.g. ผู้ว่าราชการจังหวัด"))
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    sector = models.CharField(_("sector"), max_length=24, choices=choices.Sector.choices)
    user = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="memberships",
        verbose_name=_("EcoTown account"),
    )  # fmt: skip
    term_start = models.DateField(_("term starts"), null=True, blank=True)
    term_end = models.DateField(_("term ends"), null=True, blank=True)

    scope = Scope.child_of("committee")
    select_related_fields = ("committee",)

    class Meta:
        verbose_name = _("committee member")
        verbose_name_plural = _("committee members")
        ordering = ["committee", "position", "person_name"]

    def __str__(self):
        return f"{self.person_name} ({self.get_position_display()})"

    def clean(self):
        if self.term_start and self.term_end and self.term_end < self.term_start:
            raise ValidationError({"term_end": _("The term cannot end before it starts.")})

    def serves_on(self, day) -> bool:
        return (self.term_start is None or self.term_start <= day) and (self.term_end is None or day <= self.term_end)


class Meeting(EcoTownModel):
    """A meeting, workshop, public hearing or online briefing of a committee, numbered the Thai way:
    ครั้งที่ 1/2569 — the Nth of the committee in that Buddhist Era year (services.schedule_meeting numbers it)."""

    committee = models.ForeignKey(
        Committee, on_delete=models.PROTECT, related_name="meetings", verbose_name=_("committee")
    )
    kind = models.CharField(_("kind of meeting"), max_length=20, choices=choices.MeetingKind.choices)
    number = models.PositiveSmallIntegerField(_("number"), editable=False, validators=[MinValueValidator(1)])
    year_be = models.PositiveSmallIntegerField(_("year (B.E.)"), editable=False)
    title = models.CharField(_("topic"), max_length=300)
    starts_at = models.DateTimeField(_("starts at"))
    place = models.CharField(_("place"), max_length=300, blank=True)
    online_link = models.URLField(_("link to join online"), blank=True)
    recording_link = models.URLField(_("recording"), blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=choices.MeetingStatus.choices, default=choices.MeetingStatus.PLANNED,
        editable=False,
    )  # fmt: skip
    minutes = models.TextField(_("minutes"), blank=True)
    evidence = GenericRelation("core.Evidence", **EVIDENCE)

    scope = Scope.child_of("committee")
    select_related_fields = ("committee__province", "committee__area")
    history_related = ("agenda_items", "evidence")

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-starts_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["committee", "year_be", "number"],
                name="engagement_meeting_unique_committee_year_be_number",
                violation_error_message=_("This committee already has a meeting with this number this year."),
            )
        ]

    def __str__(self):
        return _("{kind} no. {number}/{year}").format(
            kind=self.get_kind_display(), number=self.number, year=self.year_be
        )

    @property
    def numbered(self) -> str:
        return _("no. {number}/{year}").format(number=self.number, year=self.year_be)

    @property
    def fiscal_year(self) -> int:
        return dates.fiscal_year(self.starts_at)

    @property
    def local_date(self):
        return dates.local_date(self.starts_at)

    def evidence_is_public(self, evidence) -> bool:
        """Photos of the activity are published (the yearly disclosure shows them); minutes files are not."""
        return bool(evidence.file_id) and evidence.file.content_type.startswith("image/")


class AgendaItem(EcoTownModel):
    """An item on a meeting's agenda (วาระ), with the topic the participation KPIs count."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="agenda_items", verbose_name=_("meeting")
    )
    position = models.PositiveSmallIntegerField(_("item"), default=1)
    title = models.CharField(_("agenda item"), max_length=300)
    topic = models.CharField(_("topic"), max_length=20, choices=choices.Topic.choices, default=choices.Topic.OTHER)
    summary = models.TextField(_("summary of the discussion"), blank=True)

    scope = Scope.child_of("meeting")

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["meeting", "position", "pk"]

    def __str__(self):
        return f"{self.position}. {self.title}"


class MemberAttendance(EcoTownModel):
    """Whether a member of the committee came to a meeting (from the member list, never typed again)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance", verbose_name=_("meeting"))
    membership = models.ForeignKey(
        Membership, on_delete=models.PROTECT, related_name="attendance", verbose_name=_("member")
    )
    status = models.CharField(
        _("attendance"), max_length=12, choices=choices.AttendanceStatus.choices,
        default=choices.AttendanceStatus.PRESENT,
    )  # fmt: skip
    delegate = models.CharField(_("delegate"), max_length=200, blank=True)

    scope = Scope.child_of("meeting")

    class Meta:
        verbose_name = _("member's attendance")
        verbose_name_plural = _("members' attendance")
        ordering = ["meeting", "membership__position", "membership__person_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "membership"], name="engagement_memberattendance_unique_meeting_membership"
            )
        ]

    def __str__(self):
        return f"{self.membership.person_name}: {self.get_status_display()}"

    @property
    def attended(self) -> bool:
        return self.status in (choices.AttendanceStatus.PRESENT, choices.AttendanceStatus.REPRESENTED)


class Participant(EcoTownModel):
    """People from outside the committee at a meeting: one person named with their consent, or a number of
    people counted by sector (a workshop's 50 participants need not be named)."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="participants", verbose_name=_("meeting")
    )
    name = models.CharField(_("name"), max_length=200, blank=True)
    consent = models.BooleanField(_("agreed to be named"), default=False)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    sector = models.CharField(_("sector"), max_length=24, choices=choices.Sector.choices)
    count = models.PositiveIntegerField(_("number of people"), default=1, validators=[MinValueValidator(1)])

    scope = Scope.child_of("meeting")

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["meeting", "sector", "pk"]

    def __str__(self):
        return self.name if self.name else f"{self.get_sector_display()} × {self.count}"

    def clean(self):
        errors = {}
        if self.name and not self.consent:
            errors["name"] = _("Name a participant only with their consent; otherwise count them by sector.")
        if self.name and self.count != 1:
            errors["count"] = _("A named participant is one person.")
        if errors:
            raise ValidationError(errors)


class Resolution(EcoTownModel):
    """A committee's resolution (มติ) on an agenda item. What it approved — an action-plan version, targets,
    a certification — points back to it and shows "approved by resolution N of meeting ครั้งที่ 2/2569"."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.PROTECT, related_name="resolutions", verbose_name=_("meeting")
    )
    agenda_item = models.ForeignKey(
        AgendaItem, on_delete=models.SET_NULL, null=True, blank=True, related_name="resolutions",
        verbose_name=_("agenda item"),
    )  # fmt: skip
    number = models.PositiveSmallIntegerField(_("resolution number"), editable=False)
    kind = models.CharField(_("kind of resolution"), max_length=20, choices=choices.ResolutionKind.choices)
    outcome = models.CharField(_("outcome"), max_length=24, choices=choices.ResolutionOutcome.choices)
    text = models.TextField(_("resolution"))
    conditions = models.TextField(_("conditions"), blank=True)
    subject_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("kind of record decided on"),
    )  # fmt: skip
    subject_id = models.PositiveBigIntegerField(_("record decided on"), null=True, blank=True)
    subject = GenericForeignKey("subject_type", "subject_id")

    scope = Scope.child_of("meeting")
    select_related_fields = ("meeting__committee", "agenda_item", "subject_type")

    class Meta:
        verbose_name = _("resolution")
        verbose_name_plural = _("resolutions")
        ordering = ["meeting", "number"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "number"], name="engagement_resolution_unique_meeting_number")
        ]

    def __str__(self):
        return _("resolution {number} of meeting {meeting}").format(number=self.number, meeting=self.meeting.numbered)

    @property
    def approves(self) -> bool:
        return self.outcome in (choices.ResolutionOutcome.APPROVED, choices.ResolutionOutcome.APPROVED_WITH_CHANGES)


class Comment(EcoTownModel):
    """A comment or suggestion received (ข้อคิดเห็น/ข้อเสนอแนะ) and what was done with it: accepted, partly or not,
    why, what changed, and the requirement, target, plan or project it changed."""

    committee = models.ForeignKey(
        Committee, on_delete=models.PROTECT, related_name="comments", verbose_name=_("committee")
    )
    meeting = models.ForeignKey(
        Meeting, on_delete=models.PROTECT, null=True, blank=True, related_name="comments", verbose_name=_("meeting")
    )
    channel = models.CharField(_("received"), max_length=12, choices=choices.CommentChannel.choices)
    received_on = models.DateField(_("received on"))
    raised_by = models.CharField(
        _("raised by"), max_length=200, blank=True, help_text=_("Personal data: shown to programme staff only.")
    )
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    sector = models.CharField(_("sector"), max_length=24, choices=choices.Sector.choices)
    topic = models.CharField(_("topic"), max_length=300)
    text = models.TextField(_("comment"))
    status = models.CharField(
        _("status"), max_length=10, choices=choices.CommentStatus.choices, default=choices.CommentStatus.OPEN,
        editable=False,
    )  # fmt: skip
    response = models.CharField(_("response"), max_length=14, choices=choices.ResponseKind.choices, blank=True,
                                editable=False)  # fmt: skip
    response_reason = models.TextField(_("reason"), blank=True, editable=False)
    what_changed = models.TextField(_("what changed"), blank=True, editable=False)
    responded_on = models.DateField(_("answered on"), null=True, blank=True, editable=False)
    changed_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, null=True, blank=True, related_name="+", editable=False,
        verbose_name=_("kind of record changed"),
    )  # fmt: skip
    changed_id = models.PositiveBigIntegerField(_("record changed"), null=True, blank=True, editable=False)
    changed = GenericForeignKey("changed_type", "changed_id")

    scope = Scope.child_of("committee")
    select_related_fields = ("committee", "meeting", "changed_type")

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["-received_on", "-pk"]

    def __str__(self):
        return self.topic

    def clean(self):
        if self.meeting_id and self.committee_id and self.meeting.committee_id != self.committee_id:
            raise ValidationError({"meeting": _("The meeting is not one of this committee's.")})
        if self.channel == choices.CommentChannel.MEETING and not self.meeting_id:
            raise ValidationError({"meeting": _("Say at which meeting the comment was raised.")})


class ParticipationTarget(ProgrammeTarget, Bilingual):
    """A target of the programme's participation KPIs, kept as data with its source (seed 001: at least two
    committee meetings per province, a workshop of at least 50 participants)."""

    class Meta:
        verbose_name = _("participation target")
        verbose_name_plural = _("participation targets")
        ordering = ["code"]
