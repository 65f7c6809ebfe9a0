from modules.models import Enrollment, LessonCompletion


def volunteer_data_export(*, user) -> dict:
    """Everything the platform holds about the user, as they may download it (UU 27/2022)."""
    profile = getattr(user, "profile", None)
    data = {
        "account": {
            "username": user.username,
            "full_name": user.full_name,
            "phone": user.phone,
            "email": user.email,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
        },
        "profile": None,
        "enrolments": [
            {"course": e.course.title, "enrolled_at": e.enrolled_at.isoformat()}
            for e in Enrollment.objects.filter(user=user).select_related("course")
        ],
        "lessons_completed": [
            {"lesson": c.lesson.title, "completed_at": c.completed_at.isoformat()}
            for c in LessonCompletion.objects.filter(user=user).select_related("lesson")
        ],
    }
    if profile is not None:
        data["profile"] = {
            "birth_place": profile.birth_place,
            "birth_date": profile.birth_date.isoformat(),
            "sex": profile.get_sex_display(),
            "village": profile.village,
            "district": profile.district.name,
            "year_appointed": profile.year_appointed,
            "ipsm_number": profile.ipsm_number,
            "consent_at": profile.consent_at.isoformat(),
        }
    return data
