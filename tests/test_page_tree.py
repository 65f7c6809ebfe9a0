from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from modules.models import CourseIndexPage, CoursePage, HomePage, LessonPage, ModulePage


class PageTreeRules(WagtailPageTestCase):
    def test_parent_and_subpage_types(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(HomePage, {CourseIndexPage})
        self.assertAllowedParentPageTypes(CourseIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(CourseIndexPage, {CoursePage})
        self.assertAllowedParentPageTypes(CoursePage, {CourseIndexPage})
        self.assertAllowedSubpageTypes(CoursePage, {ModulePage})
        self.assertAllowedParentPageTypes(ModulePage, {CoursePage})
        self.assertAllowedSubpageTypes(ModulePage, {LessonPage})
        self.assertAllowedParentPageTypes(LessonPage, {ModulePage})
        self.assertAllowedSubpageTypes(LessonPage, set())

    def test_lessons_cannot_sit_under_a_course_or_the_catalogue(self):
        self.assertCanNotCreateAt(CoursePage, LessonPage)
        self.assertCanNotCreateAt(CourseIndexPage, ModulePage)
        self.assertCanNotCreateAt(HomePage, CoursePage)
        self.assertCanCreateAt(ModulePage, LessonPage)

    def test_migrations_create_home_and_catalogue(self):
        home = HomePage.objects.get()
        catalogue = CourseIndexPage.objects.get()
        self.assertEqual(catalogue.get_parent().specific, home)
        self.assertEqual(catalogue.url, "/pelatihan/")
        self.assertEqual(self.client.get("/pelatihan/").status_code, 200)
        self.assertEqual(self.client.get("/").status_code, 200)
