"""Every page type has a preview that shows what a volunteer will see; a module, which has no
page of its own, previews as its course page opened at that module (it answered 500:
TemplateDoesNotExist modules/module_page.html)."""

import pytest
from wagtail.models import Page

from demo.factories import lessons_of
from modules.models import CourseIndexPage, CoursePage, HomePage, LessonPage, ModulePage


@pytest.mark.django_db
def test_every_page_type_previews_in_the_admin(client, rf, office_admin, course):
    client.force_login(office_admin)
    module = ModulePage.objects.child_of(course).first()
    lesson = lessons_of(course)[0]
    pages = {
        HomePage: HomePage.objects.get(),
        CourseIndexPage: CourseIndexPage.objects.get(),
        CoursePage: course,
        ModulePage: module,
        LessonPage: lesson,
    }
    project_types = {m for m in Page.__subclasses__() if m._meta.app_label == "modules"}
    project_types |= {sub for m in list(project_types) for sub in m.__subclasses__()}
    assert set(pages) >= {t for t in project_types if not t._meta.abstract}
    for page_type, page in pages.items():
        # "View draft", and the preview panel's own rendering of the edited page.
        draft = client.get(f"/admin/pages/{page.pk}/view_draft/")
        assert draft.status_code == 200, (page_type.__name__, draft.status_code)
        assert page.title in draft.content.decode(), page_type.__name__
        request = rf.get("/")
        request.user = office_admin
        preview = page.specific.make_preview_request(original_request=request)
        preview.render()
        assert preview.status_code == 200, page_type.__name__
        assert page.title in preview.content.decode(), page_type.__name__


@pytest.mark.django_db
def test_a_module_previews_as_its_course_opened_at_it(client, trainer, course):
    course.trainers.add(trainer)
    client.force_login(trainer)
    module = ModulePage.objects.child_of(course).order_by("path")[1]
    html = client.get(f"/admin/pages/{module.pk}/view_draft/").content.decode()
    assert course.title in html and module.title in html
    assert f'class="module module-open" id="module-{module.pk}"' in html
