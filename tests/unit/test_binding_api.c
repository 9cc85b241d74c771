/*
 * test_binding_api.c - the calls for bindings (src/network/api_binding.c):
 * hl_model_results gives every record the per-element getters give, and
 * refuses a bad kind, range or record size; hl_model_id_list gives every
 * id in order; hl_model_clear_error lets the next error record its own
 * message.
 */
#include "heatline.h"
#include "test_support.h"

#include <stdlib.h>
#include <string.h>

#define SMALL HL_TEST_DATA_DIR "/data/models/small_line.yaml"

static hl_model *solved_small(void)
{
    hl_model *m = NULL;
    assert_int_equal(hl_model_load(&m, SMALL), HL_OK);
    assert_int_equal(hl_model_solve(m, NULL), HL_OK);
    return m;
}

static void records_equal_getters(void **state)
{
    (void)state;
    hl_model *m = solved_small();
    int np = hl_model_count(m, HL_PIPE), nn = hl_model_count(m, HL_NODE);
    int nf = hl_model_count(m, HL_FITTING);
    hl_pipe_result *pr = calloc((size_t)np, sizeof *pr);
    hl_node_result *nr = calloc((size_t)nn, sizeof *nr);
    hl_chamber_fitting_result *fr = calloc((size_t)nf, sizeof *fr);
    /* hl_model_pipe_result re-evaluates each pipe's loss at the solved
     * flow and keeps its Reynolds number and friction factor (the solve's
     * last ones were from the iterate before): the first read settles
     * them in the last bits, later reads repeat themselves. */
    assert_int_equal(hl_model_results(m, HL_PIPE, 0, np, pr, sizeof *pr),
                     HL_OK);
    assert_int_equal(hl_model_results(m, HL_PIPE, 0, np, pr, sizeof *pr),
                     HL_OK);
    assert_int_equal(hl_model_results(m, HL_NODE, 0, nn, nr, sizeof *nr),
                     HL_OK);
    assert_int_equal(hl_model_results(m, HL_FITTING, 0, nf, fr, sizeof *fr),
                     HL_OK);
    for (int i = 0; i < np; i++) {
        hl_pipe_result one;
        memset(&one, 0, sizeof one); /* padding compared too */
        assert_int_equal(hl_model_pipe_result(m, i, &one), HL_OK);
        assert_memory_equal(&one, &pr[i], sizeof one);
    }
    for (int i = 0; i < nn; i++) {
        hl_node_result one;
        memset(&one, 0, sizeof one); /* padding compared too */
        assert_int_equal(hl_model_node_result(m, i, &one), HL_OK);
        assert_memory_equal(&one, &nr[i], sizeof one);
    }
    for (int i = 0; i < nf; i++) {
        hl_chamber_fitting_result one;
        memset(&one, 0, sizeof one); /* padding compared too */
        assert_int_equal(hl_model_fitting_result(m, i, &one), HL_OK);
        assert_memory_equal(&one, &fr[i], sizeof one);
    }
    /* a part of the table */
    hl_pipe_result tail[2];
    memset(tail, 0, sizeof tail);
    assert_int_equal(
        hl_model_results(m, HL_PIPE, np - 2, 2, tail, sizeof tail[0]), HL_OK);
    assert_memory_equal(tail, &pr[np - 2], sizeof tail);
    free(pr);
    free(nr);
    free(fr);
    hl_model_free(m);
}

