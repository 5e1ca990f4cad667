"""Factories for page types and snippets: test data without demo content."""

import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from wagtail.users.models import UserProfile

import factory
import wagtail_factories

from pages.models import (
    ConferenceDocument,
    ContactOffice,
    GalleryImage,
    GalleryPage,
    HomePage,
    MediaIndexPage,
    Organisation,
    Person,
    PressReleaseIndexPage,
    PressReleasePage,
    ProgrammePage,
    SessionPage,
    SessionParticipant,
    ShowcaseIndexPage,
    ShowcaseProgrammePage,
    SiteImage,
    StandardPage,
    VenueIndexPage,
    VenuePage,
)

MEXICO_CITY = ZoneInfo("America/Mexico_City")


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


class PersonFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Ana Speaker {n}")
    honorific = "Dr"
    role_en = "Mayor"
    role_es = "Alcaldesa"
    organisation_en = "City of Learning"
    organisation_es = "Ciudad del Aprendizaje"

    class Meta:
        model = Person


class ProgrammePageFactory(wagtail_factories.PageFactory):
    title_en = "Programme"
    title_es = "Programa"
    slug_en = "programme"
    slug_es = "programa"

    class Meta:
        model = ProgrammePage


class VenueIndexPageFactory(wagtail_factories.PageFactory):
    title_en = "Venues"
    title_es = "Sedes"
    slug_en = "venues"
    slug_es = "sedes"

    class Meta:
        model = VenueIndexPage


class VenuePageFactory(wagtail_factories.PageFactory):
    title_en = factory.Sequence(lambda n: f"Palace {n}")
    title_es = factory.Sequence(lambda n: f"Palacio {n}")
    slug_en = factory.Sequence(lambda n: f"palace-{n}")
    slug_es = factory.Sequence(lambda n: f"palacio-{n}")
    address_en = "Plaza de la Constitución 2\nMexico City"
    address_es = "Plaza de la Constitución 2\nCiudad de México"
    latitude = Decimal("19.432000")
    longitude = Decimal("-99.133000")

    class Meta:
        model = VenuePage


class SessionPageFactory(wagtail_factories.PageFactory):
    title_en = factory.Sequence(lambda n: f"Plenary session {n}")
    title_es = factory.Sequence(lambda n: f"Sesión plenaria {n}")
    slug_en = factory.Sequence(lambda n: f"plenary-session-{n}")
    slug_es = factory.Sequence(lambda n: f"sesion-plenaria-{n}")
    session_type = "plenary"
    start = datetime.datetime(2015, 9, 28, 10, 0, tzinfo=MEXICO_CITY)
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(hours=1))
    room_en = "Main hall"
    room_es = "Sala principal"
    summary_en = "Mayors discuss learning."
    summary_es = "Los alcaldes hablan del aprendizaje."

    class Meta:
        model = SessionPage


class SessionParticipantFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(SessionPageFactory)
    person = factory.SubFactory(PersonFactory)
    role = "speaker"

    class Meta:
        model = SessionParticipant


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
    # Numbered in the order they are made, as the admin's inline panel numbers
    # them: photos without a number have no order (PostgreSQL returns ties in
    # any order).
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        model = GalleryImage


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
