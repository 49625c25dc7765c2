from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _

from ecotown.areas.choices import AreaStatus
from ecotown.areas.filtersets import AreaFilterSet
from ecotown.areas.forms import AreaContactForm, AreaForm
from ecotown.areas.models import Area, AreaContact, Programme
from ecotown.areas.tables import AreaTable
from ecotown.core import views as core


class AreaMixin:
    model = Area

    def base_queryset(self):
        return Area.objects.select_related("province")


class AreaListView(AreaMixin, core.ObjectListView):
    """The national page: every area with the programme's targets for provinces and areas."""

    filterset_class = AreaFilterSet
    table_class = AreaTable
    template_name = "areas/area_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["programme"] = Programme.objects.first()
        context["progress"] = Area.objects.aggregate(
            areas=Count("pk"),
            provinces=Count("province", distinct=True),
            certified=Count("pk", filter=Q(status=AreaStatus.CERTIFIED)),
        )
        return context


class AreaDetailView(AreaMixin, core.ObjectDetailView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        area = self.object
        context["contacts"] = area.contacts.all()
        context["districts"] = area.districts.all()
        context["subdistricts"] = area.subdistricts.select_related("district")
        context["target_panel"] = area_target_panel(area, self.request.user)
        return context


def area_target_panel(area, user):
    """The current fiscal year's target counts, when the area's targets are within the user's scope."""
    from ecotown.core.dates import current_fiscal_year
    from ecotown.targets.summary import target_summary_for_user

    year = current_fiscal_year()
    summary = target_summary_for_user(area, user, year)
    return None if summary is None else {"fiscal_year": year, "summary": summary}


def area_by_code(request, code):
    """A stable, readable link to an area: /areas/by-code/pte-bang-kadi/."""
    area = get_object_or_404(Area.objects.for_user(request.user, "view"), code=code)
    return redirect(area)


class AreaEditView(AreaMixin, core.ObjectEditView):
    form_class = AreaForm


class AreaDeleteView(AreaMixin, core.ObjectDeleteView):
    pass


class AreaHistoryView(AreaMixin, core.ObjectHistoryView):
    pass


class AreaContactMixin:
    model = AreaContact

    def base_queryset(self):
        return AreaContact.objects.select_related("area")


class AreaContactDetailView(AreaContactMixin, core.ObjectDetailView):
    pass


class AreaContactEditView(AreaContactMixin, core.ObjectEditView):
    form_class = AreaContactForm

    def get_initial(self):
        return {"area": self.request.GET.get("area")}

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        form.fields["area"].empty_label = _("Choose the area")
        return form

    def get_success_url(self):
        return self.object.area.get_absolute_url()


class AreaContactDeleteView(AreaContactMixin, core.ObjectDeleteView):
    def get_success_url(self):
        return self.object.area.get_absolute_url()


class AreaContactHistoryView(AreaContactMixin, core.ObjectHistoryView):
    pass
