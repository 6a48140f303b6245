#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "sensor.h"

int sensor_parse(const char *text, int *millicelsius)
{
    char *end;
    long value;

    errno = 0;
    value = strtol(text, &end, 10);
    if (end == text || errno != 0 || value < -273150 || value > 250000)
        return -1;
    while (*end == '\n' || *end == ' ')
        end++;
    if (*end != '\0')
        return -1;
    *millicelsius = (int)value;
    return 0;
}

int sensor_read_file(const char *path, int *millicelsius)
{
    char buf[32];
    size_t n;
    FILE *f = fopen(path, "r");

    if (f == NULL)
        return -1;
    n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    return sensor_parse(buf, millicelsius);
}
