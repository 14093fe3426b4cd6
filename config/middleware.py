from django.conf import settings
from django.middleware.csp import ContentSecurityPolicyMiddleware as BaseCSPMiddleware


class ContentSecurityPolicyMiddleware(BaseCSPMiddleware):
    """Django's CSP middleware, with a looser policy for the Wagtail admin.

    Wagtail 8's admin templates still carry inline scripts and styles without a
    nonce (date pickers, InlinePanel, StreamField), so the admin, used only by
    authenticated staff, allows inline code; the public site allows none.
    """

    def process_response(self, request, response):
        admin_prefix = getattr(settings, "ADMIN_PATH_PREFIX", "/admin/")
        if request.path.startswith(admin_prefix) and not hasattr(
            response, "_csp_config"
        ):
            response._csp_config = settings.ADMIN_CSP
        return super().process_response(request, response)
