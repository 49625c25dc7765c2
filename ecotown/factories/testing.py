"""Test helpers for factories, and the permission matrix's sample records."""

from itertools import count

from ecotown.factories.models import Factory

_numbers = count(1)


def registration_number(province_code: str = "13", number: int | None = None) -> str:
    """A made-up 14-digit number of the right shape: DIW (1), outside an estate (0), the province's code."""
    number = next(_numbers) if number is None else number
    return f"10{province_code}{number:010d}"


def make_factory(province, *, areas=(), operators=(), **fields) -> Factory:
    fields.setdefault("registration_number", registration_number(province.code))
    fields.setdefault("name", f"บริษัท ทดสอบ {fields['registration_number'][-4:]} จำกัด")
    factory = Factory.objects.create(province=province, **fields)
    if areas:
        factory.areas.add(*areas)
    if operators:
        factory.operators.add(*operators)
    return factory


def add_samples(world) -> None:
    """A factory in area A1 run by the `operator` persona, a second one in A1, and one in province B."""
    operator = world.users.get("operator")
    world.factory_a1 = make_factory(world.province_a, areas=[world.area_a1], operators=[operator] if operator else [],
                                    name="บริษัท บางกะดีอาหาร จำกัด", old_registration_number="3-9(1)-12/45ปท")  # fmt: skip
    world.factory_a1_other = make_factory(world.province_a, areas=[world.area_a1], name="บริษัท ปทุมโลหะ จำกัด")
    world.factory_b1 = make_factory(world.province_b, areas=[world.area_b1], name="บริษัท ระยองเคมี จำกัด")
