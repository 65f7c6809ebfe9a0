from assessments.permissions import trainer_course_ids, trains_in_cohort
from people.roles import is_office_admin

__all__ = ["can_download", "is_office_admin"]


def can_download(user, certificate) -> bool:
    if certificate.holder_id == user.pk or is_office_admin(user):
        return True
    if certificate.course_id in trainer_course_ids(user):
        return True
    return trains_in_cohort(
        user, course_id=certificate.course_id, volunteer_id=certificate.holder_id
    )
