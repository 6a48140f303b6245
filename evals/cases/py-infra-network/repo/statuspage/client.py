"""A small client for a Statuspage-style JSON API (/api/v2/components.json)."""
import requests

OPERATIONAL = "operational"


class StatusClient:
    def __init__(self, base_url, session=None, timeout=5.0):
        self.base_url = base_url.rstrip("/")
        self.session = session or requests.Session()
        self.timeout = timeout

    def components(self):
        """Maps each component's name to its status, e.g. {"API": "operational"}."""
        response = self.session.get(f"{self.base_url}/api/v2/components.json", timeout=self.timeout)
        response.raise_for_status()
        return {item["name"]: item["status"] for item in response.json()["components"]}

    def degraded(self):
        """Names of the components that are not operational, sorted."""
        return sorted(name for name, status in self.components().items() if status != OPERATIONAL)
