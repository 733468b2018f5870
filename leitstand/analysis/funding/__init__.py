"""Funding eligibility as pure Python: the EU SME class, the de-minimis headroom, which
programmes of the catalogue fit a company and a project's costs, and the funding plan.

No Django: `leitstand.funding` loads the facts and the catalogue file and renders the
reasons (message keys with typed numbers) in the reader's language.
"""
