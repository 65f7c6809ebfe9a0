from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import ListingButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail.users.views.bulk_actions.user_bulk_action import UserBulkAction

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
    from . import activation_views as activation
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
        path("aktivasi/kode/", activation.office_issue, name="activation_office_issue"),
        path(
            "aktivasi/sandi-pertama/<int:user_id>/",
            activation.office_first_password,
            name="activation_first_password",
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


@hooks.register("register_user_listing_buttons")
def first_password_button(user, request_user):
    from .services import activation_pending

    if is_office_admin(request_user) and activation_pending(user):
        yield ListingButton(
            _("Set a first password"),
            reverse("activation_first_password", args=[user.pk]),
            icon_name="key",
            priority=40,
        )


class ActivationSlipsBulkAction(UserBulkAction):
    """ "Cetak slip aktivasi" on the admin's user list: one PDF, or WhatsApp links."""

    display_name = _("Activation slips")
    action_type = "activation_slips"
    aria_label = _("Print activation slips or make WhatsApp links for the selected users")
    template_name = "people/activation/bulk_confirm.html"
    action_priority = 5

    def check_perm(self, obj):
        return is_office_admin(self.request.user)

    def object_context(self, obj):
        from .services import activation_pending

        return {"item": obj, "pending": activation_pending(obj)}

    def prepare_action(self, objects, objects_without_access):
        from .activation_views import issue_response

        output = "pdf" if self.request.POST.get("output") == "pdf" else "whatsapp"
        return issue_response(self.request, objects, output) or redirect(self.next_url)


hooks.register("register_bulk_action", ActivationSlipsBulkAction)
