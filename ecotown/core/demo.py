"""Demo data for `make run`: one account per role and a lived-in first wave of areas. Idempotent."""

from django.db import transaction

from ecotown.accounts.choices import Role
from ecotown.accounts.models import RoleAssignment, User
from ecotown.areas.models import Area, AreaContact
from ecotown.core.dates import current_fiscal_year
from ecotown.geo.models import Province

DEMO_PASSWORD = "demo-EcoTown-2569"

# username, role, scope (province code or area code), name, organisation
DEMO_ACCOUNTS = (
    ("admin", Role.DIW_ADMIN, None, "สมชาย ใจดี", "กองพัฒนาอุตสาหกรรมเชิงนิเวศ กรมโรงงานอุตสาหกรรม"),
    ("officer.pathumthani", Role.PROVINCIAL_OFFICER, "13", "สุภาพร ศรีสุข", "สำนักงานอุตสาหกรรมจังหวัดปทุมธานี"),
    ("officer.rayong", Role.PROVINCIAL_OFFICER, "21", "ประเสริฐ ทองดี", "สำนักงานอุตสาหกรรมจังหวัดระยอง"),
    ("secretary.bangkadi", Role.AREA_SECRETARY, "pte-bang-kadi", "วิไลวรรณ มั่นคง", "เทศบาลเมืองบางกะดี"),
    ("auditor.bangkadi", Role.INTERNAL_AUDITOR, "pte-bang-kadi", "ธนพล รักษ์ดี", "คณะทำงานตรวจประเมินภายใน"),
    ("auditor.external", Role.EXTERNAL_AUDITOR, None, "กมลชนก วงศ์ไทย", "ผู้ตรวจประเมินส่วนกลาง"),
    ("operator.factory", Role.FACTORY_OPERATOR, None, "อนุชา พัฒนกิจ", "บริษัท ตัวอย่างอุตสาหกรรม จำกัด"),
    ("consultant", Role.CONSULTANT, None, "ดร.ปิยะ นิเวศน์", "สถาบันที่ปรึกษาตัวอย่าง"),
    ("public", Role.PUBLIC, None, "ประชาชน ทั่วไป", ""),
)


def _account(username, role, scope, full_name, organisation):
    first_name, _, last_name = full_name.partition(" ")
    user, created = User.objects.get_or_create(
        username=username,
        defaults={
            "email": f"{username}@demo.ecotown.local",
            "first_name": first_name,
            "last_name": last_name,
            "organisation": organisation,
        },
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    scope_fields = {}
    if role.scope_kind == "province":
        scope_fields["province"] = Province.objects.get(code=scope)
    elif role.scope_kind == "area":
        scope_fields["area"] = Area.objects.get(code=scope)
    RoleAssignment.objects.get_or_create(user=user, role=role, **scope_fields)
    return user


def _area_profiles():
    bang_kadi = Area.objects.get(code="pte-bang-kadi")
    if not bang_kadi.main_industries:
        bang_kadi.population = 21500
        bang_kadi.factory_count = 62
        bang_kadi.main_industries = "อิเล็กทรอนิกส์ ชิ้นส่วนยานยนต์ อาหาร (สวนอุตสาหกรรมบางกะดี)"
        bang_kadi.key_problems = "น้ำเสียลงแม่น้ำเจ้าพระยา กากของเสียอุตสาหกรรม การจราจรช่วงเข้า-ออกงาน"
        bang_kadi.save()
    AreaContact.objects.get_or_create(
        area=bang_kadi,
        name="วิไลวรรณ มั่นคง",
        defaults={"position": "เลขานุการคณะกรรมการพื้นที่", "organisation": "เทศบาลเมืองบางกะดี", "phone": "02-000-0000"},
    )


@transaction.atomic
def seed_demo() -> dict:
    users = [_account(*row) for row in DEMO_ACCOUNTS]
    _area_profiles()
    targets = _seed_targets()
    return {"accounts": len(users), "targets": targets}


def _seed_targets() -> int:
    from ecotown.criteria.models import Catalogue
    from ecotown.targets.demo import seed_demo_targets

    catalogue = Catalogue.objects.order_by("-effective_date").first()
    if catalogue is None:
        return 0
    # Last fiscal year with results, this one with targets only, whatever year `make run` happens in.
    this_year = current_fiscal_year()
    years = (this_year - 1, this_year)
    return sum(seed_demo_targets(area, catalogue, fiscal_years=years) or 0 for area in Area.objects.all())
