#include <stdio.h>
#include <string.h>

#include "usage.h"

static int failures;

static void expect_text(const char *name, const char *expected, const char *actual, int line)
{
    if (strcmp(expected, actual) != 0) {
        printf("%s:%d: %s: expected \"%s\", got \"%s\"\n", __FILE__, line, name, expected, actual);
        failures++;
    } else {
        printf("ok - %s\n", name);
    }
}

static void test_small_scan(void)
{
    struct usage_totals totals;
    char line[128];

    usage_init(&totals);
    usage_add_directory(&totals);
    usage_add_file(&totals, 4096);
    usage_add_file(&totals, 1024);
    usage_add_file(&totals, -1);
    usage_format(&totals, line, sizeof line);
    expect_text("small_scan", "2 files in 1 directories, 5120 bytes (5.0 KiB)", line, __LINE__);
}

static void test_total_above_two_gib(void)
{
    struct usage_totals totals;
    char line[128];

    usage_init(&totals);
    usage_add_directory(&totals);
    usage_add_directory(&totals);
    usage_add_file(&totals, 2147483648LL); /* disk image, 2 GiB */
    usage_add_file(&totals, 1073741824LL); /* backup archive, 1 GiB */
    usage_format(&totals, line, sizeof line);
    expect_text("total_above_two_gib", "2 files in 2 directories, 3221225472 bytes (3.0 GiB)", line, __LINE__);
}

int main(void)
{
    test_small_scan();
    test_total_above_two_gib();
    if (failures) {
        printf("%d test(s) failed\n", failures);
        return 1;
    }
    printf("all tests passed\n");
    return 0;
}
