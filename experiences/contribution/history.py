"""What the contributor's tracking page says about a submission: its state in
plain words and its public history (transitions and the editorial team's
messages, never the moderators' notes)."""

from wagtail.models import ModelLogEntry

from core.urls import page_url
from experiences.models import SubmissionMessage
from experiences.states import Status as S

STATUS_EXPLANATIONS = {
    S.DRAFT: (
        "Votre contribution n'est pas encore envoyée. Complétez le formulaire "
        "ci-dessous, puis envoyez-la quand vous êtes prêt·e."
    ),
    S.RECEIVED: (
        "Nous avons bien reçu votre contribution. Elle attend d'être lue par "
        "l'équipe éditoriale."
    ),
    S.IN_REVIEW: "L'équipe éditoriale est en train d'examiner votre contribution.",
    S.CHANGES_REQUESTED: (
        "L'équipe éditoriale vous demande des compléments. Lisez son message, "
        "corrigez le formulaire ci-dessous et renvoyez-le."
    ),
    S.ACCEPTED: (
        "Votre contribution est retenue. L'équipe éditoriale la met en forme "
        "pour la publier."
    ),
    S.DECLINED: (
        "Votre contribution n'a pas été retenue. La raison est indiquée dans "
        "l'historique ci-dessous."
    ),
    S.PUBLISHED: "Votre expérience est publiée sur le site. Merci !",
    S.WITHDRAWN: "Vous avez retiré votre contribution. Elle ne sera pas publiée.",
    S.SPAM: "Cette contribution a été classée sans suite.",
}

PUBLIC_EVENTS = {
    "recueil.submission.submit": "Contribution reçue",
    "recueil.submission.take": "Prise en charge par l'équipe éditoriale",
    "recueil.submission.request_changes": "Compléments demandés",
    "recueil.submission.resubmit": "Compléments envoyés",
    "recueil.submission.accept": "Contribution retenue",
    "recueil.submission.decline": "Contribution non retenue",
    "recueil.submission.reopen": "Contribution réexaminée",
    "recueil.submission.publish": "Expérience publiée",
    "recueil.submission.withdraw": "Contribution retirée",
}
EVENTS_WITH_MESSAGE = {
    "recueil.submission.request_changes",
    "recueil.submission.decline",
}


def status_text(submission):
    return STATUS_EXPLANATIONS.get(submission.status, "")


def public_history(submission):
    entries = ModelLogEntry.objects.for_instance(submission).filter(
        action__in=PUBLIC_EVENTS
    )
    events = []
    for entry in entries.order_by("timestamp", "pk"):
        data = entry.data or {}
        events.append(
            {
                "when": entry.timestamp,
                "label": PUBLIC_EVENTS[entry.action],
                "message": data.get("message", "")
                if entry.action in EVENTS_WITH_MESSAGE
                else "",
                "published": entry.action == "recueil.submission.publish",
            }
        )
    # A moderator's message that came with a transition is shown once, there.
    shown = {event["message"].strip() for event in events if event["message"]}
    for message in submission.messages.filter(
        direction=SubmissionMessage.Direction.TO_CONTRIBUTOR
    ):
        if message.body.strip() in shown:
            continue
        events.append(
            {
                "when": message.created_at,
                "label": "Message de l'équipe éditoriale",
                "message": message.body,
                "published": False,
            }
        )
    events.sort(key=lambda event: event["when"])
    return events


def published_url(submission):
    page = getattr(submission, "experience_page", None)
    if page is not None and page.live:
        return page_url(page)
    return ""
