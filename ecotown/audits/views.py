"""Pages of the audit cycle: declarations on core.views, plus the audit work (results, findings, corrective
actions, steps) that goes through services with the acting user."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import generic

from ecotown.accounts.models import RoleAssignment, User
from ecotown.audits import certificates, forms, readiness, services
from ecotown.audits.choices import AssessmentKind, AssessmentStatus
from ecotown.audits.filtersets import AssessmentFilterSet, CertificateFilterSet
from ecotown.audits.models import AUDITOR_ROLES, Assessment, AuditTeamMember, Certificate, CorrectiveAction, Finding
from ecotown.audits.tables import AssessmentTable, CertificateTable
from ecotown.core import evidence as evidence_store
from ecotown.core import views as core
from ecotown.core.pdf import pdf_response
from ecotown.core.scopes import may
from ecotown.criteria.models import Requirement

# -- assessments ------------------------------------------------------------------------------------------------


class AssessmentListView(core.ObjectListView):
    model = Assessment
    filterset_class = AssessmentFilterSet
    table_class = AssessmentTable


class AssessmentDetailView(core.ObjectDetailView):
    model = Assessment
    object_actions = ("edit", "history")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(certificates.assessment_sheet(self.object))
        user, assessment = self.request.user, self.object
        context["steps"] = services.ASSESSMENT_WORKFLOW.available(assessment, user)
        context["can_record"] = assessment.is_open_for_work and may(user, "audits.change_requirementresult",
                                                                   assessment)  # fmt: skip
        context["can_manage_team"] = may(user, "audits.add_auditteammember", assessment) and _plans(user, assessment)
        context["can_answer"] = may(user, "audits.add_correctiveaction", assessment)
        return context


def _plans(user, assessment) -> bool:
    return assessment.kind == AssessmentKind.INTERNAL or may(user, "audits.plan_external_assessment")


class AssessmentEditView(core.ObjectEditView):
    model = Assessment
    form_class = forms.AssessmentForm

    def save_form(self, form):
        return services.plan_assessment(form.instance, acting_user=self.request.user)


class AssessmentHistoryView(core.ObjectHistoryView):
    model = Assessment


class AssessmentMixin:
    """A view of one assessment the user may `permission` (404 outside their scope or team)."""

    permission = "audits.view_assessment"

    def dispatch(self, request, *args, **kwargs):
        refused = core.refuse_without(request, self.permission)
        if refused:
            return refused
        queryset = Assessment.objects.with_related().for_permission(request.user, self.permission)
        self.assessment = get_object_or_404(queryset, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)


def _refused(request, error) -> None:
    messages.error(request, " ".join(error.messages) if isinstance(error, ValidationError) else str(error))


class AssessmentStepView(AssessmentMixin, generic.View):
    """Take one of the audit's named steps (start, submit, review, close, send back)."""

    def post(self, request, pk):
        form = forms.StepForm(request.POST, steps=services.ASSESSMENT_WORKFLOW.available(self.assessment, request.user))
        if not form.is_valid():
            messages.error(request, _("Choose a step that can be taken now."))
            return redirect(self.assessment)
        step, reason = form.cleaned_data["step"], form.cleaned_data["reason"]
        try:
            extra = {"reason": reason} if step == "reopen" else {}
            services.STEPS[step](self.assessment, acting_user=request.user, **extra)
        except (ValidationError, PermissionDenied) as error:
            _refused(request, error)
        else:
            messages.success(request, _("Saved."))
        return redirect(self.assessment)


class TeamMemberAddView(AssessmentMixin, generic.FormView):
    permission = "audits.add_auditteammember"
    template_name = "audits/team_form.html"

    def get_form(self, form_class=None):
        candidates = User.objects.filter(
            pk__in=RoleAssignment.objects.in_force().filter(role__in=AUDITOR_ROLES).values("user_id"), is_active=True
        ).order_by("username")
        return forms.TeamMemberForm(self.request.POST or None, candidates=candidates)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "assessment": self.assessment}

    def form_valid(self, form):
        try:
            services.add_team_member(self.assessment, form.cleaned_data["user"], role=form.cleaned_data["role"],
                                     acting_user=self.request.user)  # fmt: skip
        except ValidationError as error:
            form.add_error(None, error.messages)
            return self.form_invalid(form)
        messages.success(self.request, _("Added to the team."))
        return redirect(self.assessment)


class TeamMemberRemoveView(generic.View):
    def post(self, request, pk):
        refused = core.refuse_without(request, "audits.delete_auditteammember")
        if refused:
            return refused
        queryset = AuditTeamMember.objects.for_user(request.user, "delete").select_related("assessment")
        member = get_object_or_404(queryset, pk=pk)
        try:
            services.remove_team_member(member, acting_user=request.user)
        except ValidationError as error:
            _refused(request, error)
        return redirect(member.assessment)


