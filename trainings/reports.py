"""What the organisers read about a session: registrations by status, who came,
the spread of participants by territory and role (seed 003 wants different
quartiers and EPCI), the transport survey."""

from collections import Counter

from trainings.constants import HOLDS_SEAT, Status, Transport


def _spread(values):
    """[(label, count)] from the most to the least frequent, then by label;
    « roubaix » and « Roubaix » count together, under the first spelling."""
    labels, counted = {}, Counter()
    for value in values:
        value = str(value or "").strip() or "Non renseigné"
        key = value.casefold()
        labels.setdefault(key, value)
        counted[key] += 1
    return sorted(
        ((labels[key], count) for key, count in counted.items()),
        key=lambda item: (-item[1], item[0]),
    )


def session_report(session):
    registrations = list(session.registrations.order_by("number"))
    by_status = Counter(r.status for r in registrations)
    participants = [r for r in registrations if r.status in HOLDS_SEAT]
    transport_labels = dict(Transport.choices)
    waiting = [r for r in registrations if r.status == Status.WAITING]
    positions = {r.pk: index for index, r in enumerate(waiting, start=1)}
    for registration in registrations:
        registration.position = positions.get(registration.pk)
    return {
        "registrations": registrations,
        "counts": [(label, by_status.get(value, 0)) for value, label in Status.choices],
        "held": len(participants),
        "attended": sum(1 for r in registrations if r.attended),
        "absent": sum(1 for r in registrations if r.attended is False),
        "by_territory": _spread(r.territory for r in participants),
        "by_role": _spread(r.get_role_display() for r in participants),
        "by_transport": _spread(
            transport_labels.get(r.transport, "") for r in participants
        ),
        "needs": [r for r in participants if r.needs.strip()],
    }
