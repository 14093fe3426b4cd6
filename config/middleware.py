from django.conf import settings
from django.middleware.csp import ContentSecurityPolicyMiddleware as BaseCSPMiddleware
from django.middleware.csp import get_nonce
from django.utils.csp import CSP, build_policy


class ContentSecurityPolicyMiddleware(BaseCSPMiddleware):
    """Django's CSP middleware, with a looser policy for the Wagtail admin and
    the page previews it frames.

    Wagtail 8's admin templates still carry inline scripts and styles without a
    nonce (date pickers, InlinePanel, StreamField), so the admin, used only by
    authenticated staff, allows inline code; the public site allows none. A
    preview is a public page rendered for the admin's preview panel, through a
    dummy request (Wagtail flags it ``is_dummy`` for middleware): the public
    policy, except that the admin may frame it. The header is set here, which
    Django's middleware then leaves as it is (its documented behaviour).
    """

    def policy(self, request):
        admin_prefix = getattr(settings, "ADMIN_PATH_PREFIX", "/admin/")
        if getattr(request, "is_dummy", False):
            return settings.PREVIEW_CSP
        if request.path.startswith(admin_prefix):
            return settings.ADMIN_CSP
        return None

    def process_response(self, request, response):
        config = self.policy(request)
        header = str(CSP.HEADER_ENFORCE)  # the WSGI server wants a plain str
        if config and header not in response:
            response.headers[header] = build_policy(config, get_nonce(request))
        return super().process_response(request, response)
