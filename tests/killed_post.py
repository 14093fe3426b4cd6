"""A web worker that dies inside a submission's transaction.

Run by tests/test_contribution_faults.py in a process of its own, against the
test database: in one transaction, builds the site (the test's own data is not
committed, so not visible here) and posts a contribution with two files; stops
right after the rows of its attachments are written, before the commit, and
says so on its standard output. The test then kills it with SIGKILL.

    python tests/killed_post.py <PRIVATE_MEDIA_ROOT> <UPLOAD_STAGING_ROOT>
"""

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django  # noqa: E402

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.test import Client, override_settings  # noqa: E402

from home.setup import setup_site  # noqa: E402
from tests.factories import (  # noqa: E402
    FORM_URL,
    jpeg_with_gps,
    pdf_file,
    valid_post,
)

INSIDE = "dans-la-transaction"


def stop_inside_the_transaction(execute, sql, params, many, context):
    result = execute(sql, params, many, context)
    if sql.startswith('INSERT INTO "experiences_submissionattachment"'):
        sys.stdout.write(f"{INSIDE}\n")
        sys.stdout.flush()
        time.sleep(600)
    return result


def main(private_root, staging_root):
    data = valid_post()
    data["attachments"] = [pdf_file("compte-rendu.pdf"), jpeg_with_gps("atelier.jpg")]
    with (
        override_settings(
            PRIVATE_MEDIA_ROOT=private_root, UPLOAD_STAGING_ROOT=staging_root
        ),
        transaction.atomic(),
    ):
        setup_site()
        with connection.execute_wrapper(stop_inside_the_transaction):
            Client().post(FORM_URL, data)
    sys.stdout.write("jamais atteint\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
