from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import generic

from ecotown.core import evidence as evidence_store
from ecotown.core import views as core
from ecotown.core.dates import current_fiscal_year
from ecotown.core.pdf import pdf_response
from ecotown.core.scopes import is_programme_staff, may
from ecotown.engagement import forms, participation, services
from ecotown.engagement.choices import MeetingStatus, Sector
from ecotown.engagement.filtersets import CommentFilterSet, CommitteeFilterSet, MeetingFilterSet
from ecotown.engagement.models import Comment, Committee, Meeting, MemberAttendance, Membership, Resolution
from ecotown.engagement.tables import CommentTable, CommitteeTable, MeetingTable
from ecotown.geo.models import Province

# -- committees -------------------------------------------------------------------------------------------------


class CommitteeListView(core.ObjectListView):
    model = Committee
    filterset_class = CommitteeFilterSet
    table_class = CommitteeTable


class CommitteeDetailView(core.ObjectDetailView):
    model = Committee

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        committee, user = self.object, self.request.user
        context["members"] = Membership.objects.filter(committee=committee).for_user(user)
        context["sees_members"] = may(user, "engagement.view_membership", committee)
        context["can_change_members"] = may(user, "engagement.add_membership", committee)
        context["meetings"] = committee.meetings.order_by("-starts_at")[:50]
        context["can_add_meeting"] = may(user, "engagement.add_meeting", committee)
        context["comments"] = Comment.objects.filter(committee=committee).for_user(user)[:20]
        context["can_add_comment"] = may(user, "engagement.add_comment", committee)
        context["evidence"] = list(committee.evidence.select_related("file")) if is_programme_staff(user) else []
        context["fiscal_year"] = current_fiscal_year()
        return context


class CommitteeEditView(core.ObjectEditView):
    model = Committee
    form_class = forms.CommitteeForm


class CommitteeDeleteView(core.ObjectDeleteView):
    model = Committee


class CommitteeHistoryView(core.ObjectHistoryView):
    model = Committee


class MembershipDetailView(core.ObjectDetailView):
    model = Membership


class MembershipEditView(core.ObjectEditView):
    model = Membership
    form_class = forms.MembershipForm
    parent_field = "committee"

    def get_success_url(self):
        return self.object.committee.get_absolute_url()


class MembershipDeleteView(core.ObjectDeleteView):
    model = Membership

    def get_success_url(self):
        return self.object.committee.get_absolute_url()


class MembershipHistoryView(core.ObjectHistoryView):
    model = Membership


# -- meetings ---------------------------------------------------------------------------------------------------


class MeetingListView(core.ObjectListView):
    model = Meeting
    offer_add = False  # a meeting is scheduled from its committee's page
    filterset_class = MeetingFilterSet
    table_class = MeetingTable


class MeetingDetailView(core.ObjectDetailView):
    model = Meeting

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        meeting, user = self.object, self.request.user
        staff = may(user, "engagement.view_memberattendance", meeting)
        people = participation.with_people(Meeting.objects.filter(pk=meeting.pk)).values("members_present", "others")
        context.update(
            agenda=meeting.agenda_items.all(),
            resolutions=meeting.resolutions.select_related("agenda_item", "subject_type"),
            people=people.first(),
            sees_people=staff,
            attendance=meeting.attendance.select_related("membership") if staff else [],
            participants=meeting.participants.all() if staff else [],
            evidence=[
                item for item in meeting.evidence.select_related("file") if staff or meeting.evidence_is_public(item)
            ],
            can_record=may(user, "engagement.change_meeting", meeting),
            can_resolve=may(user, "engagement.add_resolution", meeting) and meeting.status != MeetingStatus.CANCELLED,
            steps=services.MEETING_WORKFLOW.available(meeting, user),
        )
        return context


class MeetingHistoryView(core.ObjectHistoryView):
    model = Meeting


class MeetingEditView(core.ObjectEditView):
    """Schedule a meeting under its committee (numbered by the service) or edit one, with its agenda."""

    model = Meeting
    form_class = forms.MeetingForm
    parent_field = "committee"
    formset_classes = {"agenda": forms.AgendaFormSet}
    template_name = "engagement/meeting_form.html"

    def save_form(self, form):
        if self.object.pk:
            return form.save()
        data = form.cleaned_data
        return services.schedule_meeting(
            self.object.committee, kind=data["kind"], title=data["title"], starts_at=data["starts_at"],
            place=data["place"], online_link=data["online_link"], recording_link=data["recording_link"],
            notes=data["notes"], acting_user=self.request.user,
        )  # fmt: skip


