"""The method for resilience: backup yardsticks, figures per system and message keys."""
