/*
 * lang.c - the message catalogues (heatline_lang.h): data/lang/LANG.txt,
 * embedded at build time, read once per process into a table of
 * (English, translation) pairs. The English text the code writes is the
 * key, so English needs no catalogue and a text without a translation
 * still reads in English.
 */
#include "heatline.h"
#include "heatline_lang.h"
#include "util/lang.h"
#include "util/util.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct lang_pair {
    const char *en, *text;
} lang_pair;

typedef struct catalogue {
    char *buf; /* the file's text, cut into the pairs' strings */
    lang_pair *pair;
    int n;
} catalogue;

static const char *const names[] = {"en", "zh"};
#define N_LANGS ((int)(sizeof names / sizeof names[0]))

static catalogue cats[N_LANGS];
static pthread_once_t once = PTHREAD_ONCE_INIT;

/* \n, \t and \\ of a catalogue line to their characters, in place. */
static void unescape(char *t)
{
    char *o = t;
    for (; *t; t++) {
        if (*t == '\\' && (t[1] == 'n' || t[1] == 't' || t[1] == '\\')) {
            t++;
            *o++ = *t == 'n' ? '\n' : *t == 't' ? '\t' : '\\';
        } else
            *o++ = *t;
    }
    *o = '\0';
}

/* Lines "English<TAB>text"; '#' lines and blank lines are comments. */
static void parse(catalogue *c, const char *data, size_t len)
{
    c->buf = malloc(len + 1);
    int cap = 1;
    for (size_t i = 0; i < len; i++)
        cap += data[i] == '\n';
    c->pair = malloc((size_t)cap * sizeof *c->pair);
    if (!c->buf || !c->pair)
        return;
    memcpy(c->buf, data, len);
    c->buf[len] = '\0';
    for (char *line = c->buf; line && *line;) {
        char *end = strchr(line, '\n');
        if (end)
            *end = '\0';
        char *tab = strchr(line, '\t');
        if (line[0] != '#' && tab && tab > line && tab[1]) {
            *tab = '\0';
            unescape(line);
            unescape(tab + 1);
            c->pair[c->n++] = (lang_pair){line, tab + 1};
        }
        line = end ? end + 1 : NULL;
    }
}

static void load_all(void)
{
    for (int l = 1; l < N_LANGS; l++) {
        char path[32];
        size_t len = 0;
        snprintf(path, sizeof path, "lang/%s.txt", names[l]);
        const char *data = hl_embedded_find(path, &len);
        if (data)
            parse(&cats[l], data, len);
    }
}

int hl_lang_from_name(const char *name)
{
    for (int l = 0; name && l < N_LANGS; l++)
        if (strcmp(name, names[l]) == 0)
            return l;
    return -1;
}

int hl_lang_from_environment(void)
{
    static const char *const vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
    for (int i = 0; i < 3; i++) {
        const char *v = getenv(vars[i]);
        if (v && *v)
            return strncmp(v, "zh", 2) == 0 ? HL_LANG_ZH : HL_LANG_EN;
    }
    return HL_LANG_EN;
}

const char *hl_lang_name(int lang)
{
    return lang >= 0 && lang < N_LANGS ? names[lang] : NULL;
}

const char *hl_text(int lang, const char *english)
{
    if (!english || lang <= 0 || lang >= N_LANGS)
        return english;
    pthread_once(&once, load_all);
    const catalogue *c = &cats[lang];
    for (int i = 0; i < c->n; i++)
        if (strcmp(c->pair[i].en, english) == 0)
            return c->pair[i].text;
    if (getenv("HEATLINE_LANG_STRICT"))
        fprintf(stderr, "heatline: no %s text for \"%s\"\n", names[lang],
                english);
    return english;
}

int lang_count(int lang)
{
    if (lang <= 0 || lang >= N_LANGS)
        return 0;
    pthread_once(&once, load_all);
    return cats[lang].n;
}

void lang_pair_at(int lang, int i, const char **en, const char **text)
{
    *en = cats[lang].pair[i].en;
    *text = cats[lang].pair[i].text;
}
