"""The method for business processes: their model, figures, facts, explanations and message keys."""
