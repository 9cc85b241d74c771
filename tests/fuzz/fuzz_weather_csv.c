/* fuzz_weather_csv.c - an hourly weather CSV from a buffer, then the
 * season's hours. */
#define FUZZ_WEATHER_EPW 0
#include "fuzz_weather.h"
