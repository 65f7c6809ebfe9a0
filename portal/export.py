"""The person's own download, `/dashboard/data-saya.json` (UU 27/2022): everything the platform
holds about them, and nothing about anyone else.

Each domain app owns its part, `<app>/export.py`: a `personal_data(*, user)` returning JSON-ready
sections and a `COVERS` tuple of the models it reads. Portal sits above them all and only puts
the parts together. tests/test_data_export.py fails when a model that points at the user is in
no app's `COVERS` (nor in its short, reasoned allowlist)."""

from django.utils import timezone

from assessments import export as assessments_export
from certificates import export as certificates_export
from cohorts import export as cohorts_export
from modules import export as modules_export
from notifications import export as notifications_export
from people import export as people_export

PARTS = (
    people_export,
    modules_export,
    cohorts_export,
    assessments_export,
    certificates_export,
    notifications_export,
)


def volunteer_data_export(*, user) -> dict:
    """Everything the platform holds about the user, as they may download it (UU 27/2022)."""
    data: dict = {"generated_at": timezone.now().isoformat()}
    for part in PARTS:
        sections = part.personal_data(user=user)
        clash = data.keys() & sections.keys()
        if clash:
            raise RuntimeError(f"{part.__name__} repeats export sections {sorted(clash)}")
        data.update(sections)
    return data
