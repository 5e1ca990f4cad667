"""Factories for page types and snippets: test data without demo content."""

import datetime
import zoneinfo

import factory
import wagtail_factories

from pages.models import (
    GalleryImage,
    GalleryPage,
    HomePage,
    MediaIndexPage,
    PressReleaseIndexPage,
    PressReleasePage,
    SiteImage,
    StandardPage,
)

MEXICO_CITY = zoneinfo.ZoneInfo("America/Mexico_City")


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
    file = factory.django.ImageField(width=640, height=480)
    description_en = factory.Sequence(lambda n: f"Delegates in the hall, photo {n}")
    description_es = factory.Sequence(lambda n: f"Delegados en la sala, foto {n}")
    caption_en = "Opening ceremony"
    caption_es = "Ceremonia de apertura"
    credit = "Photo: UNESCO"

    class Meta:
        model = SiteImage


class PressReleaseIndexPageFactory(wagtail_factories.PageFactory):
    title_en = "Press releases"
    title_es = "Comunicados de prensa"
    slug_en = "press"
    slug_es = "prensa"
    intro_en = "News for journalists."
    intro_es = "Noticias para periodistas."

    class Meta:
        model = PressReleaseIndexPage


class PressReleasePageFactory(wagtail_factories.PageFactory):
    title_en = factory.Sequence(lambda n: f"Mayors meet, day {n}")
    title_es = factory.Sequence(lambda n: f"Se reúnen los alcaldes, día {n}")
    slug_en = factory.Sequence(lambda n: f"mayors-meet-{n}")
    slug_es = factory.Sequence(lambda n: f"se-reunen-los-alcaldes-{n}")
    release_date = datetime.datetime(2015, 9, 28, 18, 0, tzinfo=MEXICO_CITY)
    location_en = "Mexico City"
    location_es = "Ciudad de México"
    summary_en = "Mayors from around the world met in Mexico City."
    summary_es = "Alcaldes de todo el mundo se reunieron en la Ciudad de México."

    class Meta:
        model = PressReleasePage


class MediaIndexPageFactory(wagtail_factories.PageFactory):
    title_en = "Photos and multimedia"
    title_es = "Fotos y multimedia"
    slug_en = "photos"
    slug_es = "fotos"

    class Meta:
        model = MediaIndexPage


class GalleryPageFactory(wagtail_factories.PageFactory):
    title_en = factory.Sequence(lambda n: f"Opening ceremony {n}")
    title_es = factory.Sequence(lambda n: f"Ceremonia de apertura {n}")
    slug_en = factory.Sequence(lambda n: f"opening-ceremony-{n}")
    slug_es = factory.Sequence(lambda n: f"ceremonia-de-apertura-{n}")
    date = datetime.date(2015, 9, 28)

    class Meta:
        model = GalleryPage


class GalleryImageFactory(factory.django.DjangoModelFactory):
    image = factory.SubFactory(SiteImageFactory)

    class Meta:
        model = GalleryImage
