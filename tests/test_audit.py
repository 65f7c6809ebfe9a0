"""The audit trail: each recorded action leaves one Wagtail log entry with who, what and why,
and the office reads them in the admin's Site history with its filters."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import ModelLogEntry

from assessments.models import VerdictStatus
from assessments.services import score_override
from certificates.services import certificate_issue, certificate_reissue, certificate_revoke
from demo.factories import make_course
from modules.models import LessonPage
from modules.services import enrollment_create, lesson_complete

from .test_certificates import make_kompeten, template  # noqa: F401 - fixture


def entries(action):
    return list(ModelLogEntry.objects.filter(action=action).order_by("pk"))


@pytest.mark.django_db
def test_override_and_the_verdict_change_it_causes_are_recorded(volunteer, trainer, commit):
    course = make_course(title="Audit Nilai", modules=1, lessons=1)
    enrollment_create(user=volunteer, course=course)
    for lesson in LessonPage.objects.descendant_of(course):
        lesson_complete(by=volunteer, lesson=lesson)
    with commit():
        for domain in ("knowledge", "skills", "attitude"):
            score_override(
                by=trainer,
                volunteer=volunteer,
                course=course,
                domain=domain,
                value=90,
                reason="Dinilai di lapangan",
            )
    overrides = entries("psm.score_override")
    assert len(overrides) == 3
    assert overrides[0].user == trainer
    assert overrides[0].data["reason"] == "Dinilai di lapangan"
    assert overrides[0].data["volunteer"] == volunteer.pk
    changes = entries("psm.verdict_change")
    assert changes, "a verdict that changed status is recorded"
    assert changes[-1].data["new"] == VerdictStatus.KOMPETEN
    assert changes[-1].user is None  # the background task acted, not a person


@pytest.mark.django_db
def test_certificate_issue_revoke_and_reissue_are_recorded(template, volunteer, office_admin):  # noqa: F811
    course = make_course(title="Audit Sertifikat", modules=1, lessons=1)
    make_kompeten(volunteer, course)
    first = certificate_issue(holder=volunteer, course=course)
    second = certificate_reissue(certificate=first, by=office_admin, reason="Nama diperbaiki")
    certificate_revoke(certificate=second, by=office_admin, reason="Dokumen palsu")
    (issue,) = entries("psm.certificate_issue")
    assert issue.object_id == str(first.pk) and issue.user is None
    (reissue,) = entries("psm.certificate_reissue")
    assert reissue.user == office_admin
    assert reissue.data["supersedes"] == first.number
    assert reissue.data["reason"] == "Nama diperbaiki"
    (revoke,) = entries("psm.certificate_revoke")
    assert revoke.object_id == str(second.pk)
    assert revoke.data["reason"] == "Dokumen palsu"


@pytest.mark.django_db
def test_a_role_change_in_the_admin_is_recorded(client, office_admin, volunteer):
    client.force_login(office_admin)
    url = reverse("wagtailusers_users:edit", args=[volunteer.pk])
    form = client.get(url).context["form"]
    data = {
        name: value
        for name, value in form.initial.items()
        if value is not None and name not in ("groups", "user_permissions", "password", "phone")
    }
    data["groups"] = [Group.objects.get(name="Pelatih").pk]
    response = client.post(url, data)
    assert response.status_code == 302, getattr(response.context.get("form"), "errors", None)
    (entry,) = entries("psm.role_change")
    assert entry.user == office_admin
    assert entry.data == {"before": ["Relawan"], "after": ["Pelatih"]}
    # Saving again without a change records nothing more.
    data["groups"] = [Group.objects.get(name="Pelatih").pk]
    client.post(url, data)
    assert len(entries("psm.role_change")) == 1


@pytest.mark.django_db
def test_office_reads_the_trail_in_site_history_and_trainers_do_not(
    client,
    template,  # noqa: F811
    volunteer,
    office_admin,
    trainer,
):
    course = make_course(title="Audit Laporan", modules=1, lessons=1)
    make_kompeten(volunteer, course)
    certificate = certificate_issue(holder=volunteer, course=course)
    certificate_revoke(certificate=certificate, by=office_admin, reason="Salah orang")
    client.force_login(office_admin)
    response = client.get("/admin/reports/site-history/", {"action": "psm.certificate_revoke"})
    assert response.status_code == 200
    assert certificate.number in response.content.decode()
    shown = {entry.action for entry in response.context["object_list"]}
    assert shown == {"psm.certificate_revoke"}  # the action filter applies
    client.force_login(trainer)
    response = client.get("/admin/reports/site-history/")
    assert certificate.number not in response.content.decode()
