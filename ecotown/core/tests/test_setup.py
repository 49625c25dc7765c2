"""Setup on a bare machine: the Debian packages `make setup` installs, and the npm files static serving exposes."""

import re
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders

MAKEFILE = Path(settings.BASE_DIR) / "Makefile"


def make_variable(name):
    """The value make itself computes (so `A := $(B) c` is expanded), not a regex over the text."""
    out = subprocess.run(
        ["make", "-s", "-f", str(MAKEFILE), "--eval", f"print-var: ; @echo $({name})", "print-var"],
        capture_output=True, text=True, cwd=settings.BASE_DIR, check=True,
    ).stdout  # fmt: skip
    return out.split()


def test_make_setup_installs_what_pyicu_needs_to_build_from_source():
    packages = make_variable("SYSTEM_PACKAGES")
    for package in ("libicu-dev", "pkg-config", "g++", "python3-dev"):
        assert package in packages
    assert {"chromium", "fonts-thai-tlwg", "poppler-utils", "gettext"} <= set(packages)


def test_no_whole_node_modules_folder_is_a_static_directory():
    for entry in settings.STATICFILES_DIRS:
        directory = Path(entry[1] if isinstance(entry, tuple) else entry)
        assert Path(settings.NODE_MODULES) not in (directory, *directory.parents)


def test_every_listed_vendor_file_is_a_built_file_that_exists():
    for name, source in settings.VENDOR_FILES.items():
        path = Path(settings.NODE_MODULES) / source
        assert path.is_file(), source
        assert not name.endswith(".map"), name
        assert re.search(r"\.(min\.(js|css)|css|woff2?)$", name), name
        assert finders.find(name) == str(path)


@pytest.mark.parametrize(
    "name",
    [
        "vendor/bootstrap/css/bootstrap.min.css",
        "vendor/bootstrap/js/bootstrap.bundle.min.js",
        "vendor/bootstrap-icons/fonts/bootstrap-icons.woff2",
        "vendor/sarabun/files/sarabun-thai-400-normal.woff2",
        "vendor/echarts/echarts.min.js",
    ],
)
def test_a_listed_vendor_file_is_served(client, name):
    response = client.get(f"/{settings.STATIC_URL.strip('/')}/{name}")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == (Path(finders.find(name))).read_bytes()


@pytest.mark.parametrize(
    "name",
    [
        "vendor/bootstrap/css/bootstrap.min.css.map",  # exists in node_modules/bootstrap/dist
        "vendor/bootstrap/js/bootstrap.bundle.js",
        "vendor/echarts/echarts.js.map",
        "vendor/echarts/echarts.common.min.js",
        "vendor/sarabun/package.json",
        "vendor/sarabun/index.css",
        "vendor/bootstrap-icons/bootstrap-icons.json",
    ],
)
def test_a_file_not_listed_answers_not_found_even_where_npm_installed_it(client, name):
    folder, _, rest = name.removeprefix("vendor/").partition("/")
    package = {"bootstrap": "bootstrap/dist", "echarts": "echarts/dist", "sarabun": "@fontsource/sarabun",
               "bootstrap-icons": "bootstrap-icons/font"}[folder]  # fmt: skip
    assert (Path(settings.NODE_MODULES) / package / rest).is_file(), "the test must ask for a file npm installed"
    assert not finders.find(name)
    assert client.get(f"/{settings.STATIC_URL.strip('/')}/{name}").status_code == 404


@pytest.mark.parametrize(("environment", "kept"), [({}, 60), ({"DB_CONN_MAX_AGE": "0"}, 0)])
def test_the_embedded_database_stays_open_between_requests(tmp_path, environment, kept):
    """Under gunicorn, opening the SQLite file for every request (its schema read again, the WAL checkpointed on
    closing) cost ten times what the rest of a bare request costs (issue 12)."""
    import json
    import os
    import sys

    code = "import json; from ecotown import settings; print(json.dumps(settings.DATABASES['default']['CONN_MAX_AGE']))"
    env = {key: value for key, value in os.environ.items() if key not in ("DATABASE_URL", "DB_CONN_MAX_AGE")}
    env.update(environment, VAR_DIR=str(tmp_path), PYTHONPATH=str(settings.BASE_DIR))
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout
    assert json.loads(out.strip().splitlines()[-1]) == kept
