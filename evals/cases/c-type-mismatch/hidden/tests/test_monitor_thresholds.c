#include <stdio.h>
#include <string.h>

#include "monitor.h"
#include "sensor.h"

static int failures;

static void expect_level(const char *text, double warning, double critical, enum level expected)
{
    struct thresholds limits = {warning, critical};
    enum level actual = monitor_classify(text, &limits);

    if (actual != expected) {
        printf("monitor_classify(\"%.*s\", %.3f/%.3f): expected %s, got %s\n", (int)strcspn(text, "\n"),
               text, warning, critical, monitor_level_name(expected), monitor_level_name(actual));
        failures++;
    }
}

int main(void)
{
    int millicelsius = 0;

    if (sensor_parse("-5000\n", &millicelsius) != 0 || millicelsius != -5000) {
        printf("sensor_parse(\"-5000\"): expected -5000, got %d\n", millicelsius);
        failures++;
    }
    expect_level("69999\n", 70.0, 85.0, LEVEL_OK);
    expect_level("70000\n", 70.0, 85.0, LEVEL_WARNING);
    expect_level("84999\n", 70.0, 85.0, LEVEL_WARNING);
    expect_level("85000\n", 70.0, 85.0, LEVEL_CRITICAL);
    expect_level("-5000\n", 70.0, 85.0, LEVEL_OK);
    expect_level("0\n", -10.0, 5.0, LEVEL_WARNING);
    expect_level("62500\n", 62.5, 80.0, LEVEL_WARNING);
    expect_level("62499\n", 62.5, 80.0, LEVEL_OK);
    expect_level("", 70.0, 85.0, LEVEL_UNKNOWN);
    return failures ? 1 : 0;
}
