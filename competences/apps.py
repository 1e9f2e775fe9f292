from django.apps import AppConfig


class CompetencesConfig(AppConfig):
    name = "competences"
    verbose_name = "Kompetence"
