#ifndef SENSOR_H
#define SENSOR_H

/*
 * Parses the contents of a thermal zone's sysfs "temp" file, e.g. "48250\n". The kernel reports
 * thousandths of a degree Celsius, and so does this function, without rounding.
 * Returns 0 on success and -1 when the text is not a plausible temperature.
 */
int sensor_parse(const char *text, int *millicelsius);

/* Reads the file at path and parses it as above. */
int sensor_read_file(const char *path, int *millicelsius);

#endif