class ResultRecordView(AssessmentMixin, generic.TemplateView):
    """Record the result of one requirement with notes and evidence; saved against the revision the auditor
    read, so a colleague's result is never overwritten silently."""

    permission = "audits.change_requirementresult"
    template_name = "audits/result_form.html"

    def setup_result(self):
        applicable = readiness.applicable_ids(self.assessment)
        if self.kwargs["requirement_pk"] not in applicable:
            raise Http404
        self.requirement = get_object_or_404(Requirement, pk=self.kwargs["requirement_pk"])
        self.result = self.assessment.results.filter(requirement=self.requirement).first()
        owner = self.result or _Owner(self.assessment, self.requirement)
        self.groups = evidence_store.linkable_records(owner, self.request.user)

    def form(self, data=None, files=None):
        initial = {"revision": self.result.revision if self.result else 0}
        if self.result:
            initial |= {"result": self.result.result, "reason": self.result.reason, "notes": self.result.notes}
        return forms.ResultForm(data, files, initial=initial, link_choices=evidence_store.link_choices(self.groups))

    def get(self, request, *args, **kwargs):
        self.setup_result()
        return self.render_to_response(self.context(self.form()))

    def context(self, form):
        return {"form": form, "assessment": self.assessment, "requirement": self.requirement, "result": self.result,
                "evidence": list(self.result.evidence.select_related("file")) if self.result else []}  # fmt: skip

    def post(self, request, *args, **kwargs):
        self.setup_result()
        form = self.form(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_to_response(self.context(form))
        data = form.cleaned_data
        try:
            with transaction.atomic():
                result = services.record_result(
                    self.assessment, self.requirement, result=data["result"], reason=data["reason"],
                    notes=data["notes"], revision=data["revision"], acting_user=request.user,
                )  # fmt: skip
                self._attach(result, data)
        except ValidationError as error:
            form.add_error(None, error.messages)
            current = getattr(error, "current", None)
            if current is not None:
                form.data = form.data.copy()
                form.data["revision"] = current.revision
            return self.render_to_response(self.context(form))
        messages.success(request, _("Recorded {requirement}.").format(requirement=self.requirement.code))
        return redirect(self.assessment)

    def _attach(self, result, data):
        user = self.request.user
        if data["file"]:
            evidence_store.attach_file(result, data["file"], acting_user=user)
        if data["link"]:
            record = evidence_store.find_linked(self.groups, data["link"])
            if record is None:
                raise ValidationError(_("Choose a record from the list."))
            evidence_store.attach_link(result, record, acting_user=user)
        if data["reuse"]:
            services.reuse_evidence(result, acting_user=user)


class _Owner:
    """What evidence sources read before the result exists: the assessment, its area and the requirement."""

    def __init__(self, assessment, requirement):
        self.assessment, self.requirement, self.pk = assessment, requirement, None
        self.area_id, self.area = assessment.area_id, assessment.area


class FindingAddView(AssessmentMixin, generic.FormView):
    permission = "audits.add_finding"
    template_name = "audits/finding_form.html"

    def get_form(self, form_class=None):
        requirements = Requirement.objects.filter(pk__in=readiness.applicable_ids(self.assessment))
        return forms.FindingForm(self.request.POST or None, requirements=requirements)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "assessment": self.assessment}

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            services.record_finding(
                self.assessment, requirement=data["requirement"], grade=data["grade"], statement=data["statement"],
                objective_evidence=data["objective_evidence"], criterion=data["criterion"], notes=data["notes"],
                acting_user=self.request.user,
            )  # fmt: skip
        except ValidationError as error:
            form.add_error(None, error.messages)
            return self.form_invalid(form)
        messages.success(self.request, _("Recorded the finding."))
        return redirect(self.assessment)


class FindingDetailView(core.ObjectDetailView):
    model = Finding
    object_actions = ("history",)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        finding, user = self.object, self.request.user
        context["actions"] = list(finding.corrective_actions.select_related("verified_by"))
        context["can_answer"] = (
            finding.is_nonconformity and finding.status == "open" and may(user, "audits.add_correctiveaction", finding)
        )
        context["can_verify"] = may(user, "audits.verify_correctiveaction", finding)
        context["answer_form"] = forms.CorrectiveActionForm()
        context["verify_form"] = forms.VerifyForm()
        context["list_url"], context["list_label"] = self.object.assessment.get_absolute_url(), self.object.assessment
        return context


class FindingHistoryView(core.ObjectHistoryView):
    model = Finding


class CorrectiveActionAddView(generic.FormView):
    """The area's secretariat answers a nonconformity."""

    template_name = "audits/action_form.html"
    form_class = forms.CorrectiveActionForm

    def dispatch(self, request, *args, **kwargs):
        refused = core.refuse_without(request, "audits.add_correctiveaction")
        if refused:
            return refused
        queryset = Finding.objects.with_related().for_permission(request.user, "audits.add_correctiveaction")
        self.finding = get_object_or_404(queryset, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "finding": self.finding}

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            services.propose_corrective_action(self.finding, acting_user=self.request.user, **data)
        except ValidationError as error:
            form.add_error(None, error.messages)
            return self.form_invalid(form)
        messages.success(self.request, _("Recorded the corrective action."))
        return redirect(self.finding)


