"""In a real browser (issue 14's "Done when"): a secretariat drafts an action plan, adds a project and submits it,
records the area committee's meeting and a resolution approving the plan, then finds the plan frozen and the
target its project serves approved by that resolution."""

import pytest

from ecotown.plans.choices import VersionStatus
from tests.test_browser import page, sign_in  # noqa: F401 (the page fixture)

pytestmark = pytest.mark.browser


def _world():
    from ecotown.core.testing import build_world
    from ecotown.criteria.testing import make_catalogue, make_requirement
    from ecotown.engagement.testing import make_committee
    from ecotown.geo.geography import load_geography

    load_geography(with_subdistricts=False)  # transactional tests start from an empty database
    world = build_world()
    catalogue = make_catalogue(code="eit", version="2022.1")
    world.requirement = make_requirement(catalogue, "G1-01", title_th="การคัดแยกขยะ")
    make_requirement(catalogue, "G1-02", title_th="คุณภาพน้ำ")
    from ecotown.targets.testing import make_target

    world.target = make_target(world.area_a1, world.requirement, fiscal_year=2569, target_value=80)
    world.committee = make_committee(area=world.area_a1, name_th="คณะกรรมการพื้นที่บางกะดี")
    return world


@pytest.mark.django_db(transaction=True)
def test_a_plan_is_drafted_submitted_and_approved_by_a_resolution(live_server, page):  # noqa: F811
    from ecotown.engagement.models import Meeting
    from ecotown.plans.models import Plan

    world = _world()
    base = live_server.url
    sign_in(page, base, "secretary_a1")
    page.goto(f"{base}/plans/add/")
    page.locator("select[name=level]").select_option("area_action")
    page.locator("input[name=title_th]").fill("แผนปฏิบัติการบางกะดี 2566–2570")
    page.locator("select[name=area]").select_option(str(world.area_a1.pk))
    page.locator("input[name=first_year]").fill("2566")
    page.locator("input[name=last_year]").fill("2570")
    page.locator("form.card [type=submit]").click()
    page.wait_for_load_state("networkidle")
    plan = Plan.objects.get(title_th="แผนปฏิบัติการบางกะดี 2566–2570")
    assert page.url.endswith(plan.get_absolute_url())

    page.locator(f"a[href$='/versions/{plan.latest_version_id}/projects/add/']").click()
    page.locator("input[name=code]").fill("P-01")
    page.locator("input[name=title]").fill("โครงการคัดแยกขยะต้นทาง")
    page.locator("input[name=owner_organisation]").fill("เทศบาลตำบลบางกะดี")
    page.locator("select[name=requirements]").select_option(str(world.requirement.pk))
    page.locator("select[name=targets]").select_option(str(world.target.pk))
    page.locator("input[name='budget-0-fiscal_year']").fill("2569")
    page.locator("select[name='budget-0-source']").select_option("local_government")
    page.locator("input[name='budget-0-amount']").fill("350000")
    page.locator("form.card [type=submit]").click()
    page.wait_for_load_state("networkidle")
    assert "โครงการคัดแยกขยะต้นทาง" in page.locator("h1").inner_text()

    page.goto(f"{base}{plan.get_absolute_url()}")
    assert "G1-02" in page.locator(".plan-coverage").inner_text()  # no project serves it yet
    page.locator("select[name=step]").select_option("submit")
    page.locator("form[action$='/step/'] [type=submit]").click()
    page.wait_for_load_state("networkidle")
    plan.refresh_from_db()
    assert plan.latest_version.status == VersionStatus.SUBMITTED

    # The same secretariat records the area committee's meeting on the draft plan, then its resolution.
    page.goto(f"{base}{world.committee.get_absolute_url()}")
    page.locator(f"a[href$='/committees/{world.committee.pk}/meetings/add/']").click()
    page.locator("select[name=kind]").select_option("committee")
    page.locator("input[name=title]").fill("พิจารณาร่างแผนปฏิบัติการ")
    page.locator("input[name=starts_at_0]").fill("10/02/2569")
    page.locator("input[name=starts_at_1]").fill("09:30")
    page.locator("input[name=place]").fill("ห้องประชุมเทศบาลตำบลบางกะดี")
    page.locator("input[name='agenda-0-title']").fill("ร่างแผนปฏิบัติการ 2566–2570")
    page.locator("select[name='agenda-0-topic']").select_option("action_plan")
    page.locator("form.card [type=submit]").click()
    page.wait_for_load_state("networkidle")
    meeting = Meeting.objects.get(committee=world.committee, title="พิจารณาร่างแผนปฏิบัติการ")
    assert page.url.endswith(meeting.get_absolute_url())
    page.locator(f"a[href$='/meetings/{meeting.pk}/resolutions/add/']").click()
    page.locator("select[name=kind]").select_option("approve_plan")
    page.locator("select[name=outcome]").select_option("approved")
    page.locator("textarea[name=text]").fill("ที่ประชุมมีมติเห็นชอบแผนปฏิบัติการ")
    subject = page.locator("select[name=subject] option", has_text="แผนปฏิบัติการบางกะดี").first.get_attribute("value")
    page.locator("select[name=subject]").select_option(subject)
    page.locator("form [type=submit]").last.click()
    page.wait_for_load_state("networkidle")

    plan.refresh_from_db()
    version = plan.approved_version
    assert version is not None
    assert version.resolution.meeting == meeting
    page.goto(f"{base}{plan.get_absolute_url()}")
    approval = page.locator(".approved-by").inner_text()
    assert f"{meeting.number}/{meeting.year_be}" in approval
    assert page.locator(f"a[href='{version.resolution.get_absolute_url()}']").count() == 1
    assert page.locator("a[href*='/projects/add/']").count() == 0  # frozen: no more projects
    assert "350,000" in page.locator(".plan-projects").inner_text()
    project = version.projects.get()
    page.goto(f"{base}{project.get_absolute_url()}")
    assert page.locator(f"a[href$='/projects/{project.pk}/edit/']").count() == 0  # nor changes to them
    page.goto(f"{base}/plans/projects/{project.pk}/edit/")  # typed by hand: the save is refused
    page.locator("input[name=title]").fill("โครงการที่แก้หลังอนุมัติ")
    page.locator("form.card [type=submit]").click()
    page.wait_for_load_state("networkidle")
    project.refresh_from_db()
    assert project.title == "โครงการคัดแยกขยะต้นทาง"
    # The resolution that approved the plan approved the target its project serves: the target page says so.
    page.goto(f"{base}{world.target.get_absolute_url()}")
    assert f"{meeting.number}/{meeting.year_be}" in page.locator(".target-approval").inner_text()
