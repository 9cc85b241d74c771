/* report_html.c - one self-contained HTML file: a summary a manager reads,
 * tables, and the plots drawn in the browser by Apache ECharts, whose
 * minified source is inlined with the data and data/report/report.js. A
 * Content-Security-Policy of default-src 'none' (inline script and style
 * only) makes any network fetch fail; the page needs none. Written to a
 * temporary file and renamed. */
#include "report.h"
#include "util/util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define CSP                                                                    \
    "default-src 'none'; script-src 'unsafe-inline'; "                         \
    "style-src 'unsafe-inline'; img-src data:"

static const char *const echarts_rel = "echarts/dist/echarts.min.js";

static int try_file(const char *path, char **text, size_t *len, char *where,
                    size_t cap)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return 0;
    fclose(f);
    if (read_text_file(path, text, len, NULL) != HL_OK)
        return 0;
    copy_text(where, cap, path);
    return 1;
}

int report_load_echarts(char **text, size_t *len, char *where, size_t cap,
                        hl_error *err)
{
    char path[4096], looked[2048], source_rel[128];
    const char *env = getenv("HEATLINE_ECHARTS");
    if (env && *env) {
        if (try_file(env, text, len, where, cap))
            return HL_OK;
        return hl_error_set(err, HL_ENOTFOUND,
                            "HEATLINE_ECHARTS=%s: cannot read it", env);
    }
    snprintf(source_rel, sizeof source_rel, "report/node_modules/%s",
             echarts_rel);
    if (data_file_find("report/echarts.min.js", source_rel, path, sizeof path,
                       looked, sizeof looked) &&
        try_file(path, text, len, where, cap))
        return HL_OK;
    return hl_error_set(err, HL_ENOTFOUND,
                        "the plotting library Apache ECharts is not "
                        "installed (looked for $HEATLINE_ECHARTS, %s): "
                        "run scripts/setup.sh (npm ci in report/) or set "
                        "HEATLINE_ECHARTS to echarts.min.js",
                        looked);
}

/* Text inside a <script> element: "</script" and "<!--" would end or
 * confuse the element, so they are written as "<\/script" and "<\!--",
 * which mean the same inside JavaScript strings, regexes and comments. */
static void put_script_text(FILE *f, const char *t, size_t n)
{
    size_t start = 0;
    for (size_t i = 0; i + 1 < n; i++) {
        int close = t[i] == '<' && t[i + 1] == '/' && i + 8 <= n &&
                    strncasecmp(t + i + 2, "script", 6) == 0;
        int open = t[i] == '<' && t[i + 1] == '!' && i + 4 <= n &&
                   strncmp(t + i + 2, "--", 2) == 0;
        if (close || open) {
            fwrite(t + start, 1, i + 1 - start, f);
            fputc('\\', f);
            start = i + 1;
        }
    }
    fwrite(t + start, 1, n - start, f);
}

/* JSON for a <script type="application/json">: <, > and & as \u escapes
 * (valid inside JSON strings, the only place they can occur). */
static void put_json(FILE *f, const char *t)
{
    for (; *t; t++) {
        if (*t == '<')
            fputs("\\u003c", f);
        else if (*t == '>')
            fputs("\\u003e", f);
        else if (*t == '&')
            fputs("\\u0026", f);
        else
            fputc(*t, f);
    }
}

static const char style[] =
    "body{font-family:'Noto Sans','Helvetica Neue',Arial,'Noto Sans CJK SC',"
    "'Source Han Sans SC','WenQuanYi Zen Hei','WenQuanYi Micro Hei',"
    "'PingFang SC','Microsoft YaHei',sans-serif;margin:2em auto;"
    "max-width:1100px;"
    "color:#222;padding:0 1em}h1{font-size:1.6em;margin-bottom:.2em}"
    "h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ccc}"
    ".summary{background:#f4f7fa;border-left:4px solid #2f4554;"
    "padding:.8em 1.2em;font-size:1.05em;line-height:1.5}"
    ".synthetic{background:#fff3cd;border:1px solid #e0b000;padding:.5em 1em;"
    "margin:1em 0;font-weight:bold}.chart{width:100%;height:440px;"
    "margin:1em 0}table{border-collapse:collapse;margin:.5em 0;"
    "font-size:.92em}td,th{border:1px solid #ccc;padding:.25em .6em;"
    "text-align:right}th{background:#eef1f4}td:first-child,th:first-child"
    "{text-align:left}.note{color:#555;font-size:.9em}"
    ".nodata{color:#555;font-style:italic;border:1px dashed #bbb;"
    "padding:1em}.map-bar{margin:.3em 0}.map-swatch{display:inline-block;"
    "width:1.4em;height:.8em;vertical-align:middle}svg.map{border:1px solid "
    "#ddd;background:#fcfcfc}@media print{body{margin:0;max-width:none}"
    ".chart,svg.map,table{break-inside:avoid}.map-bar select{display:none}"
    "h2{break-after:avoid}}"
    ".infeasible{background:#fde2e1;border:2px solid #c0392b;color:#7b1d14;"
    "padding:.6em 1em;margin:1em 0;font-weight:bold}"
    ".feasible{color:#1e6b3a}";

int report_page_begin(FILE *f, const char *title, int lang)
{
    fprintf(f,
            "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n"
            "<meta charset=\"utf-8\">\n"
            "<meta http-equiv=\"Content-Security-Policy\" content=\"%s\">\n"
            "<meta name=\"viewport\" content=\"width=device-width\">\n"
            "<title>",
            lang == 1 ? "zh-CN" : "en", CSP);
    html_escape(f, title);
    fprintf(f, "</title>\n<style>%s</style>\n</head>\n<body>\n<h1>", style);
    html_escape(f, title);
    fputs("</h1>\n", f);
    return HL_OK;
}

static const char *const chart_ids[] = {
    "chart-pressure",       "chart-temperature",  "chart-breakdown",
    "chart-months",         "chart-duration",     "chart-surfaces",
    "chart-payback",        "chart-map",          "chart-dyn-temps",
    "chart-dyn-transit",    "chart-dyn-stored",   "chart-dyn-error",
    "chart-surge-envelope", "chart-surge-series", "chart-surge-cavities"};

void report_chart_div(FILE *f, int which)
{
    fprintf(f, "<div class=\"chart\" id=\"%s\"></div>\n", chart_ids[which]);
}

int report_page_end(FILE *f, json_t *data, hl_error *err)
{
    return report_page_end_with(f, data, "report/report.js", err);
}

int report_page_end_with(FILE *f, json_t *data, const char *script,
                         hl_error *err)
{
    char *echarts = NULL, where[4096];
    size_t n = 0, js_len = 0;
    int rc = report_load_echarts(&echarts, &n, where, sizeof where, err);
    const char *js = hl_embedded_find(script, &js_len);
    char *text = json_dumps(data, JSON_COMPACT | JSON_ENSURE_ASCII |
                                      JSON_REAL_PRECISION(7));
    if (!rc && (!js || !text))
        rc = hl_error_set(err, HL_ENOMEM, "report: cannot build the page");
    if (!rc) {
        fputs("<script>\n", f);
        put_script_text(f, echarts, n);
        fputs("\n</script>\n<script type=\"application/json\" "
              "id=\"hl-data\">",
              f);
        put_json(f, text);
        fputs("</script>\n<script>\n", f);
        put_script_text(f, js, js_len);
        fputs("\n</script>\n</body>\n</html>\n", f);
    }
    free(echarts);
    free(text);
    return rc;
}
