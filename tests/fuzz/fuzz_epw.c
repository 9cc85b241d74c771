/* fuzz_epw.c - an EPW weather file from a buffer, then the season's hours. */
#define FUZZ_WEATHER_EPW 1
#include "fuzz_weather.h"
