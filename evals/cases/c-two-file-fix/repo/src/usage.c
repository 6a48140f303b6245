#include <stdio.h>

#include "usage.h"

static const char *const unit_names[] = {"B", "KiB", "MiB", "GiB", "TiB"};

void usage_init(struct usage_totals *totals)
{
    totals->files = 0;
    totals->directories = 0;
    totals->total_bytes = 0;
}

void usage_add_file(struct usage_totals *totals, long long size)
{
    if (size < 0)
        return;
    totals->files++;
    totals->total_bytes += size;
}

void usage_add_directory(struct usage_totals *totals)
{
    totals->directories++;
}

int usage_format(const struct usage_totals *totals, char *buf, size_t len)
{
    double scaled = (double)totals->total_bytes;
    size_t unit = 0;

    while (scaled >= 1024.0 && unit + 1 < sizeof unit_names / sizeof unit_names[0]) {
        scaled /= 1024.0;
        unit++;
    }
    return snprintf(buf, len, "%u files in %u directories, %d bytes (%.1f %s)",
                    totals->files, totals->directories, totals->total_bytes,
                    scaled, unit_names[unit]);
}
