/*
 * suggest.c - "did you mean" for mistyped commands and options: the
 * closest candidate by edit distance (Levenshtein), as model keys already
 * get in the model reader. Only a close one is offered (at most 2 edits,
 * or a third of the word).
 */
#include "cli.h"

#include <getopt.h>
#include <string.h>

#define MAX_WORD 64

static int distance(const char *a, const char *b)
{
    size_t n = strlen(a), m = strlen(b);
    int row[MAX_WORD + 1];
    if (n > MAX_WORD || m > MAX_WORD)
        return MAX_WORD;
    for (size_t j = 0; j <= m; j++)
        row[j] = (int)j;
    for (size_t i = 1; i <= n; i++) {
        int diag = row[0];
        row[0] = (int)i;
        for (size_t j = 1; j <= m; j++) {
            int up = row[j], cost = a[i - 1] != b[j - 1];
            int best = diag + cost;
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[m];
}

const char *cli_closest(const char *word, const char *const *cands, int n)
{
    const char *best = NULL;
    int bd = MAX_WORD, len = (int)strlen(word);
    for (int i = 0; i < n; i++) {
        int d = distance(word, cands[i]);
        if (d < bd) {
            bd = d;
            best = cands[i];
        }
    }
    int limit = len / 3 > 2 ? len / 3 : 2;
    return best && bd <= limit ? best : NULL;
}

const char *cli_closest_option(const char *arg, const struct option *opts)
{
    const char *names[256];
    int n = 0;
    char word[MAX_WORD + 1];
    size_t l = strcspn(arg + (arg[0] == '-') + (arg[1] == '-'), "=");
    if (l > MAX_WORD)
        return NULL;
    memcpy(word, arg + (arg[0] == '-') + (arg[1] == '-'), l);
    word[l] = '\0';
    for (; opts->name && n < 256; opts++)
        names[n++] = opts->name;
    return cli_closest(word, names, n);
}
