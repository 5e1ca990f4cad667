"""Factories for page types and snippets: test data without demo content."""

import factory
import wagtail_factories

from pages.models import HomePage, SiteImage, StandardPage


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


class SiteImageFactory(wagtail_factories.ImageFactory):
    title = factory.Sequence(lambda n: f"Photo {n}")
    description_en = "Mayors on the stage of the conference"
    description_es = "Alcaldes en el escenario de la conferencia"

    class Meta:
        model = SiteImage
