"""Factories for page types and snippets: test data without demo content."""

import factory
import wagtail_factories

from pages.models import (
    ConferenceDocument,
    ContactOffice,
    HomePage,
    Organisation,
    ShowcaseIndexPage,
    ShowcaseProgrammePage,
    StandardPage,
)


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


class ShowcaseIndexPageFactory(wagtail_factories.PageFactory):
    title_en = "A learning city"
    title_es = "Una ciudad del aprendizaje"
    slug_en = "a-learning-city"
    slug_es = "una-ciudad-del-aprendizaje"
    intro_en = "Five programmes of the host city."
    intro_es = "Cinco programas de la ciudad anfitriona."
    show_in_menus = True

    class Meta:
        model = ShowcaseIndexPage


class ShowcaseProgrammePageFactory(wagtail_factories.PageFactory):
    title_en = factory.Sequence(lambda n: f"Bicycles for all {n}")
    title_es = factory.Sequence(lambda n: f"Bicicletas para todos {n}")
    slug_en = factory.Sequence(lambda n: f"bicycles-{n}")
    slug_es = factory.Sequence(lambda n: f"bicicletas-{n}")
    theme = "sustainable-city"
    summary_en = "Shared bicycles in the city centre."
    summary_es = "Bicicletas compartidas en el centro de la ciudad."
    key_figures_en = factory.LazyFunction(
        lambda: [{"type": "figure", "value": {"value": "440", "label": "stations"}}]
    )
    key_figures_es = factory.LazyFunction(
        lambda: [
            {"type": "figure", "value": {"value": "440", "label": "cicloestaciones"}}
        ]
    )

    class Meta:
        model = ShowcaseProgrammePage


class OrganisationFactory(factory.django.DjangoModelFactory):
    name_en = factory.Sequence(lambda n: f"Institute for Learning {n}")
    name_es = factory.Sequence(lambda n: f"Instituto para el Aprendizaje {n}")
    acronym = "IFL"
    role = "organiser"

    class Meta:
        model = Organisation


class ContactOfficeFactory(factory.django.DjangoModelFactory):
    name_en = "Office in Hamburg"
    name_es = "Oficina en Hamburgo"
    institution_en = "Institute for Learning"
    institution_es = "Instituto para el Aprendizaje"
    street = "Feldbrunnenstraße 58"
    postcode = "20148"
    city_en = "Hamburg"
    city_es = "Hamburgo"
    country_en = "Germany"
    country_es = "Alemania"
    email = "office@example.org"

    class Meta:
        model = ContactOffice


class ConferenceDocumentFactory(factory.django.DjangoModelFactory):
    title_en = factory.Sequence(lambda n: f"Concept note {n}")
    title_es = factory.Sequence(lambda n: f"Nota conceptual {n}")
    document_type = "concept-note"
    file_en = factory.SubFactory(wagtail_factories.DocumentFactory)
    file_es = factory.SubFactory(wagtail_factories.DocumentFactory)

    class Meta:
        model = ConferenceDocument
