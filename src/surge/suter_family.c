/*
 * suter_family.c - the built-in four-quadrant (Suter) characteristics of
 * three pumps of increasing specific speed, for a tripped pump whose model
 * gives no curves of its own (docs/physics.md, "Four-quadrant pumps").
 *
 * The data are the three pumps of Marchal, Flesch and Suter ("The
 * calculation of waterhammer problems by means of the digital computer",
 * Proc. Int. Symp. Waterhammer in Pumped Storage Projects, ASME 1965), as
 * Wylie and Streeter tabulate them (Fluid Transients in Systems, 1993,
 * Fig. 7-2 and the pump data of their programs): WH(x) and WB(x) at
 * x = 2 pi i / 88 (i = 0..87; the published tables repeat the first value
 * at 360 degrees), x = pi + atan2(v, a), normalised by each pump's best
 * efficiency point (WH = WB = 0.5 at x = 225 degrees).
 * Specific speeds Ns = N Q^0.5 / H^0.75 (rpm, m3/s, m): 25 (radial),
 * 147 (mixed flow), 261 (axial), i.e. 1276, 7600 and 13500 in US units.
 *
 * Transcription: the values were read from ORNL's TRANSFORM-Library
 * (TRANSFORM/Fluid/Machines/BaseClasses/PumpCharacteristics/
 * NondimensionalCurves/Radial.mo, Mixed.mo, Axial.mo at commit 3288b6b,
 * Apache-2.0), which cites Wylie and Streeter 1993 (tests compare nothing
 * against it: they check the tables' rated point, zones and use); the
 * Ns 25 tables agree value by value (to 0.001 in
 * one value of WB) with two independent transcriptions (EDF's
 * ThermoSysPro CentrifugalPump F_t / G_t tables and the opensd HPump
 * WH / WB arrays). The Ns 147 and 261 tables have one transcription only.
 */
#include "surge/suter_family.h"

#include <math.h>
#include <stddef.h>

static const double radial_wh[SUTER_FAMILY_N] = {
    0.634,  0.643,  0.646,  0.640,  0.629,  0.613,  0.595,  0.575,  0.552,
    0.533,  0.516,  0.505,  0.504,  0.510,  0.512,  0.522,  0.539,  0.559,
    0.580,  0.601,  0.630,  0.662,  0.692,  0.722,  0.753,  0.782,  0.808,
    0.832,  0.857,  0.879,  0.904,  0.930,  0.959,  0.996,  1.027,  1.060,
    1.090,  1.124,  1.165,  1.204,  1.238,  1.258,  1.271,  1.282,  1.288,
    1.281,  1.260,  1.225,  1.172,  1.107,  1.031,  0.942,  0.842,  0.733,
    0.617,  0.500,  0.368,  0.240,  0.125,  0.011,  -0.102, -0.168, -0.255,
    -0.342, -0.423, -0.494, -0.556, -0.620, -0.655, -0.670, -0.670, -0.660,
    -0.655, -0.640, -0.600, -0.570, -0.520, -0.470, -0.430, -0.360, -0.275,
    -0.160, -0.040, 0.130,  0.295,  0.430,  0.550,  0.620};

static const double radial_wb[SUTER_FAMILY_N] = {
    -0.684, -0.547, -0.414, -0.292, -0.187, -0.105, -0.053, -0.012, 0.042,
    0.097,  0.156,  0.227,  0.300,  0.371,  0.444,  0.522,  0.596,  0.672,
    0.738,  0.763,  0.797,  0.837,  0.865,  0.883,  0.886,  0.877,  0.859,
    0.838,  0.804,  0.758,  0.703,  0.645,  0.583,  0.520,  0.454,  0.408,
    0.370,  0.343,  0.331,  0.329,  0.338,  0.354,  0.372,  0.405,  0.450,
    0.486,  0.520,  0.552,  0.579,  0.603,  0.616,  0.617,  0.606,  0.582,
    0.546,  0.500,  0.432,  0.360,  0.288,  0.214,  0.123,  0.037,  -0.053,
    -0.161, -0.248, -0.314, -0.372, -0.580, -0.740, -0.880, -1.000, -1.120,
    -1.250, -1.370, -1.490, -1.590, -1.660, -1.690, -1.770, -1.650, -1.590,
    -1.520, -1.420, -1.320, -1.230, -1.100, -0.980, -0.820};

static const double mixed_wh[SUTER_FAMILY_N] = {
    -0.690, -0.599, -0.512, -0.418, -0.304, -0.181, -0.078, -0.011, 0.032,
    0.074,  0.130,  0.190,  0.265,  0.363,  0.461,  0.553,  0.674,  0.848,
    1.075,  1.337,  1.629,  1.929,  2.180,  2.334,  2.518,  2.726,  2.863,
    2.948,  3.026,  3.015,  2.927,  2.873,  2.771,  2.640,  2.497,  2.441,
    2.378,  2.336,  2.288,  2.209,  2.162,  2.140,  2.109,  2.054,  1.970,
    1.860,  1.735,  1.571,  1.357,  1.157,  1.106,  0.927,  0.846,  0.744,
    0.640,  0.500,  0.374,  0.191,  0.001,  -0.190, -0.384, -0.585, -0.786,
    -0.972, -1.185, -1.372, -1.500, -1.940, -2.160, -2.290, -2.350, -2.350,
    -2.230, -2.200, -2.130, -2.050, -1.970, -1.895, -1.810, -1.730, -1.600,
    -1.420, -1.130, -0.950, -0.930, -0.950, -1.000, -0.920};

