"""Demo content for development and review: `manage.py load_demo`.

The data modules hold the texts (written after the seeds' facts), the builders
in `loader` turn them into pages, media, submissions and accounts, skipping
whatever already exists so that the command can run on every `make run`.
"""
