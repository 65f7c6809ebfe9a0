"""The trainer's pages outside Wagtail (the desk, cohorts, item analysis) in the admin's menu
and on its home page, so a trainer who logs in to /admin/ finds them."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.ui.components import Component

from people.roles import is_office_admin, is_trainer


def _links() -> list[tuple[str, str, str, str]]:
    """(name, label, url, icon) of each trainer page; item analysis is per quiz, from the
    quiz list's "Item analysis" button."""
    return [
        ("trainer-desk", _("Grading queue"), reverse("trainer_queue"), "tasks"),
        ("trainer-cohorts", _("My cohorts"), reverse("cohort_list"), "group"),
        (
            "trainer-item-analysis",
            _("Item analysis (quizzes)"),
            reverse("wagtailsnippets_assessments_quiz:list"),
            "table",
        ),
    ]


class TrainerMenuItem(MenuItem):
    def is_shown(self, request):
        return is_trainer(request.user)


class TrainerSubmenu(SubmenuMenuItem):
    def is_shown(self, request):
        return is_trainer(request.user)


def _menu_items():
    return [
        TrainerMenuItem(label, url, name=name, icon_name=icon, order=index)
        for index, (name, label, url, icon) in enumerate(_links())
    ]


@hooks.register("register_admin_menu_item")
def trainer_menu():
    return TrainerSubmenu(
        _("Trainer desk"),
        Menu(register_hook_name=None, construct_hook_name=None, items=_menu_items()),
        name="trainer-desk-menu",
        icon_name="clipboard-list",
        order=150,
    )


class TrainerLinksPanel(Component):
    name = "trainer_links"
    order = 50
    template_name = "portal/admin_home_links.html"

    def get_context_data(self, parent_context=None):
        return {"links": _links()}


@hooks.register("construct_homepage_panels")
def trainer_links_on_the_home_page(request, panels):
    if is_trainer(request.user):
        panels.insert(0, TrainerLinksPanel())


class OfficeMenuItem(MenuItem):
    def is_shown(self, request):
        return is_office_admin(request.user)


@hooks.register("register_admin_urls")
def announcement_urls():
    from .announce import announce

    return [path("pengumuman/", announce, name="announcement_send")]


@hooks.register("register_admin_menu_item")
def announcement_menu_item():
    return OfficeMenuItem(
        _("Announcements"), reverse("announcement_send"), icon_name="mail", order=311
    )
