#ifndef USAGE_H
#define USAGE_H

#include <stddef.h>

/* Running totals of a directory scan. */
struct usage_totals {
    unsigned files;
    unsigned directories;
    int total_bytes;
};

void usage_init(struct usage_totals *totals);

/* Counts one regular file; a negative size (unreadable entry) is skipped. */
void usage_add_file(struct usage_totals *totals, long long size);

void usage_add_directory(struct usage_totals *totals);

/* Writes e.g. "3 files in 2 directories, 5120 bytes (5.0 KiB)" into buf; returns snprintf's result. */
int usage_format(const struct usage_totals *totals, char *buf, size_t len);

#endif
