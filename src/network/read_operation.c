/*
 * read_operation.c - the optional `operation:` section of a YAML model
 * file: how the network is run over a heating season (design outdoor
 * temperature, balance temperature, design load, regulation, supply-
 * temperature reset curve). The values are stored as given; a key that is
 * absent stays NaN (regulation -1) and the season fills it with its
 * documented default (docs/model-format.md, docs/physics.md). Every
 * message names file:line.
 */
#include "network/reader.h"

#include <math.h>
#include <string.h>

#define IS(k) (strcmp(key, (k)) == 0)

static const char *const operation_keys[] = {"design_outdoor_temp_c",
                                             "balance_temp_c",
                                             "design_load_mw",
                                             "regulation",
                                             "design_supply_temp_c",
                                             "design_return_temp_c",
                                             "reset_cold_outdoor_c",
                                             "reset_cold_supply_c",
                                             "reset_warm_outdoor_c",
                                             "reset_warm_supply_c",
                                             "reset_floor_c",
                                             "standby_load_fraction",
                                             NULL};

void net_operation_unset(hl_operation *op)
{
    op->design_load_w = op->design_outdoor_k = op->balance_k = NAN;
    op->design_supply_k = op->design_return_k = NAN;
    op->reset_cold_outdoor_k = op->reset_cold_supply_k = NAN;
    op->reset_warm_outdoor_k = op->reset_warm_supply_k = NAN;
    op->reset_floor_k = NAN;
    op->standby_load_fraction = NAN;
    op->regulation = -1;
}

/* A temperature in C within lo..hi, stored in K. */
static int temp(rd_ctx *c, const rd_value *v, const char *key, double lo,
                double hi, double *k)
{
    double x = 0.0;
    if (rd_number(c, v, key, &x))
        return c->m->err.code;
    if (!(x >= lo && x <= hi))
        return rd_fail(c, v->where, HL_ERANGE, "%s %g: expected %g to %g", key,
                       x, lo, hi);
    *k = x + HL_ZERO_C_K;
    return HL_OK;
}

static int outdoor(rd_ctx *c, const rd_value *v, const char *key, double *k)
{
    return temp(c, v, key, -80.0, 60.0, k);
}

static int water(rd_ctx *c, const rd_value *v, const char *key, double *k)
{
    return temp(c, v, key, 1.0, 200.0, k);
}

static int design_load(rd_ctx *c, const rd_value *v, const char *key, double *w)
{
    double mw = 0.0;
    if (rd_number(c, v, key, &mw))
        return c->m->err.code;
    if (!(mw > 0.0 && mw < 1e6))
        return rd_fail(c, v->where, HL_ERANGE, "%s %g: expected > 0", key, mw);
    *w = mw * 1e6;
    return HL_OK;
}

/* A fraction 0 <= x < 1. */
static int fraction(rd_ctx *c, const rd_value *v, const char *key, double *x)
{
    if (rd_number(c, v, key, x))
        return c->m->err.code;
    if (!(*x >= 0.0 && *x < 1.0))
        return rd_fail(c, v->where, HL_ERANGE, "%s %g: expected 0 to below 1",
                       key, *x);
    return HL_OK;
}

static int operation_set(rd_ctx *c, void *rec, const char *key,
                         const rd_value *v)
{
    static const char *const modes[] = {"quality", "quantity", NULL};
    hl_operation *op = rec;
    if (IS("design_outdoor_temp_c"))
        return outdoor(c, v, key, &op->design_outdoor_k);
    if (IS("balance_temp_c"))
        return outdoor(c, v, key, &op->balance_k);
    if (IS("design_load_mw"))
        return design_load(c, v, key, &op->design_load_w);
    if (IS("regulation"))
        return rd_choice(c, v, key, modes, &op->regulation);
    if (IS("design_supply_temp_c"))
        return water(c, v, key, &op->design_supply_k);
    if (IS("design_return_temp_c"))
        return water(c, v, key, &op->design_return_k);
    if (IS("reset_cold_outdoor_c"))
        return outdoor(c, v, key, &op->reset_cold_outdoor_k);
    if (IS("reset_cold_supply_c"))
        return water(c, v, key, &op->reset_cold_supply_k);
    if (IS("reset_warm_outdoor_c"))
        return outdoor(c, v, key, &op->reset_warm_outdoor_k);
    if (IS("reset_warm_supply_c"))
        return water(c, v, key, &op->reset_warm_supply_k);
    if (IS("reset_floor_c"))
        return water(c, v, key, &op->reset_floor_k);
    if (IS("standby_load_fraction"))
        return fraction(c, v, key, &op->standby_load_fraction);
    return rd_unknown_key(c, v->where, key, "operation", operation_keys);
}

/* Pairs that the file gives together must be in order (a pair with one
 * side from the defaults is checked when the season merges them). */
static int check_pairs(rd_ctx *c, const rd_value *v, const hl_operation *op)
{
    if (op->balance_k <= op->design_outdoor_k)
        return rd_fail(c, v->where, HL_ERANGE,
                       "operation: balance_temp_c must be above "
                       "design_outdoor_temp_c");
    if (op->reset_warm_outdoor_k <= op->reset_cold_outdoor_k)
        return rd_fail(c, v->where, HL_ERANGE,
                       "operation: reset_warm_outdoor_c must be above "
                       "reset_cold_outdoor_c");
    if (op->design_supply_k <= op->design_return_k)
        return rd_fail(c, v->where, HL_ERANGE,
                       "operation: design_supply_temp_c must be above "
                       "design_return_temp_c");
    return HL_OK;
}

int rd_operation(rd_ctx *c, const rd_value *v)
{
    if (rd_expect(c, v, YAML_MAPPING_NODE, "operation"))
        return c->m->err.code;
    hl_operation op;
    net_operation_unset(&op);
    if (rd_map_each(c, v->node, &op, operation_set, "operation") ||
        check_pairs(c, v, &op))
        return c->m->err.code;
    c->m->def->operation = op;
    return HL_OK;
}
