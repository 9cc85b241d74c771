/* materials_internal.h - shared by the material-table sources. */
#ifndef HL_MATERIALS_INTERNAL_H
#define HL_MATERIALS_INTERNAL_H

#include "heatline.h"
#include "../util/util.h"

/* The embedded copy of data/materials.csv (generated at build time). */
extern const char hl_data_materials_csv[];
extern const size_t hl_data_materials_csv_len;

#endif
