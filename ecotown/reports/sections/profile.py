"""Area profile: who and where the area is, as recorded on the area (areas app) and in the factory register."""

from django.utils.translation import gettext as _

from ecotown.core.dates import format_be
from ecotown.factories.models import Factory
from ecotown.reports.sections import Table


def build(inp, result) -> None:
    area = inp.area
    districts = ", ".join(district.name_th for district in area.districts.order_by("code"))
    registered = Factory.objects.filter(areas=area).count()
    rows = [
        [_("Name"), area.name_th],
        [_("Province"), area.province.name_th],
        [_("Kind of area"), area.get_kind_display()],
        [_("Districts covered"), districts],
        [_("Year joined (B.E.)"), area.joined_year],
        [_("Phase"), area.phase],
        [_("Status"), area.get_status_display()],
        [_("Population"), area.population],
        [_("Number of factories (recorded on the area)"), area.factory_count],
        [_("Factories in the EcoTown database"), registered],
        [_("Main industries"), area.main_industries],
        [_("Key local problems"), area.key_problems],
        [_("Contacts"), area.contacts.count()],
    ]
    result.tables.append(Table("profile", _("Area profile"), [_("Item"), _("Value")], rows))
    result.paragraphs.append(
        _(
            "The report compares fiscal year {baseline} (baseline) with fiscal year {current}; records dated after "
            "{cut_off} are left out."
        ).format(baseline=inp.baseline, current=inp.current, cut_off=format_be(inp.cut_off, "long"))
    )
    for label, value in rows:
        if value in (None, ""):
            result.missing.append(_("Area profile: “{item}” is not recorded.").format(item=label))
