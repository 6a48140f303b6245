#include <stdio.h>
#include <string.h>

#include "slug.h"

static int failures;

static void check_slug(const char *title, size_t size, const char *expected)
{
    char area[64];
    size_t written;

    memset(area, '#', sizeof area);
    written = slugify(title, area, size);
    if (memchr(area, '\0', size) == NULL) {
        printf("slugify(\"%s\", %zu): no terminator inside the buffer\n", title, size);
        failures++;
    } else if (strcmp(area, expected) != 0 || written != strlen(expected)) {
        printf("slugify(\"%s\", %zu): expected \"%s\", got \"%s\" (returned %zu)\n",
               title, size, expected, area, written);
        failures++;
    }
    if (area[size] != '#') {
        printf("slugify(\"%s\", %zu): wrote past the end of the buffer\n", title, size);
        failures++;
    }
}

int main(void)
{
    char untouched = '#';

    check_slug("Hello World", 12, "hello-world"); /* exact fit */
    check_slug("Hello World", 11, "hello-worl");
    check_slug("Hello World", 6, "hello");
    check_slug("ab cd", 4, "ab"); /* no dangling dash */
    check_slug("ab cd", 5, "ab-c");
    check_slug("Go", 1, "");
    check_slug("Go", 2, "g");
    check_slug("Go", 3, "go");
    check_slug("A Very Long Title About Embedded Systems Programming", 16, "a-very-long-tit");
    if (slugify("Anything", &untouched, 0) != 0 || untouched != '#') {
        printf("slugify with a zero-length buffer must write nothing\n");
        failures++;
    }
    return failures ? 1 : 0;
}
