#include <stdio.h>
#include <string.h>

#include "monitor.h"
#include "sensor.h"

static int failures;

static void expect_level(const char *text, enum level expected, int line)
{
    static const struct thresholds limits = {70.0, 85.0};
    enum level actual = monitor_classify(text, &limits);

    if (actual != expected) {
        printf("%s:%d: monitor_classify(\"%.*s\"): expected %s, got %s\n", __FILE__, line,
               (int)strcspn(text, "\n"), text, monitor_level_name(expected), monitor_level_name(actual));
        failures++;
    }
}

int main(void)
{
    int millicelsius = 0;

    if (sensor_parse("48250\n", &millicelsius) != 0 || millicelsius != 48250) {
        printf("%s:%d: sensor_parse: expected 48250, got %d\n", __FILE__, __LINE__, millicelsius);
        failures++;
    }
    if (sensor_parse("n/a\n", &millicelsius) != -1) {
        printf("%s:%d: sensor_parse accepted \"n/a\"\n", __FILE__, __LINE__);
        failures++;
    }
    expect_level("48250\n", LEVEL_OK, __LINE__);
    expect_level("71000\n", LEVEL_WARNING, __LINE__);
    expect_level("90500\n", LEVEL_CRITICAL, __LINE__);
    expect_level("garbage\n", LEVEL_UNKNOWN, __LINE__);
    if (failures) {
        printf("%d check(s) failed\n", failures);
        return 1;
    }
    printf("all checks passed\n");
    return 0;
}
