"""Forty people saving at once on the embedded SQLite database: they wait their turn, nobody gets "database is
locked". Run in a separate process on a file database (the test database is in memory, one connection)."""

import os
import subprocess
import sys
import textwrap

import pytest
from django.db import connection

SCRIPT = textwrap.dedent(
    """
    import threading
    import time
    import django
    django.setup()
    from django.db import connection, transaction
    from django.contrib.auth import get_user_model
    from ecotown.areas.models import Programme
    # Only the tables the writers touch (the history rows refer to users): migrating the whole schema into a file
    # took 30 s of the test's 40.
    with connection.schema_editor() as editor:
        editor.create_model(get_user_model())
        editor.create_model(Programme)
        editor.create_model(Programme.history.model)

    failures = []

    def write(number):
        try:
            with transaction.atomic():
                Programme.objects.create(code=f"p{number}", name_th="x", target_provinces=1, target_areas=1)
                # hold the write lock a moment, as a real save with history and evidence does
                time.sleep(0.2)
                Programme.objects.filter(code=f"p{number}").update(name_th="y")
        except Exception as error:
            failures.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=write, args=(n,)) for n in range(40)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    print(Programme.objects.count(), failures[:3])
    """
)


@pytest.mark.skipif(connection.vendor != "sqlite", reason="concerns the embedded SQLite database only")
def test_forty_concurrent_writers_wait_instead_of_failing(tmp_path):
    env = {**os.environ, "VAR_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "ecotown.settings"}
    env.pop("DATABASE_URL", None)
    done = subprocess.run([sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().splitlines()[-1] == "40 []"
