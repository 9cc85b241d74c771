/*
 * host_names.c - a host program's own functions with the generic names
 * libheatline uses inside (copy_text, parse_double, index_get ...).
 * Linked beside the static libheatline.a, a clash would be a "multiple
 * definition" error: the archive keeps those names local.
 */
int copy_text(void);
int parse_double(void);
int parse_int(void);
int index_get(void);
int heat_solve(void);
int hyd_solve(void);
int edit_distance(void);
int read_text_file(void);
int csv_table_parse(void);

int copy_text(void)
{
    return 1;
}
int parse_double(void)
{
    return 2;
}
int parse_int(void)
{
    return 3;
}
int index_get(void)
{
    return 4;
}
int heat_solve(void)
{
    return 5;
}
int hyd_solve(void)
{
    return 6;
}
int edit_distance(void)
{
    return 7;
}
int read_text_file(void)
{
    return 8;
}
int csv_table_parse(void)
{
    return 9;
}
