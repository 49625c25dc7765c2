"""Demo data for areas: a lived-in profile for Bang Kadi, labelled as demo data. Idempotent."""

from ecotown.areas.models import Area, AreaContact

DEMO_LABEL = "ข้อมูลสาธิต (demo data)"


def seed_area_profiles(**context) -> str:
    bang_kadi = Area.objects.get(code="pte-bang-kadi")
    if not bang_kadi.main_industries:
        bang_kadi.population = 21500
        bang_kadi.factory_count = 62
        bang_kadi.main_industries = "อิเล็กทรอนิกส์ ชิ้นส่วนยานยนต์ อาหาร (สวนอุตสาหกรรมบางกะดี)"
        bang_kadi.key_problems = "น้ำเสียลงแม่น้ำเจ้าพระยา กากของเสียอุตสาหกรรม การจราจรช่วงเข้า-ออกงาน"
        bang_kadi.notes = f"{DEMO_LABEL}: ประชากร จำนวนโรงงาน อุตสาหกรรมหลัก และปัญหาสำคัญ เป็นตัวเลขสมมุติเพื่อสาธิตระบบ"
        bang_kadi.save()
    AreaContact.objects.get_or_create(
        area=bang_kadi,
        name="วิไลวรรณ มั่นคง",
        defaults={
            "position": "เลขานุการคณะกรรมการพื้นที่",
            "organisation": "เทศบาลเมืองบางกะดี",
            "phone": "02-000-0000",
            "notes": DEMO_LABEL,
        },
    )
    return "Bang Kadi profile"