class MeetingDeleteView(core.ObjectDeleteView):
    model = Meeting

    def get_success_url(self):
        return self.object.committee.get_absolute_url()


class MeetingScopedMixin:
    """Pages about one meeting that need `permission` on it: 403 without the role, 404 outside scope."""

    permission = "engagement.change_meeting"

    def dispatch(self, request, *args, **kwargs):
        refusal = core.refuse_without(request, self.permission)
        if refusal:
            return refusal
        meetings = Meeting.objects.with_related().for_permission(request.user, self.permission)
        self.meeting = get_object_or_404(meetings, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)


class MeetingAttendanceView(MeetingScopedMixin, generic.TemplateView):
    """Who came: the committee's members from its list (one choice each) and the people from outside, named
    with their consent or counted by sector. Counts by sector are computed from these, never typed."""

    template_name = "engagement/meeting_attendance.html"

    def forms(self, data=None):
        meeting = self.meeting
        day = meeting.local_date
        members = [m for m in meeting.committee.memberships.all() if m.serves_on(day)]
        current = {record.membership_id: record for record in meeting.attendance.all()}
        attendance = forms.AttendanceForm(data, members=members, current=current)
        participants = forms.ParticipantFormSet(data, instance=meeting, prefix="participants")
        return attendance, participants

    def get(self, request, *args, **kwargs):
        attendance, participants = self.forms()
        return self.render_to_response(self.context(attendance, participants))

    def post(self, request, *args, **kwargs):
        attendance, participants = self.forms(request.POST)
        if attendance.is_valid() and participants.is_valid():
            with transaction.atomic():
                for member in attendance.members:
                    record, _created = MemberAttendance.objects.get_or_create(meeting=self.meeting, membership=member)
                    record.status = attendance.cleaned_data[f"status_{member.pk}"]
                    record.delegate = attendance.cleaned_data[f"delegate_{member.pk}"]
                    record._history_user = request.user
                    record.save()
                participants.save()
            messages.success(request, _("Saved who took part in {meeting}.").format(meeting=self.meeting))
            return redirect(self.meeting)
        return self.render_to_response(self.context(attendance, participants))

    def context(self, attendance, participants):
        return {"meeting": self.meeting, "attendance": attendance, "participants": participants}


class MeetingStepView(MeetingScopedMixin, generic.View):
    """Record that a meeting was held, or cancel it (with the reason)."""

    def post(self, request, pk):
        form = forms.MeetingStepForm(
            request.POST, steps=services.MEETING_WORKFLOW.available(self.meeting, request.user)
        )
        if form.is_valid():
            try:
                if form.cleaned_data["step"] == "hold":
                    services.hold_meeting(self.meeting, acting_user=request.user)
                else:
                    services.cancel_meeting(self.meeting, acting_user=request.user, reason=form.cleaned_data["reason"])
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(request, _("Saved."))
        else:
            messages.error(request, _("Choose a step that can be taken now."))
        return redirect(self.meeting)


class ResolutionAddView(MeetingScopedMixin, generic.FormView):
    """Record a resolution of the meeting (numbered the next of the meeting); approving a record — an action
    plan version awaiting approval — approves it in the same step."""

    permission = "engagement.add_resolution"
    template_name = "engagement/resolution_form.html"
    form_class = forms.ResolutionForm

    def groups(self):
        if not hasattr(self, "_groups"):
            self._groups = services.decidable_records(self.meeting.committee, self.request.user)
        return self._groups

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        return {**kwargs, "meeting": self.meeting, "subject_choices": evidence_store.link_choices(self.groups())}

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "meeting": self.meeting}

    def form_valid(self, form):
        data = form.cleaned_data
        subject = evidence_store.find_linked(self.groups(), data["subject"]) if data["subject"] else None
        if data["subject"] and subject is None:
            form.add_error("subject", _("Choose a record from the list."))
            return self.form_invalid(form)
        try:
            with transaction.atomic():
                resolution = services.record_resolution(
                    self.meeting, kind=data["kind"], outcome=data["outcome"], text=data["text"],
                    conditions=data["conditions"], agenda_item=data["agenda_item"], subject=subject,
                    acting_user=self.request.user,
                )  # fmt: skip
        except ValidationError as error:
            form.add_error(None, error.messages)
            return self.form_invalid(form)
        messages.success(self.request, _("Recorded {resolution}.").format(resolution=resolution))
        return redirect(self.meeting)


