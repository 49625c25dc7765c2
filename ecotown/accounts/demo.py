"""Demo accounts for `make run`: one per role, every one with the password DEMO_PASSWORD. Idempotent."""

from ecotown.accounts.choices import Role
from ecotown.accounts.models import SCOPE_FIELDS, RoleAssignment, User

DEMO_PASSWORD = "demo-EcoTown-2569"

# username, role, scope (province code or area code), name, organisation
DEMO_ACCOUNTS = (
    ("admin", Role.DIW_ADMIN, None, "สมชาย ใจดี", "กองพัฒนาอุตสาหกรรมเชิงนิเวศ กรมโรงงานอุตสาหกรรม"),
    ("officer.pathumthani", Role.PROVINCIAL_OFFICER, "13", "สุภาพร ศรีสุข", "สำนักงานอุตสาหกรรมจังหวัดปทุมธานี"),
    ("officer.rayong", Role.PROVINCIAL_OFFICER, "21", "ประเสริฐ ทองดี", "สำนักงานอุตสาหกรรมจังหวัดระยอง"),
    ("secretary.bangkadi", Role.AREA_SECRETARY, "pte-bang-kadi", "วิไลวรรณ มั่นคง", "เทศบาลเมืองบางกะดี"),
    ("auditor.bangkadi", Role.INTERNAL_AUDITOR, "pte-bang-kadi", "ธนพล รักษ์ดี", "คณะทำงานตรวจประเมินภายใน"),
    ("auditor.external", Role.EXTERNAL_AUDITOR, None, "กมลชนก วงศ์ไทย", "ผู้ตรวจประเมินจากส่วนกลาง"),
    ("operator.factory", Role.FACTORY_OPERATOR, None, "อนุชา พัฒนกิจ", "บริษัท ตัวอย่างอุตสาหกรรม จำกัด"),
    ("consultant", Role.CONSULTANT, None, "ดร.ปิยะ นิเวศน์", "สถาบันที่ปรึกษาตัวอย่าง"),
    ("public", Role.PUBLIC, None, "ประชาชน ทั่วไป", ""),
)


def _scope(role, code) -> dict:

    name = SCOPE_FIELDS.get(role.scope_kind)
    if name is None:
        return {}
    model = RoleAssignment._meta.get_field(name).related_model
    return {name: model.objects.get(code=code)}


def demo_account(username, role, scope, full_name, organisation) -> User:
    first_name, _space, last_name = full_name.partition(" ")
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
    RoleAssignment.objects.get_or_create(user=user, role=role, **_scope(role, scope))
    return user


def seed_accounts(**context) -> str:
    users = [demo_account(*row) for row in DEMO_ACCOUNTS]
    return f"{len(users)} accounts (password {DEMO_PASSWORD})"
