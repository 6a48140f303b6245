#include <stdio.h>
#include <string.h>

#include "usage.h"

static int failures;

static void expect_text(const char *name, const char *expected, const char *actual)
{
    if (strcmp(expected, actual) != 0) {
        printf("%s: expected \"%s\", got \"%s\"\n", name, expected, actual);
        failures++;
    }
}

int main(void)
{
    struct usage_totals totals;
    char line[128];

    usage_init(&totals);
    usage_add_directory(&totals);
    usage_add_file(&totals, 2147483648LL);
    usage_add_file(&totals, 2147483648LL);
    usage_add_file(&totals, 2147483648LL);
    usage_format(&totals, line, sizeof line);
    expect_text("six_gib", "3 files in 1 directories, 6442450944 bytes (6.0 GiB)", line);

    usage_init(&totals);
    for (int i = 0; i < 1024; i++)
        usage_add_file(&totals, 3LL * 1024 * 1024 * 1024);
    usage_format(&totals, line, sizeof line);
    expect_text("three_tib", "1024 files in 0 directories, 3298534883328 bytes (3.0 TiB)", line);

    usage_init(&totals);
    usage_add_file(&totals, 2147483647LL);
    usage_add_file(&totals, 1);
    usage_format(&totals, line, sizeof line);
    expect_text("just_past_int_max", "2 files in 0 directories, 2147483648 bytes (2.0 GiB)", line);

    return failures ? 1 : 0;
}
