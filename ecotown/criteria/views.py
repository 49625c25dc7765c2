from collections import Counter

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View, generic

from ecotown.areas.choices import AreaKind
from ecotown.areas.models import Area
from ecotown.core import views as core
from ecotown.core.dates import current_fiscal_year
from ecotown.core.scopes import may
from ecotown.criteria import forms, services, totals
from ecotown.criteria.choices import CatalogueStatus, RequirementKind
from ecotown.criteria.compare import compare, snapshot_of_catalogue
from ecotown.criteria.filtersets import CatalogueFilterSet, RequirementFilterSet
from ecotown.criteria.loader import CatalogueClash, apply_plan, plan_catalogue
from ecotown.criteria.models import Catalogue, Requirement
from ecotown.criteria.tables import CatalogueTable, RequirementTable
from ecotown.criteria.versions import catalogue_for

UPLOAD_SESSION_KEY = "criteria_catalogue_upload"


class ReadOnlyDetailMixin:
    """Catalogues are changed only by loading a new version, so detail pages offer no edit or delete."""

    object_actions = ()


class CatalogueListView(core.ObjectListView):
    model = Catalogue
    offer_add = False
    filterset_class = CatalogueFilterSet
    table_class = CatalogueTable
    template_name = "criteria/catalogue_list.html"

    def base_queryset(self):
        return Catalogue.objects.annotate(requirement_count=Count("requirements"))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["can_upload"] = may(self.request.user, "criteria.add_catalogue")
        return context


class CatalogueDetailView(ReadOnlyDetailMixin, core.ObjectDetailView):
    model = Catalogue

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        requirements = Requirement.objects.prefetch_related("dimensions")
        catalogue = self.object
        levels = list(catalogue.levels.prefetch_related(Prefetch("requirements", queryset=requirements)))
        basic = list(requirements.filter(catalogue=catalogue, kind=RequirementKind.BASIC))
        counts = Counter(
            (requirement.kind, level.number) for level in levels for requirement in level.requirements.all()
        )
        per_level = {
            level.number: (
                counts[(RequirementKind.GENERAL, level.number)],
                counts[(RequirementKind.SPECIFIC, level.number)],
            )
            for level in levels
        }
        declared = catalogue.declared_totals
        context.update(
            levels=levels,
            basic_requirements=basic,
            dimensions=catalogue.dimensions.annotate(requirement_count=Count("requirements")),
            count_rows=totals.count_rows(declared, len(basic), per_level, {level.number: level for level in levels}),
            source_disagreement=totals.self_disagreement(declared),
            has_declared_totals=bool(declared),
            total=len(basic) + sum(counts.values()),
            can_put_in_force=catalogue.status == CatalogueStatus.DRAFT
            and may(self.request.user, "criteria.add_catalogue"),
        )
        return context


class RequirementListView(core.ObjectListView):
    model = Requirement
    offer_add = False
    filterset_class = RequirementFilterSet
    table_class = RequirementTable

    def base_queryset(self):
        # Only the columns the table shows: the long guidance and evidence texts cost the list page half its
        # queries' time. The table reads the shown rows' dimension names itself (RequirementTable.dimension_names).
        return Requirement.objects.select_related("catalogue", "level").only(*LISTED_FIELDS)


LISTED_FIELDS = (
    "id", "code", "title_th", "title_en", "kind", "wording", "catalogue_id", "level_id",
    "catalogue__code", "catalogue__version", "level__number",
)  # fmt: skip


class RequirementDetailView(ReadOnlyDetailMixin, core.ObjectDetailView):
    model = Requirement

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        kinds = self.object.applies_to_area_kinds or []
        context["area_kinds"] = [AreaKind(kind).label for kind in kinds if kind in AreaKind.values]
        return context

    def base_queryset(self):
        return Requirement.objects.select_related("catalogue", "level").prefetch_related("dimensions")


