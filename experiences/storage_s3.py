"""Contributors' files on S3-compatible object storage (the ``s3`` extra):
a private bucket, shared by every app server, with no public address."""

from storages.backends.s3 import S3Storage


class PrivateS3Storage(S3Storage):
    def url(self, name, parameters=None, expire=None, http_method=None):
        raise ValueError("Contributors' files have no public address.")
