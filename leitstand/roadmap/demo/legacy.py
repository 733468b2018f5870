"""Until the demo loader reads each app's YAML itself: the hook it calls today."""

from leitstand.roadmap.demo import load_demo_module as load_demo

__all__ = ["load_demo"]