class ResolutionDetailView(core.ObjectDetailView):
    model = Resolution
    object_actions = ("history",)


class ResolutionHistoryView(core.ObjectHistoryView):
    model = Resolution


# -- comments ---------------------------------------------------------------------------------------------------


class CommentListView(core.ObjectListView):
    model = Comment
    offer_add = False  # a comment is recorded from its committee's page
    filterset_class = CommentFilterSet
    table_class = CommentTable


class CommentDetailView(core.ObjectDetailView):
    model = Comment

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_respond"] = bool(services.COMMENT_WORKFLOW.available(self.object, self.request.user))
        return context


class CommentEditView(core.ObjectEditView):
    model = Comment
    form_class = forms.CommentForm
    parent_field = "committee"


class CommentDeleteView(core.ObjectDeleteView):
    model = Comment


class CommentHistoryView(core.ObjectHistoryView):
    model = Comment


class CommentRespondView(core.ScopedViewMixin, generic.DetailView):
    """What was done with a comment: accepted, partly or not, why, what changed and the record it changed."""

    model = Comment
    action = "change"
    template_name = "engagement/comment_respond.html"

    def groups(self):
        return evidence_store.linkable_records(self.object, self.request.user)

    def form(self, data=None):
        return forms.ResponseForm(data, changed_choices=evidence_store.link_choices(self.groups()))

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "form": kwargs.get("form") or self.form()}

    def post(self, request, *args, **kwargs):
        self.object = comment = self.get_object()
        form = self.form(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            changed = evidence_store.find_linked(self.groups(), data["changed"]) if data["changed"] else None
            try:
                services.respond_to_comment(
                    comment, response=data["response"], reason=data["reason"], what_changed=data["what_changed"],
                    changed=changed, acting_user=request.user,
                )  # fmt: skip
            except ValidationError as error:
                for field, errors in error.message_dict.items() if hasattr(error, "error_dict") else [(None, error)]:
                    form.add_error(field if field in form.fields else None, errors)
            else:
                messages.success(request, _("Saved the response."))
                return redirect(comment)
        return self.render_to_response(self.get_context_data(form=form))


# -- participation: KPIs, the yearly disclosure, printable PDFs ---------------------------------------------------


def _year(request) -> int:
    text = request.GET.get("year", "")
    if not text:
        return current_fiscal_year()
    if text.isascii() and text.isdigit() and 2500 <= int(text) <= 2700:
        return int(text)
    raise Http404


class DisclosureMixin:
    """The yearly disclosure of one committee, a province or the whole programme (`?committee=`, `?province=`,
    or neither), for `?year=` (the current fiscal year by default). Public: people only as counts by sector."""

    def scope(self):
        request = self.request
        meetings = Meeting.objects.for_user(request.user)
        committee_id, province_code = request.GET.get("committee", ""), request.GET.get("province", "")
        if committee_id:
            if not (committee_id.isascii() and committee_id.isdigit()):
                raise Http404
            committee = get_object_or_404(Committee.objects.for_user(request.user), pk=committee_id)
            return committee, meetings.filter(committee=committee)
        if province_code:
            province = get_object_or_404(Province, code=province_code[:6])
            return province, meetings.filter(Q(committee__province=province) | Q(committee__area__province=province))
        return None, meetings

    def disclosure_context(self):
        place, meetings = self.scope()
        year = _year(self.request)
        disclosure = participation.build_disclosure(year, meetings)
        sectors = [(Sector(code).label, count) for code, count in disclosure.by_sector.most_common()]
        return {"place": place, "fiscal_year": year, "disclosure": disclosure, "sectors": sectors,
                "query": self.request.GET.urlencode()}  # fmt: skip


MAX_PHOTOS = 8
PHOTO_PIXELS = 800  # the longest side: two photos a row on A4 at about 150 dpi


def _data_uri(evidence) -> str:
    """A photo inside the PDF itself: WeasyPrint reads no URL here, so nothing outside the file is fetched.

    Photos are scaled down to print size first: a camera's 12-megapixel JPEG costs WeasyPrint seconds and the
    PDF megabytes, for a picture printed 8 cm wide.
    """
    import base64
    import io

    from PIL import Image, ImageOps, UnidentifiedImageError

    from ecotown.core.evidence import open_file

    with open_file(evidence) as handle:
        content = handle.read()
    try:
        image = ImageOps.exif_transpose(Image.open(io.BytesIO(content)))
        image.thumbnail((PHOTO_PIXELS, PHOTO_PIXELS))
        buffer = io.BytesIO()
        image.convert("RGB").save(buffer, "JPEG", quality=80, optimize=True)
        content, content_type = buffer.getvalue(), "image/jpeg"
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError):
        content_type = evidence.file.content_type
    return f"data:{content_type};base64,{base64.b64encode(content).decode()}"


