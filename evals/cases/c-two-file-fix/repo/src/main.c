#include <stdio.h>

#include "usage.h"

/* Reads "TYPE SIZE" lines as printed by find -printf '%y %s\n'. */
int main(void)
{
    struct usage_totals totals;
    char type;
    long long size;
    char line[128];

    usage_init(&totals);
    while (scanf(" %c %lld", &type, &size) == 2) {
        if (type == 'd')
            usage_add_directory(&totals);
        else if (type == 'f')
            usage_add_file(&totals, size);
    }
    usage_format(&totals, line, sizeof line);
    puts(line);
    return 0;
}