static const double mixed_wb[SUTER_FAMILY_N] = {
    -1.420, -1.328, -1.211, -1.056, -0.870, -0.677, -0.573, -0.518, -0.380,
    -0.232, -0.160, 0.000,  0.118,  0.308,  0.442,  0.574,  0.739,  0.929,
    1.147,  1.370,  1.599,  1.839,  2.080,  2.300,  2.480,  2.630,  2.724,
    2.687,  2.715,  2.688,  2.555,  2.434,  2.288,  2.110,  1.948,  1.825,
    1.732,  1.644,  1.576,  1.533,  1.522,  1.519,  1.523,  1.523,  1.490,
    1.386,  1.223,  1.048,  0.909,  0.814,  0.766,  0.734,  0.678,  0.624,
    0.570,  0.500,  0.407,  0.278,  0.146,  0.023,  -0.175, -0.379, -0.585,
    -0.778, -1.008, -1.277, -1.560, -2.070, -2.480, -2.700, -2.770, -2.800,
    -2.800, -2.760, -2.710, -2.640, -2.540, -2.440, -2.340, -2.240, -2.120,
    -2.000, -1.940, -1.900, -1.900, -1.850, -1.750, -1.630};

static const double axial_wh[SUTER_FAMILY_N] = {
    -2.230, -2.000, -1.662, -1.314, -1.089, -0.914, -0.760, -0.601, -0.440,
    -0.284, -0.130, 0.055,  0.222,  0.357,  0.493,  0.616,  0.675,  0.680,
    0.691,  0.752,  0.825,  0.930,  1.080,  1.236,  1.389,  1.548,  1.727,
    1.919,  2.066,  2.252,  2.490,  2.727,  3.002,  3.225,  3.355,  3.475,
    3.562,  3.604,  3.582,  3.540,  3.477,  3.321,  3.148,  2.962,  2.750,
    2.542,  2.354,  2.149,  1.909,  1.702,  1.506,  1.310,  1.131,  0.947,
    0.737,  0.500,  0.279,  0.082,  -0.112, -0.300, -0.505, -0.672, -0.797,
    -0.872, -0.920, -0.949, -0.960, -1.080, -1.300, -1.500, -1.700, -1.890,
    -2.080, -2.270, -2.470, -2.650, -2.810, -2.950, -3.040, -3.100, -3.150,
    -3.170, -3.170, -3.130, -3.070, -2.960, -2.820, -2.590};

static const double axial_wb[SUTER_FAMILY_N] = {
    -2.260, -2.061, -1.772, -1.465, -1.253, -1.088, -0.921, -0.789, -0.632,
    -0.457, -0.300, -0.075, 0.052,  0.234,  0.425,  0.558,  0.630,  0.621,
    0.546,  0.525,  0.488,  0.512,  0.660,  0.850,  1.014,  1.162,  1.334,
    1.512,  1.683,  1.886,  2.105,  2.325,  2.580,  2.770,  2.886,  2.959,
    2.979,  2.962,  2.877,  2.713,  2.556,  2.403,  2.237,  2.080,  1.950,
    1.826,  1.681,  1.503,  1.301,  1.115,  0.960,  0.840,  0.750,  0.677,
    0.604,  0.500,  0.352,  0.161,  -0.040, -0.225, -0.403, -0.545, -0.610,
    -0.662, -0.699, -0.719, -0.730, -0.810, -1.070, -1.360, -1.640, -1.880,
    -2.080, -2.270, -2.470, -2.650, -2.810, -2.950, -3.040, -3.100, -3.150,
    -3.170, -3.200, -3.160, -3.090, -2.990, -2.860, -2.660};

static const suter_family families[SUTER_FAMILIES] = {
    {"ns25", 25.0, radial_wh, radial_wb},
    {"ns147", 147.0, mixed_wh, mixed_wb},
    {"ns261", 261.0, axial_wh, axial_wb},
};

const suter_family *suter_family_get(int i)
{
    return i >= 0 && i < SUTER_FAMILIES ? &families[i] : NULL;
}

int suter_family_nearest(double ns)
{
    if (!(ns > 0.0) || !isfinite(ns))
        return -1;
    int best = 0;
    for (int i = 1; i < SUTER_FAMILIES; i++)
        if (fabs(log(ns / families[i].ns)) < fabs(log(ns / families[best].ns)))
            best = i;
    return best;
}

double suter_specific_speed(double rpm, double q_m3_s, double head_m)
{
    if (!(rpm > 0.0) || !(q_m3_s > 0.0) || !(head_m > 0.0))
        return NAN;
    return rpm * sqrt(q_m3_s) / pow(head_m, 0.75);
}
