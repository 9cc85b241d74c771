/*
 * consumer.c - a program outside the tree using the installed library the
 * way any C program would: #include <heatline.h>, built with
 * `pkg-config --cflags --libs heatline` (or find_package(heatline)).
 * It loads the embedded default model, solves it and prints the delivered
 * heat and the library's version. Exit 0 on success, 1 on any error
 * (with the library's message).
 */
#include <heatline.h>

#include <stdio.h>
#include <string.h>

int main(void)
{
    if (strcmp(hl_version(), HL_VERSION) != 0) {
        fprintf(stderr, "consumer: headers %s, library %s\n", HL_VERSION,
                hl_version());
        return 1;
    }
    hl_model *m = NULL;
    int rc = hl_model_load(&m, NULL);
    if (rc == HL_OK)
        rc = hl_model_solve(m, NULL);
    hl_totals t;
    if (rc == HL_OK)
        rc = hl_model_totals(m, &t);
    if (rc != HL_OK) {
        fprintf(stderr, "consumer: %s: %s\n", hl_strerror(rc),
                hl_model_error(m));
        hl_model_free(m);
        return 1;
    }
    printf("libheatline %s (headers %d.%d.%d)\n", hl_version(),
           HL_VERSION_MAJOR, HL_VERSION_MINOR, HL_VERSION_PATCH);
    printf("%s: delivered %.2f MW, source %.2f MW\n", hl_model_name(m),
           t.heat_delivered_w / 1e6, t.heat_source_w / 1e6);
    hl_model_free(m);
    return 0;
}
