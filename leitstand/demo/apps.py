from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "leitstand.demo"
    verbose_name = "Demo data"
