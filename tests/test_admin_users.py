"""The admin's user screens fit this user model: full name and phone, email optional."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse


@pytest.mark.django_db
def test_office_adds_a_trainer_without_email_and_the_phone_is_normalised(client, office_admin):
    client.force_login(office_admin)
    response = client.post(
        reverse("wagtailusers_users:add"),
        {
            "username": "pelatih-baru",
            "full_name": "Nur Aini",
            "phone": "0812 3456 7001",
            "email": "",
            "password1": "Rahasia-Kuat-2026",
            "password2": "Rahasia-Kuat-2026",
            "groups": [Group.objects.get(name="Pelatih").pk],
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    user = get_user_model().objects.get(username="pelatih-baru")
    assert (user.full_name, user.phone, user.email) == ("Nur Aini", "+6281234567001", "")
    assert list(user.groups.values_list("name", flat=True)) == ["Pelatih"]


@pytest.mark.django_db
def test_a_phone_that_belongs_to_someone_else_is_refused(client, office_admin, volunteer):
    volunteer.phone = "+6281234567002"
    volunteer.save(update_fields=["phone"])
    client.force_login(office_admin)
    response = client.post(
        reverse("wagtailusers_users:add"),
        {
            "username": "kembar",
            "full_name": "Nomor Kembar",
            "phone": "081234567002",
            "password1": "Rahasia-Kuat-2026",
            "password2": "Rahasia-Kuat-2026",
        },
    )
    assert response.status_code == 200
    assert "phone" in response.context["form"].errors
    assert not get_user_model().objects.filter(username="kembar").exists()


@pytest.fixture
def people(db):
    from demo.factories import make_user

    siti = make_user("u-siti", phone="+6281234560011")
    siti.full_name = "Siti Nurhaliza Aminah"
    siti.save(update_fields=["full_name"])
    budi = make_user("u-budi", phone="+6285299990022")
    budi.full_name = "Budi Santoso"
    budi.save(update_fields=["full_name"])
    return siti, budi


def admin_search(client, query) -> set[str]:
    response = client.get(reverse("wagtailusers_users:index"), {"q": query})
    assert response.status_code == 200
    return {user.username for user in response.context["users"]}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "Nurhaliza",
        "siti aminah",  # words in any order, not side by side
        "081234560011",
        "0812-3456-0011",
        "+62 812 3456 0011",
        "6281234560011",
        "3456 0011",  # the last digits, as read off a list
    ],
)
def test_admin_user_search_finds_by_full_name_and_phone_in_any_format(
    client, office_admin, people, query
):
    client.force_login(office_admin)
    assert admin_search(client, query) == {"u-siti"}


@pytest.mark.django_db
def test_admin_user_search_still_finds_by_username_and_nothing_for_strangers(
    client, office_admin, people
):
    client.force_login(office_admin)
    assert admin_search(client, "u-budi") == {"u-budi"}
    assert admin_search(client, "Tidak Ada Orang") == set()
    assert admin_search(client, "0899 0000 1111") == set()
