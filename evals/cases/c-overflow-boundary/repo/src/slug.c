#include <ctype.h>

#include "slug.h"

size_t slugify(const char *title, char *out, size_t out_len)
{
    const unsigned char *p;
    size_t len = 0;
    int gap = 0;

    if (out_len == 0)
        return 0;
    for (p = (const unsigned char *)title; *p != '\0'; p++) {
        size_t need;

        if (!isalnum(*p)) {
            gap = len > 0;
            continue;
        }
        need = gap ? 2 : 1;
        if (len + need > out_len)
            break;
        if (gap)
            out[len++] = '-';
        out[len++] = (char)tolower(*p);
        gap = 0;
    }
    out[len] = '\0';
    return len;
}
