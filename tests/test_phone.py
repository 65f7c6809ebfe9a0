import pytest
from django.core.exceptions import ValidationError

from core.phone import normalize_phone


@pytest.mark.parametrize(
    "raw",
    ["081234567890", "+6281234567890", "6281234567890", "0812-3456-7890", "+62 812 3456 7890"],
)
def test_indonesian_formats_are_the_same_number(raw):
    assert normalize_phone(raw) == "+6281234567890"


@pytest.mark.parametrize(
    "raw", ["", "12345", "0212345678", "08abc", "+1 202 555 0100", "0812345678901234"]
)
def test_bad_numbers_are_refused_with_a_code(raw):
    with pytest.raises(ValidationError) as error:
        normalize_phone(raw)
    assert error.value.code == "invalid_phone"


@pytest.mark.parametrize(
    "raw",
    [
        "0812ABCD7890",  # a keypad's letters: phonenumbers would read them as digits
        "081234567890 ext. 5",
        "0800 1234 5678",  # toll-free, not a mobile
        "081 234 567",  # too short for a mobile
        "0812 3456 7890 " * 3,  # two numbers pasted together
    ],
)
def test_what_the_library_alone_would_accept_is_refused(raw):
    with pytest.raises(ValidationError):
        normalize_phone(raw)


def test_formats_for_people_and_links():
    from core.phone import phone_last_four, phone_national, phone_wa_me

    assert phone_national("+6281234567890") == "0812-3456-7890"
    assert phone_last_four("+6281234567890") == "7890"
    assert phone_wa_me("0812 3456 7890") == "6281234567890"
