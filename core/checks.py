"""System checks of the settings that core reads."""

from django.core import checks
from django.core.exceptions import ImproperlyConfigured

from core.client_address import trusted_networks


@checks.register(checks.Tags.security)
def trusted_proxies_check(app_configs, **kwargs):
    try:
        trusted_networks()
    except ImproperlyConfigured as error:
        return [checks.Error(str(error), id="core.E001")]
    return []
