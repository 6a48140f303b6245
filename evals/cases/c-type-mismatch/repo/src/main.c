#include <stdio.h>
#include <stdlib.h>

#include "monitor.h"

int main(int argc, char **argv)
{
    const char *path = argc > 1 ? argv[1] : "/sys/class/thermal/thermal_zone0/temp";
    struct thresholds limits = {70.0, 85.0};
    char buf[32];
    size_t n;
    enum level level;
    FILE *f = fopen(path, "r");

    if (f == NULL) {
        perror(path);
        return 3;
    }
    n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    level = monitor_classify(buf, &limits);
    printf("%s %s\n", path, monitor_level_name(level));
    return level == LEVEL_OK ? 0 : level == LEVEL_WARNING ? 1 : 2;
}
