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
    from assessments.models import Attempt, AttitudeRating, Evidence, ScoreRecord
    from certificates.models import Certificate

    data["quiz_attempts"] = [
        {
            "quiz": a.quiz.title,
            "number": a.number,
            "status": a.status,
            "started_at": a.started_at.isoformat(),
            "finished_at": a.finished_at.isoformat() if a.finished_at else None,
            "percent": str(a.percent) if a.percent is not None else None,
        }
        for a in Attempt.objects.filter(user=user).select_related("quiz")
    ]
    data["scores"] = [
        {
            "course": r.course.title,
            "domain": r.domain,
            "source": r.source,
            "value": str(r.value),
            "note": r.note,
            "at": r.created_at.isoformat(),
        }
        for r in ScoreRecord.objects.filter(volunteer=user).select_related("course")
    ]
    data["attitude_ratings"] = [
        {
            "instrument": r.instrument.title,
            "role": r.role,
            "percent": str(r.percent),
            "at": r.created_at.isoformat(),
        }
        for r in AttitudeRating.objects.filter(volunteer=user).select_related("instrument")
    ]
    data["evidence"] = [
        {"name": e.original_name, "status": e.status, "at": e.created_at.isoformat()}
        for e in Evidence.objects.filter(volunteer=user)
    ]
    data["certificates"] = [
        {
            "number": c.number,
            "course": c.course.title,
            "status": c.status,
            "issued_at": c.issued_at.isoformat(),
        }
        for c in Certificate.objects.filter(holder=user).select_related("course")
    ]
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
