import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.functional import cached_property


class PrivateStorage(FileSystemStorage):
    """Contributors' files: kept under PRIVATE_MEDIA_ROOT, outside the public
    media, with no public URL; only permission-checked views serve them."""

    def __init__(self, location=None, **kwargs):
        kwargs.pop("base_url", None)
        super().__init__(location=location, **kwargs)

    @cached_property
    def base_location(self):
        return self._value_or_setting(self._location, settings.PRIVATE_MEDIA_ROOT)

    def _clear_cached_properties(self, setting, **kwargs):
        super()._clear_cached_properties(setting, **kwargs)
        if setting == "PRIVATE_MEDIA_ROOT":
            self.__dict__.pop("base_location", None)
            self.__dict__.pop("location", None)

    def url(self, name):
        raise ValueError("Contributors' files have no public address.")


class StagingStorage(FileSystemStorage):
    """Contributors' files between their post and its commit (see
    experiences.staging): under UPLOAD_STAGING_ROOT, never served."""

    @property
    def base_location(self):
        return str(settings.UPLOAD_STAGING_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Staged files have no public address.")
