"""List pages write table rows and <select> options in Python (core.tables.Table.body_html, core.forms
FastSelectMixin) for speed: the HTML must be what django-tables2's and Django's templates write."""

import re

import django_tables2 as tables
import pytest
from django import forms
from django.template import Context, Template
from django.test import RequestFactory
from django.utils.html import format_html

from ecotown.core.forms import BuddhistDateField, FastInputMixin, FastSelectMixin, style_fields
from ecotown.core.tables import Table
from ecotown.geo.models import Province


def normalised(html: str) -> str:
    return re.sub(r">\s+<", "><", re.sub(r"\s+", " ", str(html))).strip()


def django_rendering(form, name):
    """The field as Django's own templates render it, whatever class style_fields gave the widget."""
    widget = form.fields[name].widget
    fast = type(widget)
    widget.__class__ = next(cls for cls in fast.__mro__ if not issubclass(cls, FastSelectMixin | FastInputMixin))
    try:
        return str(form[name])
    finally:
        widget.__class__ = fast


class Choices(forms.Form):
    single = forms.ChoiceField(choices=[("", "- เลือก -"), ("a", "A & <b>"), ("b", "บี")])
    grouped = forms.ChoiceField(choices=[("ภาค", [("n", "เหนือ"), ("s", "ใต้")]), ("x", "อื่น ๆ")], required=False)
    several = forms.MultipleChoiceField(choices=[("1", "หนึ่ง"), ("2", "สอง"), ("3", "สาม")], required=False)
    twice = forms.ChoiceField(choices=[("a", "first"), ("a", "second")], required=False)
    flag = forms.NullBooleanField(required=False)
    radio = forms.ChoiceField(choices=[("a", "A")], widget=forms.RadioSelect, required=False)


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"single": "a", "grouped": "s", "several": ["1", "3"], "twice": "a", "flag": "true"},
        {"single": "<script>", "grouped": "", "several": [], "flag": "false"},
    ],
)
def test_a_select_is_written_as_djangos_template_writes_it(data):
    form = Choices(data=data or None)
    style_fields(form)
    assert isinstance(form.fields["single"].widget, FastSelectMixin)
    assert isinstance(form.fields["several"].widget, FastSelectMixin)
    assert not isinstance(form.fields["radio"].widget, FastSelectMixin)  # its own templates
    for name in ("single", "grouped", "several", "twice", "flag"):
        assert normalised(form[name]) == normalised(django_rendering(form, name)), name
    style_fields(form)  # styling twice keeps one class
    assert type(form.fields["single"].widget).__mro__.count(FastSelectMixin) == 1


class Inputs(forms.Form):
    text = forms.CharField(required=False, max_length=20, widget=forms.TextInput(attrs={"placeholder": 'a "b" <c>'}))
    number = forms.DecimalField(required=False, min_value=0, max_digits=5, decimal_places=2)
    email = forms.EmailField(required=False, disabled=True)
    secret = forms.CharField(required=False, widget=forms.PasswordInput)
    kept = forms.CharField(required=False, widget=forms.PasswordInput(render_value=True))
    hidden = forms.IntegerField(required=False, widget=forms.HiddenInput)
    day = BuddhistDateField(required=False)
    when = forms.DateField(required=False, widget=forms.DateInput(attrs={"autofocus": True, "readonly": False}))
    search = forms.CharField(required=False, widget=forms.SearchInput)


@pytest.mark.parametrize(
    "data",
    [
        None,
        {"text": '<script>"x"&', "number": "12.5", "email": "a@b.c", "secret": "pw", "kept": "pw", "hidden": "7",
         "day": "22/11/2569", "when": "2026-11-22", "search": "ก ข"},
        {"number": "not a number", "day": "99/99/9999"},
    ],
)  # fmt: skip
def test_an_input_is_written_as_djangos_template_writes_it(data):
    form = Inputs(data=data, initial={"day": __import__("datetime").date(2026, 11, 22)})
    style_fields(form)
    for name in form.fields:
        assert isinstance(form.fields[name].widget, FastInputMixin), name
        assert normalised(form[name]) == normalised(django_rendering(form, name)), name
    style_fields(form)
    assert type(form.fields["text"].widget).__mro__.count(FastInputMixin) == 1


def test_inputs_with_their_own_templates_keep_them():
    class Others(forms.Form):
        upload = forms.FileField(required=False)
        note = forms.CharField(required=False, widget=forms.Textarea)
        tick = forms.BooleanField(required=False)

    form = Others()
    style_fields(form)
    assert not any(isinstance(field.widget, FastInputMixin) for field in form.fields.values())


