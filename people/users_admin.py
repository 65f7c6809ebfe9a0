"""The admin's user screens for this user model: one full name (Indonesian names often have no
family name) and a phone number instead of Wagtail's required first/last name and email, which
most volunteers do not have."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import IndexView as WagtailUserIndexView
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from core.phone import normalize_phone
from core.text import clean_text

from .selectors import users_matching

FIELDS = {"username", "full_name", "phone", "email", "is_superuser", "groups"}


class _PSMUserFields(forms.ModelForm):
    full_name = forms.CharField(label=_("full name"), max_length=150)
    email = forms.EmailField(label=_("Email"), required=False)
    phone = forms.CharField(label=_("Mobile phone (WhatsApp)"), required=False, max_length=20)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("first_name", "last_name"):
            self.fields.pop(name, None)

    def clean_full_name(self) -> str:
        name = clean_text(self.cleaned_data["full_name"])
        if not name:
            raise forms.ValidationError(_("This field is required."), code="required")
        return name

    def clean_phone(self) -> str | None:
        raw = self.cleaned_data.get("phone", "").strip()
        if not raw:
            return None
        phone = normalize_phone(raw)
        others = type(self.instance).objects.filter(phone=phone).exclude(pk=self.instance.pk)
        if others.exists():
            raise forms.ValidationError(
                _("This phone number belongs to another user."), code="duplicate_phone"
            )
        return phone


class PSMUserCreationForm(_PSMUserFields, UserCreationForm):
    class Meta(UserCreationForm.Meta):
        fields = FIELDS


class PSMUserEditForm(_PSMUserFields, UserEditForm):
    class Meta(UserEditForm.Meta):
        fields = FIELDS | {"is_active"}


class UserIndexView(WagtailUserIndexView):
    """Wagtail searches username, first/last name and email; the office knows people by their
    full name and their phone, typed any way (0812…, +62 812…, 62-812…)."""

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        return users_matching(queryset, self.search_query)


class UserViewSet(WagtailUserViewSet):
    template_prefix = "people/admin_users/"
    index_view_class = UserIndexView

    def get_form_class(self, for_update=False):
        return PSMUserEditForm if for_update else PSMUserCreationForm
