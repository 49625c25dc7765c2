"""The audit cycle in a real browser: the internal auditor records results and a major finding, the area's
secretariat answers with a corrective action, the auditor verifies it and the level goes up; after the external
audit, DIW records the expert committee's resolution and the public verification page shows the certificate."""

import pytest

from tests.test_browser import page, sign_in  # noqa: F401 (the fixture)

pytestmark = pytest.mark.browser


def _world():
    from ecotown.audits import choices
    from ecotown.audits.testing import make_assessment, on_team
    from ecotown.core.testing import build_world
    from ecotown.criteria.choices import RequirementKind
    from ecotown.criteria.testing import make_catalogue, make_requirement
    from ecotown.geo.geography import load_geography

    load_geography(with_subdistricts=False)  # transactional tests start from an empty database
    world = build_world()
    world.catalogue = catalogue = make_catalogue()
    world.requirements = [
        make_requirement(catalogue, "B1-01", kind=RequirementKind.BASIC, level=None, title_th="มีคณะกรรมการพื้นที่"),
        make_requirement(catalogue, "G1-01", level=1, title_th="มีแผนปฏิบัติการ"),
        make_requirement(catalogue, "G2-01", level=2, title_th="ลดของเสียจากโรงงาน"),
    ]
    world.internal = make_assessment(world.area_a1, catalogue, status=choices.AssessmentStatus.IN_PROGRESS)
    on_team(world.internal, world.auditor_a1, choices.TeamRole.LEAD)
    return world


def level_shown(tab) -> str:
    return tab.locator("[data-testid=level]").get_attribute("data-level")


@pytest.mark.django_db(transaction=True)
def test_an_audit_from_results_to_a_verified_certificate(live_server, page):  # noqa: F811
    from ecotown.audits.models import Finding

    world = _world()
    base = live_server.url
    sign_in(page, base, "auditor_a1")
    assessment_url = f"{base}{world.internal.get_absolute_url()}"
    for requirement in world.requirements:
        page.goto(assessment_url)
        page.locator(f"tr[data-code='{requirement.code}'] a").click()
        page.locator("input[name=result][value=conform]").check()
        page.locator("form [type=submit].btn-primary").click()
        page.wait_for_load_state("networkidle")
    assert level_shown(page) == "2"
    page.locator("a[href$='/findings/add/']").click()
    page.locator("select[name=requirement]").select_option(label=str(world.requirements[2]))
    page.locator("select[name=grade]").select_option("major")
    page.locator("textarea[name=statement]").fill("ไม่มีข้อมูลปริมาณของเสียของโรงงาน")
    page.locator("textarea[name=objective_evidence]").fill("รายงานประจำปี 2568")
    page.locator("textarea[name=criterion]").fill("ข้อ G2-01")
    page.locator("form [type=submit].btn-primary").click()
    page.wait_for_load_state("networkidle")
    assert level_shown(page) == "1"  # the open major blocks level 2
    finding = Finding.objects.get(assessment=world.internal)

    page.context.clear_cookies()
    sign_in(page, base, "secretary_a1")
    page.goto(f"{base}{finding.get_absolute_url()}")
    page.locator("a[href$='/actions/add/']").click()
    page.locator("textarea[name=root_cause]").fill("ยังไม่มีระบบรายงานจากโรงงาน")
    page.locator("textarea[name=action]").fill("จัดทำแบบรายงานของเสียรายเดือน")
    page.locator("input[name=responsible]").fill("ฝ่ายเลขานุการพื้นที่")
    page.locator("input[name=due_on]").fill("31/12/2569")
    page.locator("form [type=submit].btn-primary").click()
    page.wait_for_load_state("networkidle")

    page.context.clear_cookies()
    sign_in(page, base, "auditor_a1")
    page.goto(f"{base}{finding.get_absolute_url()}")
    page.locator("select[name=effective]").select_option("yes")
    page.locator("textarea[name=note]").fill("ตรวจแบบรายงานเดือน พ.ย. แล้ว")
    page.locator("form[action$='/verify/'] [type=submit]").click()
    page.wait_for_load_state("networkidle")
    assert Finding.objects.get(pk=finding.pk).status == "closed"
    page.goto(assessment_url)
    assert level_shown(page) == "2"

    external = _external_audit_reviewed(world)
    page.context.clear_cookies()
    sign_in(page, base, "diw_admin")
    meeting = _expert_meeting(world)
    page.goto(f"{base}/engagement/meetings/{meeting.pk}/resolutions/add/")
    page.locator("select[name=kind]").select_option("certify")
    page.locator("select[name=outcome]").select_option("approved")
    page.locator("textarea[name=text]").fill("รับรองพื้นที่บางกะดีระดับ 2")
    page.locator("select[name=subject]").select_option(index=1)
    page.locator("form [type=submit].btn-primary").click()
    page.wait_for_load_state("networkidle")
    certificate = external.certificates.get()
    assert certificate.level.number == 2

    page.context.clear_cookies()
    page.goto(f"{base}/verify/{certificate.number}/")
    assert page.locator("[data-testid=state]").get_attribute("data-state") == "valid"
    shown = page.content()
    assert certificate.number in shown
    assert world.area_a1.name_th in shown or world.area_a1.name_en in shown


def _external_audit_reviewed(world):
    from ecotown.audits import choices, services
    from ecotown.audits.testing import make_assessment, on_team

    services.submit_assessment(world.internal, acting_user=world.auditor_a1)
    services.review_assessment(world.internal, acting_user=world.officer_a)
    services.close_assessment(world.internal, acting_user=world.officer_a)
    external = make_assessment(world.area_a1, world.catalogue, choices.AssessmentKind.EXTERNAL)
    on_team(external, world.external_auditor, choices.TeamRole.LEAD)
    services.start_assessment(external, acting_user=world.external_auditor)
    for requirement in world.requirements:
        services.record_result(external, requirement, result="conform", acting_user=world.external_auditor)
    services.submit_assessment(external, acting_user=world.external_auditor)
    return services.review_assessment(external, acting_user=world.diw_admin)


def _expert_meeting(world):
    from ecotown.engagement.choices import CommitteeKind
    from ecotown.engagement.testing import make_committee, make_meeting

    return make_meeting(make_committee(CommitteeKind.NATIONAL_EXPERT, name_th="คณะกรรมการผู้ทรงคุณวุฒิ"))
