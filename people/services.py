"""Writes for people: registration and bulk import. Keyword-only, typed, validated, atomic."""

import datetime
import hashlib

from django.conf import settings
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.audit import audit, audit_many
from core.codes import code_digest, new_code, normalize_code
from core.errors import DomainError
from core.phone import normalize_phone
from core.ratelimit import allow_key

from .import_files import read_sheet
from .imports import (
    MAX_ERRORS_KEPT,
    Classified,
    ExistingUser,
    ImportRejected,
    RowError,
    classify_rows,
    clean_rows,
    district_errors,
    district_key,
    sorted_errors,
    username_candidates,
)
from .models import ActivationCode, District, VolunteerImportBatch, VolunteerProfile
from .roles import VOLUNTEER_GROUP
from .signals import volunteer_import_finished, volunteers_imported


@transaction.atomic
def volunteer_register(
    *,
    full_name: str,
    phone: str,
    password: str,
    birth_place: str,
    birth_date: datetime.date,
    sex: str,
    village: str,
    district: District,
    year_appointed: int,
    email: str = "",
    ipsm_number: str = "",
    username: str = "",
) -> VolunteerProfile:
    """Create a volunteer account with its profile, in the Relawan group, consent dated now."""
    phone = normalize_phone(phone)
    user = get_user_model()(
        username=username or phone.lstrip("+"),
        full_name=full_name.strip(),
        phone=phone,
        email=email.strip().lower(),
    )
    user.set_password(password)
    user.full_clean()
    user.save()
    profile = VolunteerProfile(
        user=user,
        birth_place=birth_place.strip(),
        birth_date=birth_date,
        sex=sex,
        village=village.strip(),
        district=district,
        year_appointed=year_appointed,
        ipsm_number=ipsm_number.strip(),
        consent_at=timezone.now(),
    )
    profile.full_clean()
    profile.save()
    user.groups.add(Group.objects.get(name=VOLUNTEER_GROUP))
    return profile


# Bulk import of an office's register (people/imports.py reads and checks the file) ------------

IMPORT_PREVIEW_HOURS = 24  # a check older than this is stale: upload the file again


def _volunteer_import_check(
    rows: list[dict],
    labels: dict[str, tuple[str, str]] | None = None,
    *,
    rejected: list[dict] = (),
) -> Classified:
    """Classify clean rows against the database in a fixed number of queries: districts, and
    users holding these phones or their usernames (plus one more only on a username clash)."""
    User = get_user_model()
    phones = {row["no_hp"] for row in rows}
    first_choice = {username_candidates(phone)[0] for phone in phones}
    district_ids = {
        district_key(name): pk for pk, name in District.objects.values_list("pk", "name")
    }
    users_by_phone: dict[str, ExistingUser] = {}
    taken: set[str] = set()
    if phones:
        found = User.objects.filter(Q(phone__in=phones) | Q(username__in=first_choice))
        for pk, username, phone, full_name, first, last in found.values_list(
            "pk", "username", "phone", "full_name", "first_name", "last_name"
        ):
            taken.add(username)
            if phone in phones:
                name = full_name or f"{first} {last}".strip()
                users_by_phone[phone] = ExistingUser(pk=pk, username=username, full_name=name)
    # An account whose number changed may still hold a phone's digits as its username.
    fallbacks = [
        username_candidates(phone)[1]
        for phone in phones
        if phone not in users_by_phone and username_candidates(phone)[0] in taken
    ]
    if fallbacks:
        taken |= set(User.objects.filter(username__in=fallbacks).values_list("username", flat=True))
    classified = classify_rows(
        rows,
        district_ids=district_ids,
        users_by_phone=users_by_phone,
        taken_usernames=taken,
        labels=labels,
    )
    if rejected:  # rows refused for other cells: their kecamatan is checked all the same
        more = district_errors(list(rejected), district_ids=district_ids, labels=labels)
        classified.errors = sorted_errors([*classified.errors, *more])
    return classified


@transaction.atomic
def volunteer_import_preview(
    *, filename: str, content: bytes, by, cohort=None
) -> VolunteerImportBatch:
    """Read and check a whole register and keep the result for confirmation. Writes no person;
    raises ImportFileError (a DomainError) when the file itself cannot be used."""
    sheet = read_sheet(filename=filename, content=content)
    rejected: list[dict] = []
    rows, errors = clean_rows(sheet, today=timezone.localdate(), rejected=rejected)
    labels = sheet.labels()
    # Every error of every row in one preview: rows refused for a cell are still checked
    # against the districts (an unknown kecamatan used to appear only after the next upload).
    checked = _volunteer_import_check(rows, labels, rejected=rejected)
    errors = sorted_errors([*errors, *checked.errors])
    status = {row["row"]: "new" for row in checked.new}
    status.update({row["row"]: "existing" for row, _user_id in checked.existing})
    # Stale previews hold personal data nobody will confirm: drop them.
    VolunteerImportBatch.objects.filter(
        status=VolunteerImportBatch.Status.PREVIEW,
        created_at__lt=timezone.now() - datetime.timedelta(hours=IMPORT_PREVIEW_HOURS),
    ).delete()
    return VolunteerImportBatch.objects.create(
        filename=filename[-255:],
        file_sha256=hashlib.sha256(content).hexdigest(),
        cohort=cohort,
        columns={key: list(label) for key, label in labels.items()},
        rows=[{**row, "status": status.get(row["row"], "")} for row in rows],
        errors=[error.to_json() for error in errors[:MAX_ERRORS_KEPT]],
        total_rows=len(sheet.rows),
        new_count=len(checked.new),
        existing_count=len(checked.existing),
        error_rows=len({error.row for error in errors}),
        error_count=len(errors),
        created_by=by,
    )


