import unittest

from logstats.parser import parse_line, parse_lines
from tests.samples import ACCESS_LOG


class ParseLineTest(unittest.TestCase):
    def test_fields(self):
        request = parse_line(ACCESS_LOG.splitlines()[2])
        self.assertEqual(request.host, "198.51.100.23")
        self.assertEqual(request.user, "alice")
        self.assertEqual(request.method, "POST")
        self.assertEqual(request.path, "/api/orders")
        self.assertEqual(request.status, 201)

    def test_anonymous_user(self):
        self.assertIsNone(parse_line(ACCESS_LOG.splitlines()[0]).user)

    def test_rejects_garbage(self):
        with self.assertRaises(ValueError):
            parse_line("GET / 200")

    def test_skips_blank_lines(self):
        self.assertEqual(len(parse_lines(ACCESS_LOG.splitlines() + [""])), 5)


if __name__ == "__main__":
    unittest.main()
