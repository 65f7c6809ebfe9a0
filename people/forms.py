import datetime

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.phone import normalize_phone
from core.text import clean_text

from .models import District, VolunteerProfile


class LoginForm(AuthenticationForm):
    username = forms.CharField(
        label=_("Username or phone number"),
        max_length=150,
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username"}),
    )
    error_messages = {
        "invalid_login": _(
            "The username/phone number or password is wrong. Both are case-sensitive."
        ),
        "inactive": _("This account is inactive."),
    }


# The same words, and the same record (the profile's consent date), at registration and at
# activation.
CONSENT_LABEL = _(
    "I agree that the district social service office stores and uses my data "
    "to run my training and certificates."
)


class RegistrationForm(forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=150)
    phone = forms.CharField(
        label=_("Mobile phone (WhatsApp)"),
        max_length=20,
        help_text=_("For example 0812 3456 7890. You can log in with this number."),
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )
    email = forms.EmailField(
        label=_("Email (optional)"),
        required=False,
        help_text=_("Needed only to reset a forgotten password by email."),
    )
    birth_place = forms.CharField(label=_("Place of birth"), max_length=100)
    birth_date = forms.DateField(
        label=_("Date of birth"), widget=forms.DateInput(attrs={"type": "date"})
    )
    sex = forms.ChoiceField(
        label=_("Sex"), choices=VolunteerProfile.Sex.choices, widget=forms.RadioSelect
    )
    district = forms.ModelChoiceField(
        label=_("District of duty (kecamatan)"),
        queryset=District.objects.all(),
        empty_label=_("— choose —"),
    )
    village = forms.CharField(label=_("Village of duty (desa/kelurahan)"), max_length=100)
    year_appointed = forms.IntegerField(
        label=_("Year appointed as PSM"),
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    ipsm_number = forms.CharField(
        label=_("IPSM member number (optional)"), max_length=50, required=False
    )
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 8 characters; not only numbers."),
    )
    password2 = forms.CharField(
        label=_("Repeat the password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    consent = forms.BooleanField(
        label=CONSENT_LABEL,
        error_messages={"required": _("You must give your consent to register.")},
    )

    def _clean_person_text(self, name: str) -> str:
        value = clean_text(self.cleaned_data[name])
        if not value:
            raise ValidationError(_("This field is required."), code="required")
        return value

    def clean_full_name(self) -> str:
        return self._clean_person_text("full_name")

    def clean_birth_place(self) -> str:
        return self._clean_person_text("birth_place")

    def clean_village(self) -> str:
        return self._clean_person_text("village")

    def clean_phone(self) -> str:
        phone = normalize_phone(self.cleaned_data["phone"])
        holder = get_user_model().objects.filter(phone=phone).only("password", "is_active").first()
        if holder is not None and holder.is_active and not holder.has_usable_password():
            # Created by the office (an import): the way in is the activation slip, not a
            # second account.
            raise ValidationError(
                _(
                    "The office has already created an account for this phone number. "
                    "Activate it at /accounts/aktivasi/ with the code from your slip or "
                    "WhatsApp message, or ask the office for one."
                ),
                code="activation_needed",
            )
        if holder is not None:
            raise ValidationError(
                _("This phone number is already registered. Log in or reset your password."),
                code="duplicate_phone",
            )
        return phone

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip().lower()
        if email and get_user_model().objects.filter(email__iexact=email).exists():
            raise ValidationError(
                _("This email is already used by another account."), code="duplicate_email"
            )
        return email

    def clean_birth_date(self) -> datetime.date:
        born = self.cleaned_data["birth_date"]
        today = timezone.localdate()
        age = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
        if born > today or age > 100:
            raise ValidationError(_("Enter a real date of birth."), code="bad_birth_date")
        if age < 18:
            raise ValidationError(_("A PSM must be at least 18 years old."), code="too_young")
        return born

    def clean_year_appointed(self) -> int:
        year = self.cleaned_data["year_appointed"]
        if not 1970 <= year <= timezone.localdate().year:
            raise ValidationError(_("Enter a year between 1970 and this year."), code="bad_year")
        return year

    def clean(self):
        cleaned = super().clean()
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("The two passwords are not the same."))
        elif first:
            user = get_user_model()(
                username=cleaned.get("phone", ""), full_name=cleaned.get("full_name", "")
            )
            try:
                password_validation.validate_password(first, user)
            except ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class _NewPasswordFields(forms.Form):
    password1 = forms.CharField(
        label=_("New password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 8 characters; not only numbers."),
    )
    password2 = forms.CharField(
        label=_("Repeat the password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self):
        cleaned = super().clean()
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("The two passwords are not the same."))
        return cleaned


class ActivationForm(_NewPasswordFields):
    """Phone and code are checked by account_activate, in one answer for both."""

    field_order = ["phone", "code", "password1", "password2", "consent"]

    phone = forms.CharField(
        label=_("Mobile phone (WhatsApp)"),
        max_length=20,
        help_text=_("The number the office has for you, for example 0812 3456 7890."),
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )
    code = forms.CharField(
        label=_("Activation code"),
        max_length=20,
        help_text=_("From your slip or WhatsApp message, for example K7M4-9QXR."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "characters"}
        ),
    )
    consent = forms.BooleanField(
        label=CONSENT_LABEL,
        error_messages={"required": _("You must give your consent to activate.")},
    )


class FirstPasswordForm(_NewPasswordFields):
    """The office sets a first password (it tells the person in person or by phone)."""
