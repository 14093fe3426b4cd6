"""Private media follow the public ones to object storage: when S3 is
configured, contributors' files go to a private bucket of their own."""

import json
import os
import subprocess
import sys

from django.conf import settings

PRINT_STORAGES = (
    "import json, config.settings.base as s; "
    "print(json.dumps({k: v['BACKEND'] for k, v in s.STORAGES.items()} | "
    "{'private_options': s.STORAGES['private'].get('OPTIONS', {})}))"
)


def storages_with(**env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    return subprocess.run(  # noqa: S603 - our own interpreter
        [sys.executable, "-c", PRINT_STORAGES],
        cwd=settings.BASE_DIR,
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_without_s3_private_files_stay_on_the_local_private_folder():
    result = storages_with()
    assert json.loads(result.stdout)["private"] == "experiences.storage.PrivateStorage"


def test_with_s3_private_files_go_to_a_private_bucket():
    result = storages_with(
        AWS_STORAGE_BUCKET_NAME="recueil-medias",
        AWS_PRIVATE_STORAGE_BUCKET_NAME="recueil-prive",
    )
    storages = json.loads(result.stdout)
    assert storages["default"] == "storages.backends.s3.S3Storage"
    assert storages["private"] == "experiences.storage_s3.PrivateS3Storage"
    options = storages["private_options"]
    assert options["bucket_name"] == "recueil-prive"
    assert options["default_acl"] == "private"


def test_s3_without_a_private_bucket_refuses_to_start():
    result = storages_with(AWS_STORAGE_BUCKET_NAME="recueil-medias")
    assert result.returncode != 0
    assert "AWS_PRIVATE_STORAGE_BUCKET_NAME" in result.stderr
