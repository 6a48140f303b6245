#include "monitor.h"
#include "sensor.h"

enum level monitor_classify(const char *sysfs_text, const struct thresholds *limits)
{
    double celsius;

    if (sensor_parse(sysfs_text, &celsius) != 0)
        return LEVEL_UNKNOWN;
    if (celsius >= limits->critical_celsius)
        return LEVEL_CRITICAL;
    if (celsius >= limits->warning_celsius)
        return LEVEL_WARNING;
    return LEVEL_OK;
}

const char *monitor_level_name(enum level level)
{
    switch (level) {
    case LEVEL_OK:
        return "OK";
    case LEVEL_WARNING:
        return "WARNING";
    case LEVEL_CRITICAL:
        return "CRITICAL";
    default:
        return "UNKNOWN";
    }
}