class CatalogueCompareView(generic.TemplateView):
    """Two catalogue versions side by side: requirements added, removed and changed."""

    template_name = "criteria/catalogue_compare.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        catalogues = Catalogue.objects.for_user(self.request.user)
        form = forms.CatalogueCompareForm(self.request.GET or None)
        form.fields["old"].queryset = form.fields["new"].queryset = catalogues
        context["form"] = form
        if form.is_valid():
            old, new = form.cleaned_data["old"], form.cleaned_data["new"]
            context.update(old=old, new=new, comparison=compare(snapshot_of_catalogue(old), snapshot_of_catalogue(new)))
        return context


class CatalogueUploadView(View):
    """DIW administrators upload a catalogue file, see what it would change, then confirm.

    The file waits in the session between preview and confirmation, keyed by its SHA-256, so what is loaded is
    exactly what was previewed, and nothing is written until the confirmation.
    """

    template_name = "criteria/catalogue_upload.html"

    def dispatch(self, request, *args, **kwargs):
        refusal = core.refuse_without(request, "criteria.add_catalogue")
        if refusal:
            return refusal
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        return render(request, self.template_name, {"form": forms.CatalogueUploadForm()})

    def post(self, request):
        if "confirm" in request.POST:
            return self.confirm(request)
        form = forms.CatalogueUploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return render(request, self.template_name, {"form": form})
        content = form.cleaned_data["file"]
        plan = plan_catalogue(content)
        # Only the latest previewed file may be confirmed.
        request.session.pop(UPLOAD_SESSION_KEY, None)
        if plan.is_valid and not plan.is_unchanged:
            request.session[UPLOAD_SESSION_KEY] = {"sha256": plan.sha256, "content": content.decode("utf-8")}
        context = {"plan": plan, "file_name": request.FILES["file"].name}
        return render(request, "criteria/catalogue_upload_preview.html", context)

    def confirm(self, request):
        pending = request.session.get(UPLOAD_SESSION_KEY) or {}
        if not pending or pending.get("sha256") != request.POST.get("sha256"):
            messages.error(request, _("The uploaded file is no longer waiting for confirmation. Upload it again."))
            return redirect("criteria:catalogue_upload")
        request.session.pop(UPLOAD_SESSION_KEY, None)
        plan = plan_catalogue(pending["content"])
        if not plan.is_valid or plan.is_unchanged:
            return render(request, "criteria/catalogue_upload_preview.html", {"plan": plan})
        try:
            catalogue = apply_plan(plan, acting_user=request.user)
        except CatalogueClash:
            return render(request, "criteria/catalogue_upload_preview.html", {"plan": plan})
        if plan.is_unchanged:
            # A second click or tab confirmed the same file while the first was loading it.
            messages.info(request, _("{catalogue} is already loaded.").format(catalogue=catalogue))
        else:
            messages.success(request, _("Loaded {catalogue}.").format(catalogue=catalogue))
        return redirect(catalogue)


class CatalogueInForceView(core.ScopedViewMixin, generic.DetailView):
    """Put a draft version in force from a fiscal year and carry every area's data over — a preview first
    (what carries over, what is new, what stays under the old version), then one confirmed step."""

    model = Catalogue
    template_name = "criteria/catalogue_in_force.html"

    def permission(self, action=None):
        return "criteria.add_catalogue"

    def get_queryset(self):
        return Catalogue.objects.filter(status=CatalogueStatus.DRAFT).for_permission(
            self.request.user, self.permission()
        )

    def first_year(self) -> int | None:
        text = (self.request.POST.get("first_fiscal_year") or self.request.GET.get("first_fiscal_year") or "").strip()
        if not text:
            return current_fiscal_year()
        if text.isascii() and text.isdigit() and 2500 <= int(text) <= 2700:
            return int(text)
        return None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        year = self.first_year()
        context["first_fiscal_year"] = year
        context["year_error"] = year is None
        context["preview"] = services.preview_move(self.object, year) if year else None
        return context

    def post(self, request, *args, **kwargs):
        self.object = catalogue = self.get_object()
        year = self.first_year()
        if year is None:
            return self.render_to_response(self.get_context_data())
        preview = services.put_in_force(catalogue, first_fiscal_year=year, acting_user=request.user)
        messages.success(
            request,
            _(
                "{catalogue} is in force from fiscal year {year}: {targets} targets and {results} results of {areas} "
                "areas carried over."
            ).format(
                catalogue=catalogue,
                year=year,
                targets=preview.targets,
                results=preview.results,
                areas=preview.area_count,
            ),
        )
        return redirect(catalogue)


