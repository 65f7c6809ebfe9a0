from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.audit import ACTIONS, audit

from .models import District, VolunteerProfile
from .roles import is_office_admin


class DistrictViewSet(SnippetViewSet):
    model = District
    icon = "site"
    menu_label = _("Districts")
    list_display = ["name", "bps_code", "regency"]
    search_fields = ["name"]
    add_to_admin_menu = True
    menu_order = 300


class VolunteerProfileViewSet(SnippetViewSet):
    model = VolunteerProfile
    icon = "group"
    menu_label = _("Volunteers")
    list_display = ["user", "district", "village", "year_appointed"]
    list_filter = ["district", "sex", "year_appointed"]
    search_fields = ["user__full_name", "user__username", "village"]
    add_to_admin_menu = True
    menu_order = 310


register_snippet(DistrictViewSet)
register_snippet(VolunteerProfileViewSet)


@hooks.register("register_log_actions")
def register_psm_log_actions(actions):
    for code, (label, message) in ACTIONS.items():
        actions.register_action(code, label, message)


class VolunteerImportMenuItem(MenuItem):
    """Shown to office admins only; the views refuse everyone else too."""

    def is_shown(self, request):
        return is_office_admin(request.user)


@hooks.register("register_admin_urls")
def volunteer_import_urls():
    from . import import_views as views

    return [
        path("impor-relawan/", views.upload, name="volunteer_import"),
        path(
            "impor-relawan/templat.csv",
            views.template,
            {"kind": "csv"},
            name="volunteer_import_template_csv",
        ),
        path(
            "impor-relawan/templat.xlsx",
            views.template,
            {"kind": "xlsx"},
            name="volunteer_import_template_xlsx",
        ),
        path("impor-relawan/<int:batch_id>/", views.preview, name="volunteer_import_preview"),
        path(
            "impor-relawan/<int:batch_id>/impor/",
            views.confirm,
            name="volunteer_import_confirm",
        ),
    ]


@hooks.register("register_admin_menu_item")
def volunteer_import_menu_item():
    return VolunteerImportMenuItem(
        _("Import volunteers"), reverse("volunteer_import"), icon_name="upload", order=311
    )


def _roles(user) -> list[str]:
    roles = sorted(user.groups.values_list("name", flat=True))
    return [*roles, "superuser"] if user.is_superuser else roles


@hooks.register("before_edit_user")
def remember_roles(request, user):
    request._psm_roles_before = _roles(user)


@hooks.register("after_edit_user")
@hooks.register("after_create_user")
def audit_role_change(request, user):
    before, after = getattr(request, "_psm_roles_before", []), _roles(user)
    if before != after:
        audit(
            action="psm.role_change",
            instance=user,
            user=request.user,
            data={"before": before, "after": after},
        )


class OfficeMenuItem(MenuItem):
    def is_shown(self, request):
        return is_office_admin(request.user)


@hooks.register("register_admin_urls")
def password_reset_desk_urls():
    from . import reset_admin_views as views

    return [
        path("atur-ulang-sandi/", views.reset_desk, name="password_reset_desk"),
        path(
            "atur-ulang-sandi/<int:reset_id>/diserahkan/",
            views.reset_hand_over,
            name="password_reset_hand_over",
        ),
        path("kotak-keluar/", views.outbox, name="message_outbox"),
    ]


@hooks.register("register_admin_menu_item")
def password_reset_desk_menu_item():
    return OfficeMenuItem(
        _("Password reset requests"), reverse("password_reset_desk"), icon_name="key", order=312
    )


@hooks.register("register_admin_menu_item")
def message_outbox_menu_item():
    return OfficeMenuItem(
        _("Message outbox"), reverse("message_outbox"), icon_name="mail", order=313
    )
