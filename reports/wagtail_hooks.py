"""District office reports: admin URLs and the Reports menu items, office admins only."""

from wagtail import hooks

from .views import admin_urls, register_menu_items


@hooks.register("register_admin_urls")
def register_office_report_urls():
    return admin_urls()


register_menu_items()
