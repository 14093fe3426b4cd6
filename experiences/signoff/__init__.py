"""The contributor's sign-off of the edited sheet (« bon à tirer »).

``experiences.models.signoff`` holds the workflow task and its states; here:
what follows each of them (``events``), the contributor's page (``views``,
``comparison``, ``diff``), the reminders (``reminders``) and the task's place in
the publication workflow (``setup``).
"""
