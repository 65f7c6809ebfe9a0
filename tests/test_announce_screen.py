"""The office's screen for announcements (/admin/pengumuman/): a kecamatan or a cohort, errors
in Indonesian, sent in the background, audited; nobody else may open it."""

import pytest
from wagtail.models import ModelLogEntry

from demo.factories import make_course
from notifications.models import Announcement, Notification
from people.models import District
from tests.cohort_helpers import make_cohort

URL = "/admin/pengumuman/"


@pytest.mark.django_db
def test_the_office_sends_to_a_kecamatan_and_everyone_there_gets_it(
    client, office_admin, volunteer, other_volunteer, commit
):
    client.force_login(office_admin)
    page = client.get(URL).content.decode()
    assert "Pengumuman" in page and 'name="district"' in page and 'name="cohort"' in page
    manna = District.objects.get(name="Manna")
    with commit():
        response = client.post(
            URL, {"title": "Rapat IPSM", "body": "Kamis pukul 09.00.", "district": manna.pk}
        )
    assert response.status_code == 302
    sent = Announcement.objects.get()
    assert sent.sent_by == office_admin and sent.delivered == len(sent.recipient_ids) == 2
    got = Notification.objects.filter(kind="announcement").values_list("recipient", flat=True)
    assert set(got) == {volunteer.pk, other_volunteer.pk}
    entry = ModelLogEntry.objects.get(action="psm.announcement_send")
    assert entry.user_id == office_admin.pk and entry.data == {"recipients": 2}
    listing = client.get(URL).content.decode()
    assert "Rapat IPSM" in listing and "2 dari 2" in listing


@pytest.mark.django_db
def test_the_office_sends_to_a_cohort(client, office_admin, volunteer, other_volunteer, commit):
    cohort = make_cohort(make_course(), name="Angkatan Uji", members=[volunteer])
    client.force_login(office_admin)
    with commit():
        client.post(URL, {"title": "Sesi besok", "body": "Bawa buku.", "cohort": cohort.pk})
    got = Notification.objects.filter(kind="announcement").values_list("recipient", flat=True)
    assert list(got) == [volunteer.pk]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "data, error",
    [
        ({"title": "", "body": "Isi", "district": "MANNA"}, "Kolom ini wajib diisi"),
        ({"title": "Judul", "body": "Isi"}, "Pilih satu kecamatan atau satu angkatan."),
        ({"title": "Judul", "body": "Isi", "district": "999999"}, "Masukkan pilihan yang valid"),
        ({"title": "x" * 201, "body": "Isi", "district": "MANNA"}, "paling banyak 200"),
    ],
)
def test_bad_input_is_refused_in_indonesian_and_sends_nothing(client, office_admin, data, error):
    client.force_login(office_admin)
    manna = District.objects.get(name="Manna")
    if data.get("district") == "MANNA":
        data = {**data, "district": manna.pk}
    both = {"title": "Judul", "body": "Isi", "district": manna.pk, "cohort": "1"}
    for payload in (data, both):
        response = client.post(URL, payload)
        assert response.status_code == 200
    assert error in client.post(URL, data).content.decode()
    assert not Announcement.objects.exists()


@pytest.mark.django_db
def test_trainers_and_volunteers_cannot_send(client, trainer, volunteer):
    for user in (trainer, volunteer):
        client.force_login(user)
        assert client.post(URL, {"title": "x", "body": "y"}).status_code == 302
    assert not Announcement.objects.exists()
