"""Writes for people: registration. Keyword-only, typed, validated, atomic."""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from .models import District, VolunteerProfile
from .phone import normalize_phone

VOLUNTEER_GROUP = "Relawan"
TRAINER_GROUP = "Pelatih"
OFFICE_ADMIN_GROUP = "Admin Dinsos"


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
