"""cohorts listens to people (connected in CohortsConfig.ready())."""

from django.contrib.auth import get_user_model

from people.models import VolunteerImportBatch
from people.signals import volunteers_imported

from .models import Cohort
from .services import cohort_add_members


def add_imported_to_cohort(*, batch: VolunteerImportBatch, user_ids: list[int], by, **kwargs):
    if batch.cohort_id:
        User = get_user_model()
        # cohort_add_members reads only .pk: no need to load the people already registered.
        people = [User(pk=user_id) for user_id in user_ids]
        cohort_add_members(cohort=Cohort.objects.get(pk=batch.cohort_id), users=people, by=by)


def connect() -> None:
    volunteers_imported.connect(
        add_imported_to_cohort, sender=VolunteerImportBatch, dispatch_uid="cohorts.import"
    )