class DisclosureView(DisclosureMixin, generic.TemplateView):
    template_name = "engagement/disclosure.html"

    def get_context_data(self, **kwargs):
        context = {**super().get_context_data(**kwargs), **self.disclosure_context()}
        with_committees = Q(pk__in=Committee.objects.exclude(province=None).values("province")) | Q(
            pk__in=Committee.objects.exclude(area=None).values("area__province")
        )
        context["provinces"] = Province.objects.filter(with_committees)
        return context


class DisclosurePdfView(DisclosureMixin, generic.View):
    def get(self, request):
        context = self.disclosure_context()
        context["photo_files"] = [_data_uri(photo) for photo in context["disclosure"].photos[:MAX_PHOTOS]]
        place = context["place"]
        label = getattr(place, "code", None) or getattr(place, "pk", None) or "national"
        name = f"participation-{context['fiscal_year']}-{label}.pdf"
        return pdf_response("engagement/pdf/disclosure.html", context, name, request=request)


class MinutesPdfView(core.ScopedViewMixin, generic.DetailView):
    """The minutes of a meeting as a Thai PDF to sign and file; programme staff of the committee only."""

    model = Meeting
    permission_name = "engagement.view_memberattendance"
    template = "engagement/pdf/minutes.html"

    def permission(self, action=None):
        return self.permission_name

    def get_queryset(self):
        return Meeting.objects.with_related().for_permission(self.request.user, self.permission_name)

    def get(self, request, *args, **kwargs):
        meeting = self.get_object()
        context = {
            "meeting": meeting,
            "agenda": meeting.agenda_items.all(),
            "attendance": meeting.attendance.select_related("membership"),
            "participants": meeting.participants.all(),
            "resolutions": meeting.resolutions.all(),
            "printed": timezone.localtime(),
        }
        name = f"minutes-{meeting.committee_id}-{meeting.year_be}-{meeting.number}.pdf"
        return pdf_response(self.template, context, name, request=request)


class AttendanceSheetPdfView(MinutesPdfView):
    """The attendance sheet to sign at the meeting: the members' list with a column for signatures."""

    template = "engagement/pdf/attendance_sheet.html"

    def get(self, request, *args, **kwargs):
        meeting = self.get_object()
        day = meeting.local_date
        members = [m for m in meeting.committee.memberships.all() if m.serves_on(day)]
        context = {"meeting": meeting, "members": members, "blank_rows": range(max(10, 20 - len(members))),
                   "printed": timezone.localtime()}  # fmt: skip
        name = f"attendance-{meeting.committee_id}-{meeting.year_be}-{meeting.number}.pdf"
        return pdf_response(self.template, context, name, request=request)


class ParticipationKpiView(generic.TemplateView):
    """The participation KPIs per province (and nationally) for a fiscal year, beside their targets (data)."""

    template_name = "engagement/kpis.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        year = _year(self.request)
        kpis = participation.participation_kpis(year, Meeting.objects.for_user(self.request.user))
        provinces = Province.objects.in_bulk([pk for pk in kpis if pk is not None])
        rows = sorted(((provinces.get(pk), kpi) for pk, kpi in kpis.items() if pk in provinces),
                      key=lambda row: row[0].name_th)  # fmt: skip
        targets = {code.replace("-", "_"): target for code, target in participation.targets().items()}
        context.update(fiscal_year=year, rows=rows, total=participation.national(kpis), targets=targets,
                       years=range(year - 3, year + 1))  # fmt: skip
        return context
