#ifndef SLUG_H
#define SLUG_H

#include <stddef.h>

/*
 * Writes the URL slug of title into out: ASCII letters and digits in lower case, every run of
 * other characters turned into a single '-', none at the start or end. out has room for out_len
 * bytes including the terminating NUL; a longer slug is cut at a character boundary.
 * Returns the length of the slug written (excluding the NUL).
 */
size_t slugify(const char *title, char *out, size_t out_len);

#endif
