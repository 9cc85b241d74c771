/*
 * operation_text.h - where the operation of `heatline season` and
 * `heatline dynamic` came from, said in the output (issue 13 item 7): the
 * model's operation: section, or, without one, the model's own supply
 * temperature held (never the embedded line's reset curve unasked).
 */
#ifndef HL_CLI_OPERATION_TEXT_H
#define HL_CLI_OPERATION_TEXT_H

#include "cli.h"

#include <stddef.h>

/* One line (no newline) saying the operation and its origin (enum
 * hl_operation_origin) into buf. */
void cli_operation_text(int origin, const hl_operation *op, char *buf,
                        size_t cap);
/* The JSON object: origin, regulation, design_supply_c, design_return_c,
 * reset_floor_c, design_load_w, design_outdoor_c (a new reference). */
json_t *cli_operation_json(int origin, const hl_operation *op);

#endif
