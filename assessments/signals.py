"""What assessments announces to the rooms above it (certificates, portal). They connect in
their AppConfig.ready(); assessments never imports them."""

from django.dispatch import Signal

# A verdict was written and its status changed. kwargs: verdict, previous (the status before,
# "" for a first verdict), by (the actor, None for the system). Sent inside the transaction
# that wrote it; receivers defer their work with transaction.on_commit.
verdict_changed = Signal()
