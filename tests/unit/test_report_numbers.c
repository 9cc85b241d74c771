/*
 * test_report_numbers.c - numbers in the report text: thousands
 * separated by commas, decimals kept, a rounded negative zero shown as 0,
 * no NaN in a page (src/report/report_numbers.c).
 */
#include "test_support.h"

#include "report/report.h"

#include <math.h>

static void separators(void **state)
{
    (void)state;
    char b[48];
    assert_string_equal(report_num(b, sizeof b, 519570.4, 0), "519,570");
    assert_string_equal(report_num(b, sizeof b, 22.534, 2), "22.53");
    assert_string_equal(report_num(b, sizeof b, 1234567.891, 1), "1,234,567.9");
    assert_string_equal(report_num(b, sizeof b, -703578, 0), "-703,578");
    assert_string_equal(report_num(b, sizeof b, 999, 0), "999");
    assert_string_equal(report_num(b, sizeof b, 1000, 0), "1,000");
    assert_string_equal(report_num(b, sizeof b, -0.2, 0), "0");
    assert_string_equal(report_num(b, sizeof b, NAN, 0), "n/a");
    char small[6];
    assert_string_equal(report_num(small, sizeof small, 1234567, 0), "1,234");
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(separators)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