@pytest.mark.django_db
def test_a_model_choice_select_is_written_as_djangos_template_writes_it():
    class ProvinceForm(forms.Form):
        province = forms.ModelChoiceField(Province.objects.all(), to_field_name="code", empty_label="ทุกจังหวัด")

    form = ProvinceForm(data={"province": "13"})
    style_fields(form)
    html = str(form["province"])
    assert normalised(html) == normalised(django_rendering(form, "province"))
    assert html.count("<option") == 78
    assert '<option value="13" selected>ปทุมธานี</option>' in html


class Cells(Table):
    name_th = tables.Column(linkify=True, attrs={"td": {"class": "name"}})
    code = tables.Column(attrs={"td": {"data-code": lambda value: value}})
    note = tables.Column(accessor="pk", orderable=False)
    empty = tables.Column(accessor="name_en", default="—", verbose_name="x")

    class Meta(Table.Meta):
        model = Province
        fields = ["name_th", "code"]
        row_attrs = {"data-id": lambda record: record.pk}

    def render_note(self, record, value):
        return format_html("<b>{}</b> & {}", record.code, "<i>")


@pytest.mark.django_db
def test_table_rows_are_written_as_the_django_tables2_template_writes_them():
    Province.objects.filter(code="12").update(name_en="")
    request = RequestFactory().get("/")
    rows_template = Template(
        "{% for row in table.paginated_rows %}<tr {{ row.attrs.as_html }}>{% for column, cell in row.items %}"
        "<td {{ column.attrs.td.as_html }}>{{ cell }}</td>{% endfor %}</tr>{% endfor %}"
    )

    def table():
        made = Cells(Province.objects.filter(code__lt="25").order_by("code"), request=request)
        made.paginate(per_page=10)
        return made

    expected = rows_template.render(Context({"table": table()}))
    written = table().body_html()
    assert normalised(written) == normalised(expected)
    assert 'data-code="13"' in written
    assert "<b>13</b> & &lt;i&gt;" in written
    assert written.count("<tr") == 10
    assert "—" in written  # the default of an empty cell


@pytest.mark.django_db
def test_a_detail_link_is_the_route_reversed(world):
    from django.urls import reverse, set_script_prefix

    from ecotown.areas.models import AreaContact

    contact = AreaContact.objects.create(area=world.area_a1, name="ก")
    assert contact.get_absolute_url() == reverse("areas:areacontact_detail", kwargs={"pk": contact.pk})
    try:
        set_script_prefix("/ecotown/")  # served under a path: the cached split follows the prefix
        assert contact.get_absolute_url() == f"/ecotown/areas/contacts/{contact.pk}/"
        assert contact.get_absolute_url() == reverse("areas:areacontact_detail", kwargs={"pk": contact.pk})
    finally:
        set_script_prefix("/")


@pytest.mark.django_db
def test_every_apps_table_writes_the_rows_its_template_would(settings, tmp_path):
    from ecotown.core.testing import build_world

    settings.EVIDENCE_ROOT = tmp_path
    build_world(full=True)
    request = RequestFactory().get("/")
    rows_template = Template(
        "{% for row in table.paginated_rows %}<tr {{ row.attrs.as_html }}>{% for column, cell in row.items %}"
        "<td {{ column.attrs.td.as_html }}>{{ cell }}</td>{% endfor %}</tr>{% endfor %}"
    )
    from importlib import import_module
    from importlib.util import find_spec

    from django.apps import apps

    for config in apps.get_app_configs():
        if config.name.startswith("ecotown.") and find_spec(f"{config.name}.tables"):
            import_module(f"{config.name}.tables")
    checked = 0
    for table_class in _subclasses(Table):
        model = getattr(table_class._meta, "model", None)
        if model is None or table_class.__module__.startswith("ecotown.core.tests"):
            continue
        queryset = model.objects.with_related() if hasattr(model.objects, "with_related") else model.objects.all()

        def table(table_class=table_class, queryset=queryset):
            made = table_class(queryset.order_by("pk"), request=request)
            made.paginate(per_page=25)
            return made

        if not queryset.exists():
            continue
        assert normalised(table().body_html()) == normalised(rows_template.render(Context({"table": table()})))
        checked += 1
    assert checked >= 5


def _subclasses(cls):
    for subclass in cls.__subclasses__():
        yield subclass
        yield from _subclasses(subclass)


@pytest.mark.django_db
def test_model_choices_follow_an_edit_and_are_not_kept_for_models_without_a_change_stamp(world):
    from ecotown.accounts.models import User
    from ecotown.areas.models import Area

    class Pick(forms.Form):
        area = forms.ModelChoiceField(Area.objects.order_by("code"))
        user = forms.ModelChoiceField(User.objects.order_by("pk"))

    def rendered():
        form = Pick()
        style_fields(form)
        return str(form["area"]), str(form["user"])

    rendered()
    area = Area.objects.get(pk=world.area_a1.pk)
    area.name_th = "พื้นที่เปลี่ยนชื่อ"
    area.save()
    User.objects.filter(pk=world.officer_a.pk).update(first_name="ชื่อใหม่", last_name="นามสกุลใหม่")
    area_html, user_html = rendered()
    assert "พื้นที่เปลี่ยนชื่อ" in area_html
    assert str(User.objects.get(pk=world.officer_a.pk)) in user_html


