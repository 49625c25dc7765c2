"""A synthetic national `Factory_Data` file for tests, benchmarks and demos: the Ministry's columns and shapes,
Thai place names from geothai, made-up company names. No real factory or person is in it."""

import csv
import random

import geothai

from ecotown.factories.importers import COLUMNS

# Old-number province abbreviations of the first-wave provinces (research §3.1, marked [K] there): only used to
# make old-format numbers look right; other provinces get none, as Bangkok's do.
ABBREVIATIONS = {"20": "ชบ", "40": "ขก", "24": "ฉช", "73": "นฐ", "30": "นม", "13": "ปท", "25": "ปจ", "14": "อย",
                 "21": "รย", "70": "รบ", "90": "สข", "11": "สป", "74": "สค", "19": "สบ", "84": "สฎ"}  # fmt: skip
NAME_PARTS = ("สยาม", "ไทย", "รุ่งเรือง", "เจริญ", "มั่นคง", "ศรีทอง", "พัฒนา", "อุดม", "ก้าวหน้า", "สหกิจ", "ยูเนี่ยน",
              "โกลบอล", "เอเชีย", "แปซิฟิก", "กรีน", "บูรพา", "ทักษิณ", "อีสาน", "ล้านนา", "ธารา")  # fmt: skip
INDUSTRIES = (
    ("00100", "01149", "อบใบยาสูบ"), ("00201", "10612", "อบแห้งพืชและเมล็ดพืช"), ("00900", "10750", "ผลิตอาหารสำเร็จรูป"),
    ("01601", "11040", "ผลิตน้ำดื่ม"), ("02200", "13121", "ทอผ้า"), ("03701", "16100", "เลื่อยไม้"),
    ("04200", "20111", "ผลิตเคมีภัณฑ์"), ("05300", "22191", "ผลิตภัณฑ์ยาง"), ("06000", "23950", "ผลิตคอนกรีต"),
    ("06400", "25920", "ชุบโลหะ"), ("08800", "35101", "ผลิตไฟฟ้า"), ("10105", "38221", "คัดแยกและฝังกลบของเสีย"),
    ("10600", "38301", "รีไซเคิลวัสดุ"), ("05900", "22220", "ผลิตภัณฑ์พลาสติก"),
)  # fmt: skip
ESTATES = ("นิคมอุตสาหกรรมบางกะดี", "นิคมอุตสาหกรรมนวนคร", "นิคมอุตสาหกรรมอมตะซิตี้", "นิคมอุตสาหกรรมมาบตาพุด")
FLAGS = ("0", "1", "1", "1", "2", "2", "3")


def sample_rows(count: int, *, seed: int = 1, provinces=None):
    """`count` rows (lists in COLUMNS order). `provinces`: DOPA codes to place them in (all by default)."""
    rng = random.Random(seed)
    places = _places(provinces)
    for index in range(count):
        province, district, subdistrict = rng.choice(places)
        type_code, isic, activity = rng.choice(INDUSTRIES)
        factory_class = rng.choice("1233")
        inside = rng.random() < 0.15
        lat, lng = _point(rng, province.code)
        name = f"บริษัท {rng.choice(NAME_PARTS)}{rng.choice(NAME_PARTS)}{activity} จำกัด"
        year = rng.randint(25, 67)
        yield [
            f"1{'2' if inside else '0'}{province.code}{index + 1:010d}",
            f"{factory_class}-{int(type_code[:3])}-{index % 900 + 1}/{year:02d}{ABBREVIATIONS.get(province.code, '')}",
            str(100_000 + index),
            type_code,
            name,
            name.replace(" จำกัด", " จำกัด (มหาชน)") if rng.random() < 0.1 else name,
            activity,
            str(rng.randint(1, 999)),
            str(rng.randint(1, 12)) if rng.random() < 0.6 else "",
            "",
            rng.choice(("", "สุขุมวิท", "พหลโยธิน", "เพชรเกษม", "มิตรภาพ")),
            subdistrict.name_th if subdistrict else "",
            district.name_th,
            province.name_th,
            f"{rng.randint(1, 5000) * 100_000:.2f}",
            str(rng.randint(5, 800)),
            f"{rng.randint(50, 20_000)}.{rng.randint(0, 99):02d}",
            f"{lat:.6f}",
            f"{lng:.6f}",
            isic,
            "IN" if inside else "OUT",
            rng.choice(ESTATES) if inside else "",
            rng.choice(FLAGS),
            f"{2000 + rng.randint(18, 26)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        ]


def write_sample(stream, count: int, *, seed: int = 1, provinces=None) -> int:
    writer = csv.writer(stream)
    writer.writerow(COLUMNS)
    written = 0
    for row in sample_rows(count, seed=seed, provinces=provinces):
        writer.writerow(row)
        written += 1
    return written


def _places(provinces):
    chosen = [p for p in geothai.provinces() if provinces is None or p.code in provinces]
    places = []
    for province in chosen:
        for district in geothai.districts(province.code):
            subdistricts = geothai.subdistricts(district.code) or [None]
            places.extend((province, district, subdistrict) for subdistrict in subdistricts[:3])
    return places


def _point(rng, province_code: str) -> tuple[float, float]:
    # Roughly central Thailand, spread by the province code so provinces do not all overlap; inside the
    # country's extent, which is all the import checks.
    base = int(province_code)
    return 13.0 + (base % 7) * 0.8 + rng.random() * 0.5, 99.5 + (base % 5) * 0.7 + rng.random() * 0.5
