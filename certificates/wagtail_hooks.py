from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from people.roles import is_office_admin

from .models import CertificateTemplate


class CertificateTemplateViewSet(SnippetViewSet):
    model = CertificateTemplate
    icon = "doc-full-inverse"
    menu_label = _("Certificate templates")
    list_display = ["name", "is_default", "page_size", "validity_years"]
    add_to_admin_menu = True
    menu_order = 260


register_snippet(CertificateTemplateViewSet)


class OfficeAdminMenuItem(MenuItem):
    def is_shown(self, request):
        return is_office_admin(request.user)


@hooks.register("register_admin_menu_item")
def certificates_desk():
    return OfficeAdminMenuItem(
        _("Certificates"), reverse("certificate_manage"), icon_name="tick-inverse", order=255
    )
