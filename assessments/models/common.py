"""What several assessment models share: the percent validators and the domains' short names."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

from modules.models import Domain

PERCENT = [MinValueValidator(0), MaxValueValidator(100)]

# The one Domain enum is modules' (its labels add the Indonesian word, for authors choosing a
# module's domain). Scores, verdicts and their reasons show the short names.
DOMAIN_NAMES = {
    Domain.KNOWLEDGE: _("Knowledge"),
    Domain.SKILLS: _("Skills"),
    Domain.ATTITUDE: _("Attitude"),
}
DOMAIN_CHOICES = [(domain.value, name) for domain, name in DOMAIN_NAMES.items()]
