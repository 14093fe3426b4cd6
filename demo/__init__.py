"""Demo content for development and review: `manage.py load_demo`.

The texts live as TOML under `demo/data/` (written after the seeds' facts); the
code here reads them, draws the images and PDFs locally, and builds pages,
media, submissions and accounts through the same models and services as real
use, skipping whatever already exists so that the command can run on every
`make run`.
"""
