#include <stdio.h>
#include <string.h>

#include "slug.h"

static int failures;

#define CHECK_SLUG(title, size, expected)                                                   \
    check_slug(__FILE__, __LINE__, (title), (size), (expected))

/* Slugifies into the front of a larger area filled with '#', so a write past size shows up. */
static void check_slug(const char *file, int line, const char *title, size_t size, const char *expected)
{
    char area[64];
    size_t written;

    memset(area, '#', sizeof area);
    written = slugify(title, area, size);
    if (strcmp(area, expected) != 0 || written != strlen(expected)) {
        printf("%s:%d: slugify(\"%s\", %zu): expected \"%s\" (%zu chars), got \"%s\" (returned %zu)\n",
               file, line, title, size, expected, strlen(expected), area, written);
        failures++;
    } else if (area[size] != '#') {
        printf("%s:%d: slugify(\"%s\", %zu): wrote past the end of the %zu-byte buffer\n",
               file, line, title, size, size);
        failures++;
    } else {
        printf("ok - slugify(\"%s\", %zu) = \"%s\"\n", title, size, expected);
    }
}

int main(void)
{
    CHECK_SLUG("Hello World", 32, "hello-world");
    CHECK_SLUG("  Release Notes: 2024!  ", 32, "release-notes-2024");
    CHECK_SLUG("C++ & Rust", 32, "c-rust");
    CHECK_SLUG("Release Notes 2024", 10, "release-n");
    if (failures) {
        printf("%d check(s) failed\n", failures);
        return 1;
    }
    printf("all checks passed\n");
    return 0;
}
