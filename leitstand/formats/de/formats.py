# German dates as typed: 07.12.2026, 07.12.26, and 07122026 (a phone's digit-only keypad has no
# full stop); ISO 2026-12-07 is added by Django. Everything else comes from Django's German.
DATE_INPUT_FORMATS = ["%d.%m.%Y", "%d.%m.%y", "%d%m%Y"]
