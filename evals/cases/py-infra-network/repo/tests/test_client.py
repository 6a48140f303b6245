import unittest

import requests

from statuspage.client import StatusClient


class FakeResponse:
    def __init__(self, payload, status_code=200):
        self.payload = payload
        self.status_code = status_code

    def raise_for_status(self):
        if self.status_code >= 400:
            raise requests.HTTPError(f"{self.status_code} error")

    def json(self):
        return self.payload


class FakeSession:
    def __init__(self, response):
        self.response = response
        self.urls = []

    def get(self, url, timeout):
        self.urls.append(url)
        return self.response


class StatusClientTest(unittest.TestCase):
    PAYLOAD = {
        "components": [
            {"name": "API", "status": "operational"},
            {"name": "Webhooks", "status": "degraded_performance"},
            {"name": "Dashboard", "status": "partial_outage"},
        ]
    }

    def test_components(self):
        session = FakeSession(FakeResponse(self.PAYLOAD))
        client = StatusClient("https://status.example.com/", session=session)
        self.assertEqual(client.components()["Webhooks"], "degraded_performance")
        self.assertEqual(session.urls, ["https://status.example.com/api/v2/components.json"])

    def test_degraded(self):
        client = StatusClient("https://status.example.com", session=FakeSession(FakeResponse(self.PAYLOAD)))
        self.assertEqual(client.degraded(), ["Dashboard", "Webhooks"])

    def test_http_errors_propagate(self):
        client = StatusClient("https://status.example.com", session=FakeSession(FakeResponse({}, 503)))
        with self.assertRaises(requests.HTTPError):
            client.components()


if __name__ == "__main__":
    unittest.main()
