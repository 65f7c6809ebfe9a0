"""What studying announces to the rooms above it (assessments, portal). They connect in their
AppConfig.ready(); modules never imports them."""

from django.dispatch import Signal

# A lesson was completed for the first time. kwargs: user_id, course_id. Sent inside the
# transaction that wrote the completion; receivers defer their work with on_commit.
lesson_completed = Signal()

# A course page is being rendered for an enrolled volunteer. kwargs: course, request, context
# (a dict receivers may add keys to, e.g. the quizzes and tasks of each module).
course_page_context = Signal()
