"""District office reports: admin URLs and the Reports menu items, office admins only."""

from wagtail import hooks

from people.roles import is_office_admin

from .views import admin_urls, register_menu_items

# Wagtail's own reports a trainer has no use for: workflows and their tasks are the office's
# review, aging pages and page-type usage are about the whole site.
OFFICE_ONLY_WAGTAIL_REPORTS = {"workflows", "workflow-tasks", "aging-pages", "page-types-usage"}


@hooks.register("register_admin_urls")
def register_office_report_urls():
    return admin_urls()


@hooks.register("construct_reports_menu")
def hide_office_reports_from_trainers(request, menu_items):
    if not is_office_admin(request.user):
        menu_items[:] = [i for i in menu_items if i.name not in OFFICE_ONLY_WAGTAIL_REPORTS]


register_menu_items()
