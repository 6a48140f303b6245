import unittest

from logstats.parser import parse_line, parse_lines
from logstats.report import summarize

LOG = [
    '192.0.2.1 - - [12/Mar/2025:07:00:00 +0000] "GET /docs/guide.pdf HTTP/1.1" 200 9800',
    '192.0.2.2 - - [12/Mar/2025:07:00:01 +0000] "GET /downloads/app.tar.gz HTTP/1.1" 200 1048576',
    '192.0.2.3 - - [12/Mar/2025:07:00:02 +0000] "GET /favicon.ico HTTP/1.1" 304 -',
    '192.0.2.4 - - [12/Mar/2025:07:00:03 +0000] "GET /docs/guide.pdf HTTP/1.1" 200 9800',
]


class ResponseSizeTest(unittest.TestCase):
    def test_size_is_a_byte_count(self):
        size = parse_line(LOG[0]).size
        self.assertEqual(size, 9800)
        self.assertIs(type(size), int)

    def test_dash_means_no_body(self):
        self.assertEqual(parse_line(LOG[2]).size, 0)

    def test_largest_response_compares_numbers(self):
        self.assertEqual(
            summarize(parse_lines(LOG)),
            "Requests: 4\n"
            "Server errors: 0 (0.0%)\n"
            "Most requested: /docs/guide.pdf (2 hits)\n"
            "Largest response: /downloads/app.tar.gz (1,048,576 bytes)",
        )


if __name__ == "__main__":
    unittest.main()
