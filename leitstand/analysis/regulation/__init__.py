"""The method for deadlines set by law: the company facts they depend on and message keys."""
