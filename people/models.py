from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class User(AbstractUser):
    """Login by username or by phone (stored in one canonical +62 form)."""

    full_name = models.CharField(_("full name"), max_length=150, blank=True)
    phone = models.CharField(
        _("phone"),
        max_length=16,
        unique=True,
        null=True,
        blank=True,
        help_text=_("Stored as +62…; 0812… and +62812… are the same number."),
    )

    class Meta(AbstractUser.Meta):
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def get_full_name(self) -> str:
        return self.full_name or super().get_full_name() or self.username

    def __str__(self) -> str:
        return self.get_full_name()


class District(models.Model):
    """A kecamatan an office serves. Data, so an admin can add more without a release."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    bps_code = models.CharField(_("BPS code"), max_length=10, blank=True)
    regency = models.CharField(_("regency"), max_length=100, default="Bengkulu Selatan")

    panels = [FieldPanel("name"), FieldPanel("bps_code"), FieldPanel("regency")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("district (kecamatan)")
        verbose_name_plural = _("districts (kecamatan)")

    def __str__(self) -> str:
        return self.name


class VolunteerProfile(models.Model):
    class Sex(models.TextChoices):
        MALE = "L", _("Male")
        FEMALE = "P", _("Female")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="profile",
        verbose_name=_("user"),
    )
    birth_place = models.CharField(_("place of birth"), max_length=100)
    birth_date = models.DateField(_("date of birth"))
    sex = models.CharField(_("sex"), max_length=1, choices=Sex.choices)
    village = models.CharField(_("village (desa/kelurahan)"), max_length=100)
    district = models.ForeignKey(
        District, on_delete=models.PROTECT, related_name="volunteers", verbose_name=_("district")
    )
    year_appointed = models.PositiveSmallIntegerField(_("year appointed"))
    ipsm_number = models.CharField(_("IPSM member number"), max_length=50, blank=True)
    consent_at = models.DateTimeField(_("consent given at"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("volunteer profile")
        verbose_name_plural = _("volunteer profiles")

    def __str__(self) -> str:
        return str(self.user)


class VolunteerImportBatch(models.Model):
    """One uploaded volunteer register between preview and confirm. The checked rows stay here,
    so confirming never trusts rows re-posted by the browser; they are emptied once imported."""

    class Status(models.TextChoices):
        PREVIEW = "preview", _("Checked, not imported yet")
        DONE = "done", _("Imported")

    filename = models.CharField(_("file name"), max_length=255)
    file_sha256 = models.CharField(_("SHA-256 of the file"), max_length=64)
    status = models.CharField(
        _("status"), max_length=8, choices=Status.choices, default=Status.PREVIEW
    )
    cohort = models.ForeignKey(
        "cohorts.Cohort",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("cohort"),
    )
    columns = models.JSONField(default=dict, blank=True)
    rows = models.JSONField(default=list, blank=True)
    # Who this import created: their activation slips are printed from the result page.
    created_user_ids = models.JSONField(default=list, blank=True)
    errors = models.JSONField(default=list, blank=True)
    total_rows = models.PositiveIntegerField(_("rows"), default=0)
    new_count = models.PositiveIntegerField(_("new"), default=0)
    existing_count = models.PositiveIntegerField(_("already registered"), default=0)
    error_rows = models.PositiveIntegerField(_("rows with errors"), default=0)
    error_count = models.PositiveIntegerField(_("errors"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("imported by"),
    )
    confirmed_at = models.DateTimeField(_("imported at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("volunteer import")
        verbose_name_plural = _("volunteer imports")

    def __str__(self) -> str:
        return self.filename


class PasswordResetCode(models.Model):
    """One "Lupa kata sandi?" by phone: a 6-digit code, single use, 10 minutes, 5 tries.

    The code is kept as an HMAC (code_hash, keyed by SECRET_KEY and a per-row salt). office_code
    holds it in plain text only when no gateway sends it (the outbox mode): the office must read it
    to hand it over by WhatsApp. The stack has no encryption library and encrypting it with a key
    on the same server would protect nothing from a reader of that server, so instead the plain
    copy is short-lived: never written when a gateway sends the code, and wiped on hand-over, use,
    the fifth wrong try, a newer request, and expiry (reset_services.reset_codes_purge)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="password_reset_codes",
        verbose_name=_("user"),
    )
    code_salt = models.CharField(max_length=32)
    code_hash = models.CharField(max_length=64)
    office_code = models.CharField(max_length=6, blank=True)
    created_at = models.DateTimeField(_("requested at"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires at"))
    tries = models.PositiveSmallIntegerField(_("wrong tries"), default=0)
    spent_at = models.DateTimeField(_("used at"), null=True, blank=True)
    handed_over_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("handed over by"),
    )
    handed_over_at = models.DateTimeField(_("handed over at"), null=True, blank=True)
    requested_ip = models.GenericIPAddressField(_("requested from"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "-created_at"], name="reset_code_user_recent")]
        verbose_name = _("password reset code")
        verbose_name_plural = _("password reset codes")

    def __str__(self) -> str:
        return f"{self.user} {self.created_at:%Y-%m-%d %H:%M}"


class ActivationCode(models.Model):
    """A one-time code that lets a person the office created set their own password. Only its
    keyed digest is stored (core.codes); the plain code exists on the slip or in the message."""

    MAX_WRONG_TRIES = 5

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="activation_codes",
        verbose_name=_("user"),
    )
    code_hash = models.CharField(_("code digest"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires at"))
    spent_at = models.DateTimeField(_("used at"), null=True, blank=True)
    voided_at = models.DateTimeField(_("voided at"), null=True, blank=True)
    wrong_tries = models.PositiveSmallIntegerField(_("wrong tries"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("issued by"),
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("activation code")
        verbose_name_plural = _("activation codes")
        indexes = [models.Index(fields=["user", "spent_at", "voided_at"])]

    def __str__(self) -> str:
        return f"{self.user} · {self.created_at:%Y-%m-%d}"
