/*
 * test_parse_number.c - parse_double's fast path for plain decimals gives
 * the very double strtod gives, and everything else still goes to strtod
 * with the same verdicts.
 */
#include "test_support.h"

#include "util/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned long long seed = 88172645463325252ULL;

static unsigned long long next_random(void) /* xorshift64 */
{
    seed ^= seed << 13;
    seed ^= seed >> 7;
    seed ^= seed << 17;
    return seed;
}

static void same_as_strtod(const char *text)
{
    double v = 0.0;
    char *end;
    double ref = strtod(text, &end);
    if (!parse_double(text, &v))
        fail_msg("'%s' refused", text);
    if (memcmp(&v, &ref, sizeof v) != 0)
        fail_msg("'%s': %.17g, strtod %.17g", text, v, ref);
}

/* Random plain decimals of 1 to 15 digits, the point anywhere, signs:
 * bit for bit what strtod gives. */
static void plain_decimals_bitwise(void **state)
{
    (void)state;
    char text[64];
    for (int i = 0; i < 200000; i++) {
        unsigned long long r = next_random();
        int digits = 1 + (int)(r % 15), point = (int)((r >> 8) % 17);
        int at = 0;
        if ((r >> 16) & 1)
            text[at++] = (r >> 17) & 1 ? '-' : '+';
        for (int d = 0; d < digits; d++) {
            if (d == point)
                text[at++] = '.';
            text[at++] = (char)('0' + next_random() % 10);
        }
        if (point == digits)
            text[at++] = '.';
        text[at] = '\0';
        same_as_strtod(text);
    }
    static const char *const edge[] = {"0",
                                       "-0",
                                       "1.",
                                       ".5",
                                       " 97.3 ",
                                       "0.1",
                                       "0.3",
                                       "2.675",
                                       "123456789012345",
                                       "-999999999999999",
                                       "1e3",
                                       "1.5E-2",
                                       "0x1p3",
                                       "1234567890123456",
                                       "00000000000000001.5"};
    for (size_t i = 0; i < sizeof edge / sizeof edge[0]; i++)
        same_as_strtod(edge[i]);
    double v = 1.0;
    assert_true(parse_double("-0", &v) && signbit(v));
}

static void refusals_unchanged(void **state)
{
    (void)state;
    static const char *const bad[] = {"",      " ",   ".",   "-",   "+",
                                      "1.2.3", "1,5", "12a", "- 1", "1e999",
                                      "nan",   "inf", "--1"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        double v = 42.0;
        if (parse_double(bad[i], &v))
            fail_msg("'%s' accepted as %g", bad[i], v);
        assert_true(v == 42.0);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(plain_decimals_bitwise),
                                       cmocka_unit_test(refusals_unchanged)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
