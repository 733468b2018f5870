"""The method for business continuity: business impact, outage cost and inherited RTO/RPO."""