class CorrectiveActionVerifyView(generic.View):
    def post(self, request, pk):
        refused = core.refuse_without(request, "audits.verify_correctiveaction")
        if refused:
            return refused
        queryset = CorrectiveAction.objects.for_user(request.user, "verify").select_related("finding")
        action = get_object_or_404(queryset, pk=pk)
        form = forms.VerifyForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Say whether the action was effective."))
            return redirect(action.finding)
        try:
            services.verify_corrective_action(action, effective=form.cleaned_data["effective"],
                                              note=form.cleaned_data["note"], acting_user=request.user)  # fmt: skip
        except (ValidationError, PermissionDenied) as error:
            _refused(request, error)
        else:
            messages.success(request, _("Recorded the verification."))
        return redirect(action.finding)


class AssessmentReportPdfView(AssessmentMixin, generic.View):
    """The audit report (ISO 19011 6.5): plan, team, results per requirement, findings, corrective actions and
    the decision, to sign and file."""

    def get(self, request, pk):
        context = certificates.assessment_sheet(self.assessment, for_print=True)
        return pdf_response("audits/pdf/report.html", context, f"audit-report-{pk}.pdf", request)


# -- certificates (public) --------------------------------------------------------------------------------------


class CertificateListView(core.ObjectListView):
    model = Certificate
    filterset_class = CertificateFilterSet
    table_class = CertificateTable
    offer_add = False


class CertificateDetailView(core.ObjectDetailView):
    model = Certificate
    object_actions = ("history",)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["steps"] = services.CERTIFICATE_WORKFLOW.available(self.object, self.request.user)
        context["verify_url"] = certificates.verify_url(self.object, self.request)
        return context


class CertificateHistoryView(core.ObjectHistoryView):
    model = Certificate


class CertificatePdfView(generic.View):
    def get(self, request, pk):
        certificate = get_object_or_404(Certificate.objects.with_related().for_user(request.user), pk=pk)
        english = request.GET.get("lang") == "en"
        return certificates.certificate_pdf(certificate, request, english=english)


class CertificateStepView(generic.View):
    def post(self, request, pk):
        refused = core.refuse_without(request, "audits.change_certificate")
        if refused:
            return refused
        certificate = get_object_or_404(Certificate.objects.for_user(request.user, "change"), pk=pk)
        form = forms.StepForm(request.POST, steps=services.CERTIFICATE_WORKFLOW.available(certificate, request.user))
        if form.is_valid():
            try:
                services.change_certificate(certificate, form.cleaned_data["step"], acting_user=request.user,
                                            reason=form.cleaned_data["reason"])  # fmt: skip
            except ValidationError as error:
                _refused(request, error)
            else:
                messages.success(request, _("Saved."))
        else:
            messages.error(request, _("Choose a step that can be taken now."))
        return redirect(certificate)


def verify(request, number: str):
    """The public verification page the certificate's QR code opens: valid, expired, suspended or withdrawn —
    the area, its province, the level and the dates; nobody's name."""
    certificate = get_object_or_404(Certificate.objects.select_related("area__province", "level__catalogue"),
                                    number=number.upper())  # fmt: skip
    return render(request, "audits/verify.html", {"certificate": certificate})


class DashboardView(generic.TemplateView):
    """The national picture, within the user's scope: areas by certified level and year, this fiscal year's
    audits by kind and status, and the auditors' workload."""

    template_name = "audits/dashboard.html"

    def dispatch(self, request, *args, **kwargs):
        return core.refuse_without(request, "audits.view_assessment") or super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        from django.db.models import Count

        from ecotown.core.dates import current_fiscal_year

        user, year = self.request.user, current_fiscal_year()
        certified = (
            Certificate.objects.for_user(user).values("year_be", "level__number")
            .annotate(areas=Count("area", distinct=True)).order_by("-year_be", "level__number")
        )  # fmt: skip
        audits = (
            Assessment.objects.for_user(user).filter(fiscal_year=year).values("kind", "status")
            .annotate(count=Count("pk")).order_by("kind", "status")
        )  # fmt: skip
        workload = (
            AuditTeamMember.objects.for_user(user).filter(assessment__fiscal_year=year)
            .values("user__username", "user__first_name", "user__last_name")
            .annotate(audits=Count("assessment", distinct=True)).order_by("-audits", "user__username")[:50]
        )  # fmt: skip
        kinds, statuses = dict(AssessmentKind.choices), dict(AssessmentStatus.choices)
        return {
            **super().get_context_data(**kwargs), "fiscal_year": year, "certified": list(certified),
            "audits": [{**row, "kind": kinds[row["kind"]], "status": statuses[row["status"]]} for row in audits],
            "workload": list(workload),
        }  # fmt: skip
