"""DCAT metadata (JSON-LD) of the open data, for catalogues that harvest it: data.go.th runs CKAN, whose
ckanext-dcat harvester reads dcat:Catalog → dcat:Dataset → dcat:Distribution (docs/open-data.md lists the
fields and where each comes from)."""

from django.urls import reverse

from ecotown.opendata.dictionary import SCHEMA_VERSION, datasets

CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "spdx": "http://spdx.org/rdf/terms#",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
MEDIA_TYPES = {"csv": "text/csv", "json": "application/json"}
PUBLISHER = {"th": "กรมโรงงานอุตสาหกรรม", "en": "Department of Industrial Works"}
# Provisional until DIW names the licence (docs/open-data.md): attribution only.
LICENSE = "https://creativecommons.org/licenses/by/4.0/"
KEYWORDS_TH = ("เมืองอุตสาหกรรมเชิงนิเวศ", "อุตสาหกรรม", "สิ่งแวดล้อม")
KEYWORDS_EN = ("eco-industrial town", "industry", "environment")


def _text(thai: str, english: str) -> list[dict]:
    return [{"@value": thai, "@language": "th"}, *([{"@value": english, "@language": "en"}] if english else [])]


def catalog(snapshot, base_url: str) -> dict:
    """The catalogue of the datasets, each with its files in `snapshot` (the latest) as distributions."""
    files = {(item.dataset, item.file_format): item for item in (snapshot.files.all() if snapshot else [])}
    issued = snapshot.generated_at.isoformat() if snapshot else None
    page = base_url + reverse("opendata:snapshot_list")
    return {
        "@context": CONTEXT,
        "@id": base_url + reverse("opendata:catalog"),
        "@type": "dcat:Catalog",
        "dct:title": _text("ข้อมูลเปิดเมืองอุตสาหกรรมเชิงนิเวศ", "Eco-industrial town open data"),
        "dct:description": _text(
            "ข้อมูลที่ไม่ใช่ข้อมูลส่วนบุคคลของแผนงานการพัฒนาเมืองอุตสาหกรรมเชิงนิเวศ ปรับปรุงทุกคืน",
            "Non-personal data of the eco-industrial town programme, refreshed nightly.",
        ),
        "dct:publisher": _publisher(),
        "dct:language": [
            {"@id": "http://id.loc.gov/vocabulary/iso639-1/th"},
            {"@id": "http://id.loc.gov/vocabulary/iso639-1/en"},
        ],
        "foaf:homepage": {"@id": page},
        "dct:modified": _datetime(issued),
        "dcat:dataset": [_dataset(found, files, snapshot, base_url, page) for found in datasets()],
    }


def _publisher() -> dict:
    return {
        "@type": "foaf:Organization",
        "foaf:name": _text(PUBLISHER["th"], PUBLISHER["en"]),
        "foaf:homepage": {"@id": "https://www.diw.go.th/"},
    }


def _datetime(value):
    return {"@value": value, "@type": "xsd:dateTime"} if value else None


def _dataset(found, files, snapshot, base_url: str, page: str) -> dict:
    distributions = [
        _distribution(found, files[(found.slug, file_format)], base_url, page)
        for file_format in MEDIA_TYPES
        if (found.slug, file_format) in files
    ]
    return {
        "@id": f"{base_url}{reverse('opendata:catalog')}#{found.slug}",
        "@type": "dcat:Dataset",
        "dct:identifier": f"ecotown-{SCHEMA_VERSION}-{found.slug}",
        "dct:title": _text(found.title_th, found.title_en),
        "dct:description": _text(found.description_th, found.description_en),
        "dcat:keyword": _text(", ".join(KEYWORDS_TH), ", ".join(KEYWORDS_EN)),
        "dct:publisher": _publisher(),
        "dcat:contactPoint": {
            "@type": "vcard:Organization",
            "vcard:fn": PUBLISHER["th"],
            "vcard:hasURL": {"@id": "https://www.diw.go.th/"},
        },
        "dct:accrualPeriodicity": {"@id": "http://publications.europa.eu/resource/authority/frequency/DAILY"},
        "dct:spatial": {"@id": "http://sws.geonames.org/1605651/"},
        "dcat:landingPage": {"@id": page},
        "dct:conformsTo": {"@id": base_url + reverse("opendata:dictionary", kwargs={"file_format": "json"})},
        "dct:issued": _datetime(snapshot.generated_at.isoformat() if snapshot else None),
        "dct:modified": _datetime(snapshot.generated_at.isoformat() if snapshot else None),
        "dcat:distribution": distributions,
    }


def _distribution(found, item, base_url: str, page: str) -> dict:
    url = base_url + item.get_absolute_url()
    return {
        "@id": url,
        "@type": "dcat:Distribution",
        "dct:title": _text(
            f"{found.title_th} ({item.file_format.upper()})", f"{found.title_en} ({item.file_format.upper()})"
        ),
        "dcat:accessURL": {"@id": page},
        "dcat:downloadURL": {"@id": url},
        "dcat:mediaType": {"@id": f"https://www.iana.org/assignments/media-types/{MEDIA_TYPES[item.file_format]}"},
        "dct:format": item.file_format.upper(),
        "dcat:byteSize": {"@value": str(item.size), "@type": "xsd:nonNegativeInteger"},
        "spdx:checksum": {
            "@type": "spdx:Checksum",
            "spdx:algorithm": {"@id": "spdx:checksumAlgorithm_sha256"},
            "spdx:checksumValue": item.sha256,
        },
        "dct:license": {"@id": LICENSE},
        "dct:issued": _datetime(item.snapshot.generated_at.isoformat()),
    }