@pytest.mark.parametrize("code", ["pte-bang-kadi", "a.b_c", "บางกะดี", "a b", "x/y", 42])
def test_a_route_with_a_code_is_the_route_reversed(code):
    from django.urls import NoReverseMatch, reverse, set_script_prefix

    from ecotown.core.models import route_url

    try:
        expected = reverse("targets:area_target_table", kwargs={"code": code})
    except NoReverseMatch:
        with pytest.raises(NoReverseMatch):
            route_url("targets:area_target_table", code=code)
        return
    assert route_url("targets:area_target_table", code=code) == expected
    try:
        set_script_prefix("/ecotown/")
        assert route_url("targets:area_target_table", code=code) == reverse(
            "targets:area_target_table", kwargs={"code": code}
        )
    finally:
        set_script_prefix("/")


def test_a_number_route_given_text_is_refused_as_reverse_refuses_it():
    from django.urls import NoReverseMatch

    from ecotown.core.models import route_url

    assert route_url("targets:target_detail", pk=7).endswith("/7/")
    with pytest.raises(NoReverseMatch):
        route_url("targets:target_detail", pk="a-slug")


@pytest.mark.django_db
def test_a_prefetched_many_to_many_column_is_written_as_its_template_writes_it():
    """A ManyToManyColumn over a prefetched relation: the cells read the prefetched items, with no query."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from ecotown.criteria.models import Requirement
    from ecotown.criteria.tables import RequirementTable
    from ecotown.criteria.testing import make_catalogue, make_dimension, make_requirement
    from ecotown.criteria.views import RequirementListView

    class Dimensions(Table):
        dimensions = tables.ManyToManyColumn()

        class Meta(Table.Meta):
            model = Requirement
            fields = ["code", "dimensions"]

    catalogue = make_catalogue(version="1")
    make_requirement(catalogue, "G1-01", dimension="environment")
    both = make_requirement(catalogue, "G1-02", dimension="environment")
    both.dimensions.add(make_dimension(catalogue, "society & <b>"))
    make_requirement(catalogue, "G1-03")  # no dimension: the column's default
    request = RequestFactory().get("/")
    rows_template = Template(
        "{% for row in table.paginated_rows %}<tr {{ row.attrs.as_html }}>{% for column, cell in row.items %}"
        "<td {{ column.attrs.td.as_html }}>{{ cell }}</td>{% endfor %}</tr>{% endfor %}"
    )

    def table(table_class, queryset):
        made = table_class(queryset.order_by("pk"), request=request)
        made.paginate(per_page=25)
        return made

    prefetched = Requirement.objects.prefetch_related("dimensions")
    expected = rows_template.render(Context({"table": table(Dimensions, prefetched)}))
    written_table = table(Dimensions, prefetched)
    with CaptureQueriesContext(connection) as queries:
        written = written_table.body_html()
    assert normalised(written) == normalised(expected)
    assert len(queries) == 2  # the page's rows and their dimensions, none per cell
    assert "environment, society &amp; &lt;b&gt;" in written
    assert "—" in written

    # The requirement list reads the names of the shown rows' dimensions in one query of its own.
    listed = RequirementListView().base_queryset()
    expected = rows_template.render(Context({"table": table(RequirementTable, listed)}))
    written_table = table(RequirementTable, listed)
    with CaptureQueriesContext(connection) as queries:
        written = written_table.body_html()
    assert normalised(written) == normalised(expected)
    assert len(queries) == 2
    assert "environment, society &amp; &lt;b&gt;" in written


HEAD_TEMPLATE = (
    '{% load django_tables2 %}{% for column in table.columns %}<th {{ column.attrs.th.as_html }} scope="col">'
    '{% if column.orderable %}<a href="{% querystring_replace table.prefixed_order_by_field='
    'column.order_by_alias.next %}">{{ column.header|capfirst }}{% if column.is_ordered %} <i class="bi bi-caret-'
    '{% if column.order_by_alias.is_descending %}down{% else %}up{% endif %}-fill"></i>{% endif %}</a>'
    "{% else %}{{ column.header|capfirst }}{% endif %}</th>{% endfor %}"
)


class Headers(Table):
    name_th = tables.Column(verbose_name="ชื่อ <จังหวัด>", attrs={"th": {"class": "wide"}})
    code = tables.Column(verbose_name="code")
    note = tables.Column(accessor="pk", orderable=False, verbose_name="หมายเหตุ & อื่น ๆ")

    class Meta(Table.Meta):
        model = Province
        fields = ["name_th", "code"]


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["", "?sort=code", "?sort=-name_th&q=ก%20ข&page=2", "?area=a&area=b&sort=note"])
def test_table_headers_are_written_as_the_template_wrote_them(query):
    """Sortable headers link the current query string with the column's next ordering; the ordered column shows
    its direction (django-tables2's querystring_replace, which core/table.html used)."""
    from django_tables2 import RequestConfig

    request = RequestFactory().get(f"/provinces/{query}")
    table = Headers(Province.objects.all())
    RequestConfig(request, paginate={"per_page": 10}).configure(table)
    expected = Template(HEAD_TEMPLATE).render(Context({"table": table, "request": request}))
    assert normalised(table.head_html()) == normalised(expected)


FILTER_LOOP = """{% load i18n %}{% for field in filter.form %}
    <div class="col-12 col-md-{% if field.name == 'q' %}4{% else %}3{% endif %}">
      <label class="form-label small mb-1" for="{{ field.id_for_label }}">{{ field.label|capfirst }}</label>
      {% if field.name == "q" %}<input type="search" name="q" id="{{ field.id_for_label }}" value="{{ field.value|default:'' }}" class="form-control" placeholder="{% translate 'Search' %}…">{% else %}{{ field }}{% endif %}
    </div>
  {% endfor %}"""  # noqa: E501 (the loop core/object_list.html had)


@pytest.mark.django_db
@pytest.mark.parametrize("query", [{}, {"q": '"><script>x</script>', "kind": "general", "level": "2", "wording": "x"}])
def test_filter_fields_are_written_as_the_template_loop_wrote_them(query):
    from django.utils import translation

    from ecotown.core.templatetags.ecotown import filter_fields
    from ecotown.criteria.filtersets import RequirementFilterSet
    from ecotown.criteria.models import Requirement

    for language in ("th", "en"):
        with translation.override(language):
            filterset = RequirementFilterSet(query, queryset=Requirement.objects.all())
            expected = Template(FILTER_LOOP).render(Context({"filter": filterset}))
            assert normalised(filter_fields(filterset.form)) == normalised(expected)


@pytest.mark.django_db
def test_choice_cells_show_the_label_the_model_gives(world):
    """Choice labels are worked out once per table: the same as get_FOO_display, a value outside the choices
    shown as it is, and a model's own get_FOO_display still used."""
    from django.utils import translation

    from ecotown.areas.models import Area

    class Areas(Table):
        class Meta(Table.Meta):
            model = Area
            fields = ["code", "kind", "status"]

    Area.objects.filter(pk=world.area_b1.pk).update(kind="not-a-kind")
    request = RequestFactory().get("/")
    rows_template = Template(
        "{% for row in table.paginated_rows %}<tr {{ row.attrs.as_html }}>{% for column, cell in row.items %}"
        "<td {{ column.attrs.td.as_html }}>{{ cell }}</td>{% endfor %}</tr>{% endfor %}"
    )

    def table():
        made = Areas(Area.objects.order_by("code"), request=request)
        made.paginate(per_page=25)
        return made

    for language in ("th", "en"):
        with translation.override(language):
            written = table().body_html()
            assert normalised(written) == normalised(rows_template.render(Context({"table": table()})))
    assert "not-a-kind" in written
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Area, "get_status_display", lambda self: "own label", raising=False)
        assert "own label" in table().body_html()


