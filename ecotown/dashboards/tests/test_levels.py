"""Areas certified per level and year, from the certificates."""

from ecotown.audits.choices import AssessmentKind, CertificateStatus
from ecotown.audits.models import Certificate
from ecotown.audits.testing import make_assessment, make_certificate
from ecotown.criteria.testing import make_catalogue
from ecotown.dashboards import national


def test_withdrawn_certificates_do_not_count_in_the_levels_by_year(world):
    world.catalogue = make_catalogue()
    world.external_a1 = make_assessment(world.area_a1, world.catalogue, AssessmentKind.EXTERNAL)
    certificate = make_certificate(world, level=2)
    assert national.levels_by_year(Certificate.objects.all()) == [{"year_be": 2569, "level__number": 2, "areas": 1}]
    Certificate.objects.filter(pk=certificate.pk).update(status=CertificateStatus.WITHDRAWN)
    assert national.levels_by_year(Certificate.objects.all()) == []
