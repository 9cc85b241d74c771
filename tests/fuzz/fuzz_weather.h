/* fuzz_weather.h - the body of fuzz_epw.c and fuzz_weather_csv.c (with
 * FUZZ_WEATHER_EPW 1 or 0): a weather file from a buffer, its hours
 * finite, then the season's selection of hours. */
#include "fuzz_support.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_input(data, size);
    hl_weather w;
    memset(&w, 0, sizeof w);
    hl_error err;
    hl_error_clear(&err);
    const char *text = (const char *)data;
    int rc = FUZZ_WEATHER_EPW
                 ? hl_weather_parse_epw(text, size, "fuzz.epw", &w, &err)
                 : hl_weather_parse_csv(text, size, "fuzz.csv", &w, &err);
    if (rc) {
        fuzz_check_message(err.message);
    } else {
        for (int i = 0; i < w.n; i++) {
            fuzz_check_finite("an hour's temperature", w.dry_bulb_k[i]);
            fuzz_check_finite("an hour's wind", w.wind_m_s[i]);
        }
        int first = 0, n = 0;
        hl_error_clear(&err);
        if (hl_weather_select(&w, NULL, NULL, &first, &n, &err))
            fuzz_check_message(err.message);
    }
    hl_weather_free(&w);
    return 0;
}
