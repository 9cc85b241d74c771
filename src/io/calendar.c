/* calendar.c - month lengths and day of year for weather records. */
#include "io.h"

static int is_leap(int y)
{
    return y > 0 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0);
}

int cal_days_in_month(int y, int m)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30,
                                 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12)
        return 0;
    return days[m - 1] + (m == 2 && is_leap(y));
}

int cal_day_of_year(int m, int d)
{
    int doy = 0;
    for (int i = 1; i < m && i <= 12; i++)
        doy += cal_days_in_month(0, i);
    return doy + (d > 28 && m == 2 ? 28 : d);
}
