from wagtail.admin.panels import Panel

from booklets.status import booklet_status


class BookletStatusPanel(Panel):
    """Tells the editor what the booklet holds, which hand-picked sheets were
    left out because their page is not published, and whether the PDF is current."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "booklets/admin/status_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["instance"] = self.instance
            context["status"] = booklet_status(self.instance)
            return context

    @property
    def clean_name(self):
        return super().clean_name or "booklet_status"
