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
