from assessments.permissions import is_office_admin, trainer_course_ids

__all__ = ["can_download", "is_office_admin"]


def can_download(user, certificate) -> bool:
    if certificate.holder_id == user.pk or is_office_admin(user):
        return True
    return certificate.course_id in trainer_course_ids(user)
