"""What people announces to the rooms above it. They connect in their AppConfig.ready()."""

from django.dispatch import Signal

# A confirmed import wrote its people. kwargs: batch, user_ids (everyone in the file, new and
# already registered), by. Sent inside the import's transaction, so a receiver's writes (the
# cohort's members) commit or roll back with the import as one.
volunteers_imported = Signal()

# A confirmed import was written and its batch saved. kwargs: batch, by. Sent inside the
# import's transaction (a notice about an import that rolled back would be a lie).
volunteer_import_finished = Signal()
