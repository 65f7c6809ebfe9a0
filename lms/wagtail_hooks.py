from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import District, VolunteerProfile


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
    from .audit import ACTIONS

    for code, (label, message) in ACTIONS.items():
        actions.register_action(code, label, message)


def _roles(user) -> list[str]:
    roles = sorted(user.groups.values_list("name", flat=True))
    return [*roles, "superuser"] if user.is_superuser else roles


@hooks.register("before_edit_user")
def remember_roles(request, user):
    request._psm_roles_before = _roles(user)


@hooks.register("after_edit_user")
@hooks.register("after_create_user")
def audit_role_change(request, user):
    from .audit import audit

    before, after = getattr(request, "_psm_roles_before", []), _roles(user)
    if before != after:
        audit(
            action="psm.role_change",
            instance=user,
            user=request.user,
            data={"before": before, "after": after},
        )
