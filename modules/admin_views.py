"""Wagtail's page editor, with one change the trainers need."""

from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.pages.create import CreateView


class CreateWithoutAutosave(CreateView):
    """Wagtail 8 autosaves the editor; on the create form the first autosave creates the page,
    so a trainer who types a title and walks away leaves a stray draft in the course. The new
    page waits for Save; the edit form keeps autosave (revisions of a page that exists)."""

    def get_context_data(self, **kwargs):
        self.autosave_enabled = False
        return super().get_context_data(**kwargs)


# Mounted in lms/urls.py ahead of Wagtail's own route, with the decorators Wagtail gives it.
create_page = require_admin_access(never_cache(CreateWithoutAutosave.as_view()))
