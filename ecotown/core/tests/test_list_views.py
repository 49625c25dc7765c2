import pytest


@pytest.mark.django_db
def test_a_list_page_shows_every_row_on_a_first_visit(client):
    response = client.get("/provinces/")
    assert response.context["table"].paginator.count == 77


@pytest.mark.django_db
def test_a_search_narrows_the_list_and_htmx_gets_only_the_results(client):
    response = client.get("/provinces/?q=ปทุม", headers={"HX-Request": "true"})
    assert response.context["table"].paginator.count == 1
    body = response.content.decode()
    assert "ปทุมธานี" in body
    assert "<html" not in body


@pytest.mark.django_db
def test_an_empty_result_says_how_to_get_rows_back(client):
    client.cookies["django_language"] = "en"
    response = client.get("/provinces/?q=nowhere")
    assert response.context["table"].paginator.count == 0
    assert "Nothing matches these filters" in response.content.decode()


@pytest.mark.django_db
def test_the_province_list_is_in_thai_dictionary_order(client):
    from ecotown.core.thai import thai_sorted

    names = [row.record.name_th for row in client.get("/provinces/?per_page=100").context["table"].page.object_list]
    assert names == thai_sorted(names)
    assert names[:2] == ["กระบี่", "กรุงเทพมหานคร"]


@pytest.mark.django_db
def test_dates_in_tables_are_in_the_buddhist_era(client):
    from ecotown.criteria.testing import make_catalogue

    make_catalogue()  # effective 1 Oct 2022
    body = client.get("/criteria/").content.decode()
    assert "1 ต.ค. 2565" in body
