/*
 * api_operation.c - the model's season operation (its `operation:`
 * section, read by read_operation.c) and the covers of the coated and
 * jacketed fitting states, which a season scenario may replace.
 */
#include "network/net.h"

#include <math.h>

int hl_model_operation(const hl_model *m, hl_operation *out)
{
    if (!m || m->failed || !m->finished)
        return HL_ESTATE;
    *out = m->net->operation;
    return HL_OK;
}

static int retrofit_state(int state)
{
    return state == HL_FIT_COATED || state == HL_FIT_JACKETED;
}

int hl_model_set_fitting_cover(hl_model *m, int state,
                               const hl_fitting_cover *cover)
{
    if (!m || m->failed || !m->finished)
        return HL_ESTATE;
    if (!retrofit_state(state) || !cover || cover->state != state)
        return net_fail(m, HL_EINVAL,
                        "fitting cover: state %d is not coated or jacketed, "
                        "or the cover is of another state",
                        state);
    hl_error err; /* the physical ranges of util/ranges.c */
    hl_error_clear(&err);
    if (hl_range_check_si(HL_Q_COVER_MM, "fitting cover thickness (mm)",
                          cover->layer.thickness_m, NULL, &err) ||
        hl_range_check(HL_Q_EMISSIVITY, "fitting cover emissivity",
                       cover->emissivity, NULL, &err))
        return net_fail(m, HL_EINVAL, "%s", err.message);
    m->fit_cover[state] = *cover;
    fitting_table_clear(m, state);
    return HL_OK;
}

int hl_model_fitting_cover(const hl_model *m, int state, hl_fitting_cover *out)
{
    if (!m || m->failed || !m->finished)
        return HL_ESTATE;
    if (state < 0 || state >= HL_FIT_NSTATES)
        return HL_EINVAL;
    *out = m->fit_cover[state];
    return HL_OK;
}