def volunteer_import_errors(*, batch: VolunteerImportBatch) -> list[RowError]:
    return [RowError.from_json(data) for data in batch.errors]


def volunteer_import_confirm(*, batch: VolunteerImportBatch, by) -> VolunteerImportBatch:
    """Write the whole checked file in one transaction, or nothing. The rows are checked again
    against the database first (someone may have registered meanwhile): any error raises
    ImportRejected with the errors, and nothing is written."""
    try:
        return _volunteer_import_write(batch_id=batch.pk, by=by)
    except IntegrityError as error:  # a registration raced the import on a phone or username
        raise DomainError(
            "import_conflict",
            _(
                "Someone registered one of these phone numbers while you were importing. "
                "Nothing was imported; upload the file again to see which row."
            ),
        ) from error


@transaction.atomic
def _volunteer_import_write(*, batch_id: int, by) -> VolunteerImportBatch:
    batch = VolunteerImportBatch.objects.select_for_update().get(pk=batch_id)
    if batch.status == VolunteerImportBatch.Status.DONE:
        raise DomainError("import_done", _("This file has already been imported."))
    if batch.error_count:
        raise DomainError(
            "import_has_errors",
            _("This file has errors. Fix them in the file and upload it again."),
        )
    if batch.created_at < timezone.now() - datetime.timedelta(hours=IMPORT_PREVIEW_HOURS):
        raise DomainError(
            "import_expired", _("This check is more than a day old. Upload the file again.")
        )
    labels = {key: tuple(label) for key, label in batch.columns.items()}
    checked = _volunteer_import_check(batch.rows, labels)
    if checked.errors:
        raise ImportRejected(checked.errors)

    User = get_user_model()
    now = timezone.now()
    # Every value was checked in people/imports.py and against the database just above; the
    # unique constraints on phone and username catch a registration racing this transaction.
    users = User.objects.bulk_create(
        [
            User(
                username=row["username"],
                full_name=row["nama_lengkap"],
                phone=row["no_hp"],
                password=make_password(None),  # they set one through a reset, or the office does
                date_joined=now,
            )
            for row in checked.new
        ]
    )
    VolunteerProfile.objects.bulk_create(
        [
            VolunteerProfile(
                user=user,
                birth_place=row["tempat_lahir"],
                birth_date=datetime.date.fromisoformat(row["tanggal_lahir"]),
                sex=row["jenis_kelamin"],
                village=row["desa"],
                district_id=row["district_id"],
                year_appointed=row["tahun_pengangkatan"],
                ipsm_number=row["no_anggota_ipsm"],
                consent_at=now,
            )
            for user, row in zip(users, checked.new, strict=True)
        ]
    )
    group_id = Group.objects.values_list("pk", flat=True).get(name=VOLUNTEER_GROUP)
    Membership = User.groups.through
    Membership.objects.bulk_create([Membership(user_id=u.pk, group_id=group_id) for u in users])
    # cohorts listens: with a cohort chosen, everyone in the file joins it in this transaction.
    volunteers_imported.send(
        sender=VolunteerImportBatch,
        batch=batch,
        user_ids=[*(u.pk for u in users), *(user_id for _row, user_id in checked.existing)],
        by=by,
    )

    batch.status = VolunteerImportBatch.Status.DONE
    batch.new_count = len(users)
    batch.existing_count = len(checked.existing)
    batch.rows = []  # imported: the people are in the register now, no copy kept here
    batch.created_user_ids = [user.pk for user in users]  # their activation slips
    batch.confirmed_by = by
    batch.confirmed_at = now
    batch.save(
        update_fields=[
            "status",
            "new_count",
            "existing_count",
            "rows",
            "created_user_ids",
            "confirmed_by",
            "confirmed_at",
        ]
    )
    audit(
        action="psm.volunteer_import",
        instance=batch,
        user=by,
        data={
            "created": len(users),
            "skipped": len(checked.existing),
            "file_sha256": batch.file_sha256,
            "filename": batch.filename,
            "cohort_id": batch.cohort_id,
        },
    )
    # notifications listens: the office user who confirmed hears that it is done.
    volunteer_import_finished.send(sender=VolunteerImportBatch, batch=batch, by=by)
    return batch


# Activation: the office gives a person it created a one-time code; the person sets a password --

ACTIVATION_PURPOSE = "activation"


def activation_pending(user) -> bool:
    """Created by the office and not activated yet: no usable password."""
    return user.is_active and bool(user.phone) and not user.has_usable_password()


