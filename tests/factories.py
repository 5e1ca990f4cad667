"""Factories for page types and snippets: test data without demo content."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from wagtail.users.models import UserProfile

import factory
import wagtail_factories

from pages.models import HomePage, StandardPage


class HomePageFactory(wagtail_factories.PageFactory):
    title_en = "Learning cities conference"
    title_es = "Conferencia de ciudades del aprendizaje"
    slug_en = "home"
    slug_es = "inicio"
    intro_en = "Mayors meet in Mexico City."
    intro_es = "Los alcaldes se reúnen en la Ciudad de México."

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title_en = factory.Sequence(lambda n: f"About learning {n}")
    title_es = factory.Sequence(lambda n: f"Acerca del aprendizaje {n}")
    slug_en = factory.Sequence(lambda n: f"about-learning-{n}")
    slug_es = factory.Sequence(lambda n: f"acerca-del-aprendizaje-{n}")
    intro_en = "An English introduction."
    intro_es = "Una introducción en español."
    show_in_menus = True

    class Meta:
        model = StandardPage


class StaffUserFactory(factory.django.DjangoModelFactory):
    """A member of the communications team: `StaffUserFactory(groups=["Editors"])`.

    `language="es"` makes the admin speak Spanish to them.
    """

    username = factory.Sequence(lambda n: f"staff{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@iclc2015.example.org")
    first_name = factory.Sequence(lambda n: f"Staff {n}")
    password = factory.django.Password("correct horse battery staple")

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    @factory.post_generation
    def groups(self, create, names, **kwargs):
        for name in names or ():
            self.groups.add(Group.objects.get(name=name))

    @factory.post_generation
    def language(self, create, language, **kwargs):
        profile = UserProfile.get_for_user(self)
        profile.preferred_language = language or "en"
        profile.save()
