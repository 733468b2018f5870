"""The company check (DOMAIN.md, "Resilience: the company check"): its catalogue as records and
its score. Pure Python; the app `leitstand.security_check` keeps the answers and the pages."""
