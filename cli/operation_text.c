/*
 * operation_text.c - the operation's origin in the output of `heatline
 * season` and `heatline dynamic` (operation_text.h); temperatures in C.
 */
#include "operation_text.h"

#define C(k) ((k)-HL_ZERO_C_K)

void cli_operation_text(int origin, const hl_operation *op, char *buf,
                        size_t cap)
{
    char reset[160];
    if (op->regulation == HL_REG_QUANTITY)
        snprintf(reset, sizeof reset, "supply %.1f C all season (quantity)",
                 C(op->design_supply_k));
    else if (op->reset_cold_supply_k == op->reset_warm_supply_k &&
             op->reset_floor_k == op->reset_cold_supply_k)
        snprintf(reset, sizeof reset, "supply %.1f C all season (no reset)",
                 C(op->reset_cold_supply_k));
    else
        snprintf(reset, sizeof reset,
                 "supply reset %.1f C at %.1f C outdoor to %.1f C at %.1f C, "
                 "floor %.1f C",
                 C(op->reset_cold_supply_k), C(op->reset_cold_outdoor_k),
                 C(op->reset_warm_supply_k), C(op->reset_warm_outdoor_k),
                 C(op->reset_floor_k));
    const char *from =
        origin == HL_OP_MODEL_SUPPLY
            ? "no operation: section in the model, so its own source "
              "temperature (add operation: for a reset curve)"
        : origin == HL_OP_NO_SOURCE
            ? "no operation: section and no source in the model: the "
              "supply is what the model gives"
            : "the model's operation: section and defaults";
    snprintf(buf, cap, "%s; design load %.1f MW at %.1f C outdoor; %s", reset,
             op->design_load_w / 1e6, C(op->design_outdoor_k), from);
}

json_t *cli_operation_json(int origin, const hl_operation *op)
{
    json_t *o = json_object();
    json_object_set_new(o, "origin",
                        json_string(hl_operation_origin_name(origin)));
    json_object_set_new(o, "regulation",
                        json_string(op->regulation == HL_REG_QUANTITY
                                        ? "quantity"
                                        : "quality"));
    json_object_set_new(o, "design_supply_c",
                        cli_json_number(C(op->design_supply_k)));
    json_object_set_new(o, "design_return_c",
                        cli_json_number(C(op->design_return_k)));
    json_object_set_new(o, "reset_floor_c",
                        cli_json_number(C(op->reset_floor_k)));
    json_object_set_new(o, "design_load_w", cli_json_number(op->design_load_w));
    json_object_set_new(o, "design_outdoor_c",
                        cli_json_number(C(op->design_outdoor_k)));
    return o;
}
