import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _in_english(settings):
    """Messages are asserted in English, the msgid language; the Thai catalogue is checked separately."""
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield
