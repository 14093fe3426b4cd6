"""Bulk experiences for load tests: `manage.py seed_bulk --experiences 10000`.

Pages are written with bulk inserts (tree paths computed here, as treebeard
would), then indexed for search in chunks: 10 000 experiences take a minute or
two, where creating them one by one through the page API would take an hour.
Every bulk page has a slug starting with ``bulk-``; `--delete` removes them.
Run `setup_site` first. `--submissions 50000` adds sent submissions to the
moderation queue instead (experiences.bulk_submissions).
"""

import datetime
import random
import uuid

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from taggit.models import Tag

from experiences import bulk_submissions
from experiences.constants import (
    GROUP_EDITORIAL_LEADS,
    GROUP_MODERATORS,
    ContributorRole,
)
from experiences.filters import ThemeLink
from experiences.models import (
    Department,
    ExperiencePage,
    ExperiencePageTag,
    RubricPage,
    Theme,
)

CHUNK = 500
PREFIX = "bulk-"

ACTIONS = [
    "Un forum des conseils citoyens",
    "Une charte locale de la participation",
    "Des comités techniques ouverts aux habitant·e·s",
    "Une co-formation élu·e·s, technicien·ne·s et conseiller·ère·s",
    "Un bilan annuel partagé du contrat de ville",
    "Des diagnostics en marchant",
    "Un journal du conseil citoyen",
    "Des réunions du soir pour les instances",
    "Un référent par thématique du contrat de ville",
    "Un budget participatif de quartier",
    "Une permanence du conseil citoyen au marché",
    "Des comptes rendus rédigés à plusieurs mains",
]
PLACES = [
    ("Saint-Denis", "93"),
    ("Roubaix", "59"),
    ("Vaulx-en-Velin", "69"),
    ("Grigny", "91"),
    ("Clichy-sous-Bois", "93"),
    ("Mulhouse", "68"),
    ("Toulouse", "31"),
    ("Rennes", "35"),
    ("Laval", "53"),
    ("Bordeaux", "33"),
    ("Amiens", "80"),
    ("Nîmes", "30"),
    ("Marseille", "13"),
    ("Lille", "59"),
    ("Besançon", "25"),
    ("Évreux", "27"),
    ("Le Havre", "76"),
    ("Montpellier", "34"),
    ("Strasbourg", "67"),
    ("Nantes", "44"),
    ("Limoges", "87"),
    ("Saint-Étienne", "42"),
    ("Fort-de-France", "972"),
    ("Cayenne", "973"),
    ("Saint-Denis (La Réunion)", "974"),
    ("Ajaccio", "2A"),
]
TAGS = [
    "forum",
    "charte",
    "formation",
    "évaluation",
    "compte rendu",
    "jeunes",
    "vidéo",
    "budget participatif",
    "diagnostic",
    "gouvernance",
    "réseau",
    "communication",
    "animation",
    "bailleurs",
    "écoles",
    "mobilisation",
    "référent",
    "instances",
    "porte-à-porte",
    "outils numériques",
]
PARAGRAPHS = [
    "Le conseil citoyen a été associé dès la préparation, avec des documents "
    "envoyés en amont et un temps d'explication des sigles.",
    "Les réunions ont eu lieu le soir, dans un équipement du quartier, pour "
    "permettre aux habitant·e·s qui travaillent de venir.",
    "Un binôme entre une professionnelle de la ville et un conseiller citoyen "
    "a préparé chaque séance et rédigé le compte rendu.",
    "Les évaluations de fin d'année ont montré une participation plus régulière "
    "et des propositions reprises dans la programmation.",
    "Le renouvellement des membres reste difficile ; la mobilisation des plus "
    "jeunes demande des formats plus courts et plus concrets.",
]


def paragraphs(rng, count):
    return "".join(f"<p>{rng.choice(PARAGRAPHS)}</p>" for _ in range(count))


class Command(BaseCommand):
    help = "Crée des expériences en masse (données réalistes) pour les mesures."

    def add_arguments(self, parser):
        parser.add_argument("--experiences", type=int, default=1000)
        parser.add_argument(
            "--submissions",
            type=int,
            default=0,
            help="Contributions envoyées à créer dans la file de modération.",
        )
        parser.add_argument("--seed", type=int, default=2016)
        parser.add_argument(
            "--delete", action="store_true", help="Supprime les pages « bulk- »."
        )

    def handle(self, *args, experiences, submissions, seed, delete, **options):
        if delete:
            deleted = self.delete_bulk()
            self.stdout.write(f"{deleted} expériences de masse supprimées.")
            deleted, _ = bulk_submissions.bulk_submissions().delete()
            self.stdout.write(f"{deleted} lignes de contributions de masse supprimées.")
            return
        if submissions:
            # One in four goes, in turn, to the moderation team.
            team = get_user_model().objects.filter(
                groups__name__in=[GROUP_MODERATORS, GROUP_EDITORIAL_LEADS]
            )
            created = bulk_submissions.create(
                submissions,
                seed=seed,
                assignee_ids=sorted(set(team.values_list("pk", flat=True))),
                progress=lambda n: self.stdout.write(f"{n} / {submissions}"),
            )
            self.stdout.write(self.style.SUCCESS(f"{created} contributions créées."))
            return
        rubric_pages = list(RubricPage.objects.order_by("path"))
        if not rubric_pages:
            raise CommandError("Lancez d'abord `manage.py setup_site`.")
        existing = ExperiencePage.objects.filter(slug__startswith=PREFIX).count()
        missing = max(0, experiences - existing)
        rng = random.Random(seed + existing)
        departments = {d.code: d for d in Department.objects.all()}
        themes = list(Theme.objects.all())
        tags = [Tag.objects.get_or_create(name=name)[0] for name in TAGS]
        created = 0
        while created < missing:
            batch = min(CHUNK, missing - created)
            with transaction.atomic():
                pks = self.create_batch(
                    rng,
                    batch,
                    existing + created,
                    rubric_pages,
                    departments,
                    themes,
                    tags,
                )
            self.index(pks)
            created += batch
            self.stdout.write(f"{existing + created} / {experiences}")
        self.stdout.write(
            self.style.SUCCESS(f"{created} expériences créées ({existing} existaient).")
        )

    def create_batch(self, rng, count, offset, rubric_pages, departments, themes, tags):
        content_type = ContentType.objects.get_for_model(ExperiencePage)
        locale = Locale.get_default()
        now = timezone.now()
        pages, children = [], []
        per_parent = {}
        for number in range(count):
            parent = rubric_pages[(offset + number) % len(rubric_pages)]
            per_parent.setdefault(parent.pk, []).append(number)
        next_step = {}
        for parent in rubric_pages:
            last = (
                Page.objects.filter(
                    path__startswith=parent.path, depth=parent.depth + 1
                )
                .order_by("-path")
                .values_list("path", flat=True)
                .first()
            )
            next_step[parent.pk] = Page._str2int(last[-Page.steplen :]) if last else 0
        for number in range(count):
            parent = rubric_pages[(offset + number) % len(rubric_pages)]
            next_step[parent.pk] += 1
            if rng.random() < 0.6:
                place, code = rng.choice(PLACES)
                department = departments[code]
            else:
                department = rng.choice(list(departments.values()))
                place = department.name
            title = f"{rng.choice(ACTIONS)} à {place}"
            slug = f"{PREFIX}{offset + number + 1}"
            published = now - datetime.timedelta(minutes=offset + number)
            start = datetime.date(rng.randint(2015, 2025), rng.randint(1, 12), 1)
            pages.append(
                Page(
                    title=title,
                    draft_title=title,
                    slug=slug,
                    content_type=content_type,
                    locale=locale,
                    translation_key=uuid.uuid4(),
                    path=Page._get_path(
                        parent.path, parent.depth + 1, next_step[parent.pk]
                    ),
                    depth=parent.depth + 1,
                    numchild=0,
                    url_path=f"{parent.url_path}{slug}/",
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=published,
                    last_published_at=published,
                    latest_revision_created_at=published,
                )
            )
            ongoing = rng.random() < 0.3
            children.append(
                {
                    "rubric": parent.rubric,
                    "summary": (
                        f"À {place}, le conseil citoyen et ses partenaires ont "
                        "expérimenté une nouvelle manière de travailler ensemble."
                    ),
                    "communes": place,
                    "department": department,
                    "start_date": start,
                    "end_date": None
                    if ongoing
                    else start + datetime.timedelta(days=rng.randint(60, 700)),
                    "ongoing": ongoing,
                    "feature": "Une démarche portée à plusieurs, dès le départ.",
                    "objectives": paragraphs(rng, 1),
                    "approach": paragraphs(rng, 3),
                    "actors": paragraphs(rng, 1),
                    "results": paragraphs(rng, 2),
                    "difficulties": paragraphs(rng, 1),
                    "advice": paragraphs(rng, 1),
                    "contributor_role": rng.choice(ContributorRole.values),
                    "organisation": f"Ville de {place}",
                }
            )
        Page.objects.bulk_create(pages, batch_size=CHUNK)
        pks = [page.pk for page in pages]
        if None in pks:  # databases that do not return keys from bulk inserts
            by_path = dict(
                Page.objects.filter(path__in=[p.path for p in pages]).values_list(
                    "path", "pk"
                )
            )
            pks = [by_path[page.path] for page in pages]
        objs = []
        for pk, fields in zip(pks, children, strict=True):
            obj = ExperiencePage(page_ptr_id=pk, **fields)
            obj.pk = pk
            objs.append(obj)
        local_fields = [
            f for f in ExperiencePage._meta.local_concrete_fields if f.concrete
        ]
        ExperiencePage._base_manager._insert(objs, fields=local_fields, raw=True)
        theme_links, tag_links = [], []
        for pk in pks:
            for theme in rng.sample(themes, rng.randint(1, 3)):
                theme_links.append(ThemeLink(experiencepage_id=pk, theme_id=theme.pk))
            for tag in rng.sample(tags, rng.randint(1, 4)):
                tag_links.append(ExperiencePageTag(content_object_id=pk, tag=tag))
        ThemeLink.objects.bulk_create(theme_links, batch_size=CHUNK)
        ExperiencePageTag.objects.bulk_create(tag_links, batch_size=CHUNK)
        for parent_pk, numbers in per_parent.items():
            Page.objects.filter(pk=parent_pk).update(
                numchild=F("numchild") + len(numbers)
            )
        return pks

    def index(self, pks):
        backend = get_search_backend()
        objs = list(ExperiencePage.get_indexed_objects().filter(pk__in=pks))
        backend.add_bulk(ExperiencePage, objs)

    def delete_bulk(self):
        pages = ExperiencePage.objects.filter(slug__startswith=PREFIX)
        count = pages.count()
        for parent in RubricPage.objects.all():
            children = pages.child_of(parent)
            removed = children.count()
            for _chunk_start in range(0, removed, CHUNK):
                ids = list(children.values_list("pk", flat=True)[:CHUNK])
                Page.objects.filter(pk__in=ids).delete()
            parent.numchild = Page.objects.child_of(parent).count()
            Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild)
        return count