@transaction.atomic
def activation_codes_issue(*, users, by) -> list[tuple]:
    """A new code for each person still to activate (older unspent codes die), in a fixed
    number of queries. Returns (user, plain code) pairs: the only time a code exists in clear."""
    users = [user for user in users if activation_pending(user)]
    if not users:
        return []
    now = timezone.now()
    ActivationCode.objects.filter(user__in=users, spent_at=None, voided_at=None).update(
        voided_at=now
    )
    issued = [(user, new_code()) for user in users]
    expires = now + datetime.timedelta(days=settings.ACTIVATION_CODE_DAYS)
    ActivationCode.objects.bulk_create(
        ActivationCode(
            user=user,
            code_hash=code_digest(code, purpose=ACTIVATION_PURPOSE),
            created_at=now,
            expires_at=expires,
            created_by=by,
        )
        for user, code in issued
    )
    audit_many(
        action="psm.activation_issue",
        instances=users,
        user=by,
        data={"expires_at": expires.isoformat()},
    )
    return issued


def _activation_refused() -> DomainError:
    # One answer for an unknown phone, a wrong code and a phone with no code.
    return DomainError(
        "activation_invalid",
        _("The phone number or the activation code is wrong. Check both and try again."),
    )


def _password_errors(password: str, user) -> None:
    try:
        password_validation.validate_password(password, user)
    except ValidationError as error:
        raise DomainError("password_invalid", " ".join(error.messages)) from error


def account_activate(*, phone: str, code: str, password: str, consent: bool, ip: str = ""):
    """Spend a code: set the person's password and record their consent. Every refusal is a
    DomainError; a wrong code counts against the person's current code (5 and it dies)."""
    if not consent:
        raise DomainError("consent_required", _("You must give your consent to activate."))
    try:
        phone = normalize_phone(phone)
    except ValidationError as error:
        raise DomainError("invalid_phone", error.messages[0]) from error
    limits = (
        ("activate-phone", phone, settings.ACTIVATION_RATE_LIMIT_PHONE),
        ("activate-ip", ip or "unknown", settings.ACTIVATION_RATE_LIMIT_IP),
    )
    for scope, key, limit in limits:
        if not allow_key(scope=scope, key=key, limit=limit, window=3600):
            raise DomainError(
                "activation_rate_limited",
                _("Too many activation attempts. Wait an hour and try again, or ask the office."),
            )
    code = normalize_code(code)
    with transaction.atomic():
        user, refusal = _activation_spend(phone=phone, code=code, password=password)
    if refusal is not None:  # raised after the commit, so the wrong try stays counted
        raise refusal
    return user


def _activation_spend(*, phone: str, code: str, password: str):
    User = get_user_model()
    now = timezone.now()
    user = User.objects.select_for_update().filter(phone=phone, is_active=True).first()
    if user is None:
        return None, _activation_refused()
    codes = ActivationCode.objects.select_for_update().filter(user=user)
    digest = code_digest(code, purpose=ACTIVATION_PURPOSE)
    found = codes.filter(code_hash=digest).first() if code else None
    if found is None:
        current = codes.filter(spent_at=None, voided_at=None).first()
        if current is not None:
            current.wrong_tries += 1
            fields = ["wrong_tries"]
            if current.wrong_tries >= ActivationCode.MAX_WRONG_TRIES:
                current.voided_at = now
                fields.append("voided_at")
            current.save(update_fields=fields)
        return None, _activation_refused()
    if found.spent_at:
        return None, DomainError(
            "activation_spent",
            _("This code has been used already. Log in with your phone number and password."),
        )
    if found.voided_at:
        return None, DomainError(
            "activation_void",
            _(
                "This code no longer works: a newer one was made, or it was typed wrong too "
                "often. Ask the office for a new code."
            ),
        )
    if found.expires_at <= now:
        return None, DomainError(
            "activation_expired", _("This code has expired. Ask the office for a new code.")
        )
    _password_errors(password, user)
    user.set_password(password)  # only the password changes: nothing else to validate
    user.save(update_fields=["password"])
    found.spent_at = now
    found.save(update_fields=["spent_at"])
    # Consent as at registration: the profile's consent date is the person's own now.
    VolunteerProfile.objects.filter(user=user).update(consent_at=now)
    audit(action="psm.account_activate", instance=user, user=user, data={"consent_at": str(now)})
    return user, None


@transaction.atomic
def user_set_first_password(*, user, password: str, by):
    """The office sets a first password for someone who cannot use a slip. Unspent codes die."""
    user = get_user_model().objects.select_for_update().get(pk=user.pk)
    if not activation_pending(user):
        raise DomainError(
            "already_active",
            _("This person already has a password (or no phone number)."),
        )
    _password_errors(password, user)
    user.set_password(password)
    user.save(update_fields=["password"])
    ActivationCode.objects.filter(user=user, spent_at=None, voided_at=None).update(
        voided_at=timezone.now()
    )
    audit(action="psm.first_password_set", instance=user, user=by)
    return user
