#ifndef MONITOR_H
#define MONITOR_H

enum level { LEVEL_UNKNOWN, LEVEL_OK, LEVEL_WARNING, LEVEL_CRITICAL };

struct thresholds {
    double warning_celsius;
    double critical_celsius;
};

/* Classifies the contents of a sysfs temp file against the thresholds (inclusive). */
enum level monitor_classify(const char *sysfs_text, const struct thresholds *limits);

const char *monitor_level_name(enum level level);

#endif