static void bad_requests_refused(void **state)
{
    (void)state;
    hl_model *m = NULL;
    assert_int_equal(hl_model_load(&m, SMALL), HL_OK);
    hl_pipe_result r[8];
    /* before a solve */
    assert_int_equal(hl_model_results(m, HL_PIPE, 0, 1, r, sizeof r[0]),
                     HL_ESTATE);
    assert_int_equal(hl_model_solve(m, NULL), HL_OK);
    int np = hl_model_count(m, HL_PIPE);
    assert_true(np <= 8);
    assert_int_equal(hl_model_results(m, HL_PIPE, 0, np + 1, r, sizeof r[0]),
                     HL_EINVAL);
    assert_int_equal(hl_model_results(m, HL_PIPE, -1, 1, r, sizeof r[0]),
                     HL_EINVAL);
    assert_int_equal(hl_model_results(m, HL_PIPE, 0, -1, r, sizeof r[0]),
                     HL_EINVAL);
    assert_int_equal(hl_model_results(m, HL_PIPE, 0, 1, r, sizeof r[0] - 8),
                     HL_EINVAL);
    assert_int_equal(hl_model_results(m, HL_CHAMBER, 0, 1, r, sizeof r[0]),
                     HL_EINVAL);
    assert_int_equal(hl_model_results(m, 99, 0, 1, r, sizeof r[0]), HL_EINVAL);
    assert_int_equal(hl_model_results(m, HL_PIPE, 0, 1, NULL, sizeof r[0]),
                     HL_EINVAL);
    assert_int_equal(hl_model_results(m, HL_PIPE, np, 0, NULL, sizeof r[0]),
                     HL_OK);
    assert_int_equal(hl_model_results(NULL, HL_PIPE, 0, 0, r, sizeof r[0]),
                     HL_ESTATE);
    hl_model_free(m);
}

static void id_list_in_order(void **state)
{
    (void)state;
    hl_model *m = solved_small();
    for (int kind = 0; kind < HL_ELEMENT_KINDS; kind++) {
        size_t len = 0;
        assert_int_equal(hl_model_id_list(m, kind, NULL, 0, &len), HL_OK);
        char *buf = malloc(len + 1);
        if (len > 0) /* one byte short: refused, nothing written */
            assert_int_equal(hl_model_id_list(m, kind, buf, len - 1, &len),
                             HL_EINVAL);
        assert_int_equal(hl_model_id_list(m, kind, buf, len + 1, &len), HL_OK);
        const char *at = buf;
        for (int i = 0; i < hl_model_count(m, kind); i++) {
            assert_string_equal(at, hl_model_id(m, kind, i));
            at += strlen(at) + 1;
        }
        assert_int_equal((size_t)(at - buf), len);
        free(buf);
    }
    size_t len;
    assert_int_equal(hl_model_id_list(m, -1, NULL, 0, &len), HL_EINVAL);
    assert_int_equal(hl_model_id_list(m, HL_NODE, NULL, 0, NULL), HL_EINVAL);
    hl_model_free(m);
}

static void cleared_error_gives_the_next_message(void **state)
{
    (void)state;
    hl_model *m = solved_small();
    assert_int_equal(hl_model_set_supply_temp(m, "nowhere", 350.0),
                     HL_ENOTFOUND);
    assert_non_null(strstr(hl_model_error(m), "nowhere"));
    assert_int_equal(hl_model_set_consumer_demand(m, "nobody", 1e6),
                     HL_ENOTFOUND);
    assert_null(strstr(hl_model_error(m), "nobody")); /* first one wins */
    hl_model_clear_error(m);
    assert_string_equal(hl_model_error(m), "");
    assert_int_equal(hl_model_set_consumer_demand(m, "nobody", 1e6),
                     HL_ENOTFOUND);
    assert_non_null(strstr(hl_model_error(m), "nobody"));
    hl_model_free(m);
    hl_model_clear_error(NULL); /* harmless */

    hl_model *bad = NULL; /* a failed load keeps its reason */
    assert_int_not_equal(hl_model_load(&bad, "/nonexistent.yaml"), HL_OK);
    char before[512];
    snprintf(before, sizeof before, "%s", hl_model_error(bad));
    hl_model_clear_error(bad);
    assert_string_equal(hl_model_error(bad), before);
    assert_true(before[0] != '\0');
    hl_model_free(bad);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(records_equal_getters),
        cmocka_unit_test(bad_requests_refused),
        cmocka_unit_test(id_list_in_order),
        cmocka_unit_test(cleared_error_gives_the_next_message),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
