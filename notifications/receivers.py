"""notifications listens to people (connected in NotificationsConfig.ready()): the office user
who confirmed an import hears that it finished."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from people.models import VolunteerImportBatch
from people.signals import volunteer_import_finished

from .kinds import Kind, register
from .models import Channel
from .services import notify


def import_finished(*, batch: VolunteerImportBatch, by, **kwargs) -> None:
    notify(
        kind="import_finished",
        obj=batch,
        recipients=[by],
        params={
            "filename": batch.filename,
            "new": batch.new_count,
            "existing": batch.existing_count,
        },
    )


def connect() -> None:
    register(
        Kind(
            key="import_finished",
            audience="office",
            label=_("A volunteer import I confirmed has finished"),
            title=_("Import of “%(filename)s” finished"),
            body=_("%(new)s new volunteers, %(existing)s already registered."),
            url=lambda n: reverse("volunteer_import_preview", args=[n.object_id]),
            channels=(Channel.INAPP, Channel.EMAIL),
        )
    )
    volunteer_import_finished.connect(
        import_finished, sender=VolunteerImportBatch, dispatch_uid="notifications.import"
    )
