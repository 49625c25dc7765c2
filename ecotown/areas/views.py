from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _
from django.views import generic

from ecotown.areas import services
from ecotown.areas.choices import AreaStatus
from ecotown.areas.filtersets import AreaFilterSet
from ecotown.areas.forms import AreaContactForm, AreaForm, AreaStatusForm
from ecotown.areas.models import AREA_WORKFLOW, Area, AreaContact, Programme
from ecotown.areas.tables import AreaTable
from ecotown.core import views as core
from ecotown.core.registry import registry
from ecotown.core.scopes import may


class AreaListView(core.ObjectListView):
    """The national page: every area with the programme's targets for provinces and areas."""

    model = Area
    filterset_class = AreaFilterSet
    table_class = AreaTable
    template_name = "areas/area_list.html"

    def base_queryset(self):
        # The columns the table shows: not an area's boundary (GeoJSON, parsed for every row) or its long texts.
        return Area.objects.with_related().only(
            "id", "code", "name_th", "name_en", "province", "kind", "status", "certified_level", "joined_year",
            "province__code", "province__name_th", "province__name_en",
        )  # fmt: skip

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["programme"] = Programme.objects.first()
        context["progress"] = Area.objects.aggregate(
            areas=Count("pk"),
            provinces=Count("province", distinct=True),
            certified=Count("pk", filter=Q(status=AreaStatus.CERTIFIED)),
        )
        return context


class AreaDetailView(core.ObjectDetailView):
    model = Area

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        area, user = self.object, self.request.user
        context["contacts"] = AreaContact.objects.filter(area=area).for_user(user)
        context["perms_contacts"] = may(user, "areas.view_areacontact", area)
        context["can_add_contact"] = may(user, "areas.add_areacontact", area)
        context["districts"] = area.districts.all()
        context["subdistricts"] = area.subdistricts.select_related("district")
        context["status_steps"] = AREA_WORKFLOW.available(area, user)
        context["panels"] = registry.panels_for("area", self.request, area)
        return context


def area_by_code(request, code):
    """A stable, readable link to an area: /areas/by-code/pte-bang-kadi/."""
    area = get_object_or_404(Area.objects.for_user(request.user, "view"), code=code)
    return redirect(area)


class AreaEditView(core.ObjectEditView):
    model = Area
    form_class = AreaForm


class AreaDeleteView(core.ObjectDeleteView):
    model = Area


class AreaHistoryView(core.ObjectHistoryView):
    model = Area


class AreaStatusView(core.ScopedViewMixin, generic.DetailView):
    """The DIW administrator's named status steps for an area, each with its reason (AREA_WORKFLOW)."""

    model = Area
    template_name = "areas/area_status.html"

    def get_queryset(self):
        return Area.objects.with_related().for_permission(self.request.user, "areas.set_status_area")

    def permission(self, action=None):
        return "areas.set_status_area"

    def post(self, request, *args, **kwargs):
        area = self.object = self.get_object()
        form = AreaStatusForm(request.POST, steps=AREA_WORKFLOW.available(area, request.user))
        if form.is_valid():
            step = form.cleaned_data["step"]
            options = {"acting_user": request.user, "reason": form.cleaned_data["reason"]}
            if step == "record_certification":
                options.update(
                    level=form.cleaned_data["certified_level"], valid_until=form.cleaned_data["certified_until"]
                )
            try:
                services.STEPS[step](area, **options)
            except PermissionDenied:
                raise
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Recorded: {step}.").format(step=AREA_WORKFLOW[step].label))
                return redirect(area)
        return render(request, self.template_name, self.get_context_data(form=form))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", AreaStatusForm(steps=AREA_WORKFLOW.available(self.object, self.request.user)))
        return context


class AreaContactDetailView(core.ObjectDetailView):
    model = AreaContact


class AreaContactEditView(core.ObjectEditView):
    model = AreaContact
    form_class = AreaContactForm
    parent_field = "area"

    def get_success_url(self):
        return self.object.area.get_absolute_url()


class AreaContactDeleteView(core.ObjectDeleteView):
    model = AreaContact

    def get_success_url(self):
        return self.object.area.get_absolute_url()


class AreaContactHistoryView(core.ObjectHistoryView):
    model = AreaContact
