"""Writes for people: registration and bulk import. Keyword-only, typed, validated, atomic."""

import datetime
import hashlib

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.audit import audit
from core.errors import DomainError
from core.phone import normalize_phone

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
from .models import District, VolunteerImportBatch, VolunteerProfile
from .roles import VOLUNTEER_GROUP
from .signals import volunteers_imported


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
    batch.confirmed_by = by
    batch.confirmed_at = now
    batch.save(
        update_fields=[
            "status",
            "new_count",
            "existing_count",
            "rows",
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
    return batch
