"""The account and the volunteer profile, for the person's own download (UU 27/2022).

`portal/export.py` assembles every app's `personal_data`; `COVERS` names the models whose rows
about the person are in it (tests/test_data_export.py checks no model holding personal data is
left out). VolunteerImportBatch is not covered: it names only the office user who uploaded and
confirmed the file, and once imported its rows are emptied (people/services.py), so it keeps no
per-person copy of anyone in the file (only the ids of the accounts it created, for their slips).
Password resets by phone are listed without their code; activation codes with their dates, never
their digest."""

from .models import ActivationCode, PasswordResetCode, User, VolunteerProfile

COVERS = (User, VolunteerProfile, PasswordResetCode, ActivationCode)


def _iso(value):
    return value.isoformat() if value else None


def personal_data(*, user) -> dict[str, list | dict | None]:
    profile = VolunteerProfile.objects.select_related("district").filter(user=user).first()
    codes = ActivationCode.objects.filter(user=user).order_by("created_at")
    return {
        "activation_codes": [
            {
                "created_at": _iso(code.created_at),
                "expires_at": _iso(code.expires_at),
                "spent_at": _iso(code.spent_at),
                "voided_at": _iso(code.voided_at),
                "wrong_tries": code.wrong_tries,
            }
            for code in codes
        ],
        "account": {
            "username": user.username,
            "full_name": user.full_name,
            "phone": user.phone,
            "email": user.email,
            "date_joined": user.date_joined.isoformat(),
            "last_login": _iso(user.last_login),
            "roles": sorted(user.groups.values_list("name", flat=True)),
        },
        "profile": None
        if profile is None
        else {
            "birth_place": profile.birth_place,
            "birth_date": profile.birth_date.isoformat(),
            "sex": profile.get_sex_display(),
            "village": profile.village,
            "district": profile.district.name,
            "year_appointed": profile.year_appointed,
            "ipsm_number": profile.ipsm_number,
            "consent_at": profile.consent_at.isoformat(),
            "registered_at": profile.created_at.isoformat(),
        },
        "password_resets": [
            {
                "requested_at": reset.created_at.isoformat(),
                "requested_from": reset.requested_ip,
                "expires_at": reset.expires_at.isoformat(),
                "wrong_tries": reset.tries,
                "used_at": _iso(reset.spent_at),
                "handed_over_by_the_office_at": _iso(reset.handed_over_at),
            }
            for reset in PasswordResetCode.objects.filter(user=user).order_by("created_at")
        ],
    }