def test_each_table_works_on_its_own_copy_of_the_columns():
    first = Headers(Province.objects.none())
    second = Headers(Province.objects.none())
    first.columns.hide("code")
    assert not first.columns["code"].visible
    assert second.columns["code"].visible
    assert Headers(Province.objects.none()).columns["code"].visible
    assert first.columns["code"].column is not Headers.base_columns["code"]


@pytest.mark.django_db
def test_model_choices_of_every_row_and_of_a_filtered_query_are_kept_apart(world):
    """A drop-down of every row is known without writing its SQL; one of some rows keeps its own options."""
    from ecotown.areas.models import Area

    class Pick(forms.Form):
        every = forms.ModelChoiceField(Area.objects.all())
        some = forms.ModelChoiceField(Area.objects.filter(province=world.province_a))
        ordered = forms.ModelChoiceField(Area.objects.order_by("-code"))

    form = Pick()
    style_fields(form)
    every, some, ordered = str(form["every"]), str(form["some"]), str(form["ordered"])
    assert every.count("<option") == Area.objects.count() + 1
    assert some.count("<option") == Area.objects.filter(province=world.province_a).count() + 1
    assert every != some
    assert ordered.index(world.area_b1.name) < ordered.index(world.area_a1.name)
    for name in ("every", "some", "ordered"):
        assert normalised(form[name]) == normalised(django_rendering(form, name)), name
