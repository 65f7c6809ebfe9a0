"""Rebuild the site search's index (modules/search_index.py). Pages keep their entries up to
date when saved; run this after the stemming rules (modules/stemming.py) change."""

from django.core.management.base import BaseCommand
from django.db import transaction

from modules.search_index import reindex_all


class Command(BaseCommand):
    help = "Rebuild the search index of courses, modules and lessons."

    def handle(self, *args, **options):
        with transaction.atomic():
            count = reindex_all()
        self.stdout.write(f"{count} pages indexed.")
