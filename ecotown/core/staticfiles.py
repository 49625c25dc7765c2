"""Serve third-party front-end files from node_modules one by one: only the built files `settings.VENDOR_FILES`
lists (static name → path under `settings.NODE_MODULES`), never a whole `dist/` folder with its source maps,
sources and READMEs. Used by runserver, WhiteNoise (WHITENOISE_USE_FINDERS) and collectstatic alike."""

import functools
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles.finders import BaseFinder
from django.core import checks
from django.core.files.storage import FileSystemStorage
from whitenoise.storage import CompressedStaticFilesStorage


class VendorStorage(FileSystemStorage):
    """Opens a listed static name at its node_modules path; anything else does not exist."""

    def __init__(self, files: dict[str, Path]):
        self.files = files
        super().__init__(location=str(settings.NODE_MODULES))

    def path(self, name):
        return str(self.files[name.replace("\\", "/")])

    def exists(self, name):
        name = name.replace("\\", "/")
        return name in self.files and Path(self.files[name]).is_file()


class VendorFinder(BaseFinder):
    def __init__(self, *args, **kwargs):
        root = Path(settings.NODE_MODULES)
        self.files = {name: root / source for name, source in settings.VENDOR_FILES.items()}
        self.storage = VendorStorage(self.files)

    def check(self, **kwargs):
        return [
            checks.Warning(
                f"VENDOR_FILES lists {name} but {source} does not exist.",
                hint="Run `npm install` (make setup does).",
                id="ecotown.W010",
            )
            for name, source in self.files.items()
            if not source.is_file()
        ]

    def find(self, path, find_all=False):
        source = self.files.get(path.replace("\\", "/"))
        found = str(source) if source is not None and source.is_file() else None
        if find_all:
            return [found] if found else []
        return found or []

    def list(self, ignore_patterns):
        for name, source in self.files.items():
            if source.is_file():
                yield name, self.storage


class StaticStorage(CompressedStaticFilesStorage):
    """WhiteNoise's storage with each file's URL worked out once per process: a page asks for a dozen of them,
    and `urljoin` on every one cost a list page about a tenth of its time. Names and STATIC_URL do not change
    while the process runs."""

    def url(self, name):
        return _static_url(self, name)


@functools.lru_cache(maxsize=1024)
def _static_url(storage, name):
    return CompressedStaticFilesStorage.url(storage, name)