class AreaRequirementSelectionView(View):
    """The specific requirements an area adopts from one catalogue version: everyone may read them; the
    province's officer and the area's secretariat choose them (an HTMX form on the same page)."""

    template_name = "criteria/area_selection.html"

    def dispatch(self, request, *args, **kwargs):
        self.area = get_object_or_404(Area.objects.for_user(request.user), code=kwargs["code"])
        self.can_choose = may(request.user, "criteria.change_arearequirementselection", self.area)
        if request.method == "POST" and not self.can_choose:
            return core.refuse_without(request, "criteria.change_arearequirementselection") or self._not_here()
        catalogues = Catalogue.objects.order_by("code", "-first_fiscal_year", "-loaded", "-pk")
        chosen = request.GET.get("catalogue") or request.POST.get("catalogue") or ""
        if chosen and not (chosen.isascii() and chosen.isdigit()):
            raise Http404
        self.catalogue = get_object_or_404(catalogues, pk=chosen) if chosen else catalogue_for(current_fiscal_year())
        self.catalogues = catalogues
        return super().dispatch(request, *args, **kwargs)

    @staticmethod
    def _not_here():
        raise Http404

    def _requirements(self):
        specific = list(
            Requirement.objects.filter(catalogue=self.catalogue, kind=RequirementKind.SPECIFIC).select_related("level")
        )
        automatic = [requirement for requirement in specific if self.area.kind in requirement.applies_to_area_kinds]
        selectable = Requirement.objects.filter(pk__in=[r.pk for r in specific if r not in automatic])
        return automatic, selectable

    def _render(self, form, automatic, saved=False, selected=()):
        context = {
            "area": self.area,
            "catalogue": self.catalogue,
            "catalogues": self.catalogues,
            "form": form,
            "automatic": automatic,
            "saved": saved,
            "can_choose": self.can_choose,
            "selected": selected,
        }
        name = self.template_name + ("#selection" if self.request.htmx else "")
        return render(self.request, name, context)

    def get(self, request, code):
        if self.catalogue is None:
            return self._render(None, [])
        automatic, selectable = self._requirements()
        selected = self.area.requirement_selections.filter(requirement__catalogue=self.catalogue).select_related(
            "requirement"
        )
        if not self.can_choose:
            return self._render(None, automatic, selected=[s.requirement for s in selected])
        initial = {"requirements": [s.requirement_id for s in selected]}
        return self._render(forms.AreaRequirementSelectionForm(initial=initial, requirements=selectable), automatic)

    def post(self, request, code):
        if self.catalogue is None:
            raise PermissionDenied
        automatic, selectable = self._requirements()
        form = forms.AreaRequirementSelectionForm(request.POST, requirements=selectable)
        if not form.is_valid():
            return self._render(form, automatic)
        try:
            services.select_specific_requirements(
                self.area, self.catalogue, list(form.cleaned_data["requirements"]), acting_user=request.user
            )
        except ValidationError as error:
            form.add_error("requirements", error.messages)
            return self._render(form, automatic)
        if not request.htmx:
            messages.success(request, _("Saved the specific requirements of {area}.").format(area=self.area))
            return redirect(request.path + f"?catalogue={self.catalogue.pk}")
        return self._render(form, automatic, saved=True)
