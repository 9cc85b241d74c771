/*
 * help_print.c - a page of help.h as `heatline COMMAND --help` prints it:
 * the synopsis, the text, then every option on a line of its own with its
 * text wrapped to 79 columns beside it.
 */
#include "help.h"

#include <string.h>

#define WIDTH    79
#define TEXT_COL 22

const char *cli_opt_label(const cli_opt_doc *o, char *buf, size_t size)
{
    snprintf(buf, size, "--%s%s%s", o->name, o->arg ? " " : "",
             o->arg ? o->arg : "");
    return buf;
}

/* Words of text from column col on, wrapped at WIDTH, continuation lines
 * indented to indent; a blank line in text starts a paragraph. */
static void wrap(FILE *out, const char *text, int col, int indent)
{
    const char *p = text;
    int first = 1; /* the first word of a line: no space before it */
    while (*p) {
        size_t n = strcspn(p, " \n");
        if (!first && col + 1 + (int)n > WIDTH) {
            fprintf(out, "\n%*s", indent, "");
            col = indent;
        } else if (!first) {
            fputc(' ', out);
            col++;
        }
        first = 0;
        fwrite(p, 1, n, out);
        col += (int)n;
        p += n;
        while (*p == ' ' || *p == '\n') {
            if (*p == '\n' && p[1] == '\n') { /* a paragraph break */
                fprintf(out, "\n\n%*s", indent, "");
                col = indent;
                first = 1;
                p++;
            }
            p++;
        }
    }
    fputc('\n', out);
}

static void print_option(FILE *out, const cli_opt_doc *o)
{
    char label[96];
    int col = fprintf(out, "  %s", cli_opt_label(o, label, sizeof label));
    if (col < TEXT_COL) {
        fprintf(out, "%*s", TEXT_COL - col, "");
        col = TEXT_COL;
    } else {
        fputs("  ", out);
        col += 2;
    }
    wrap(out, o->text, col, TEXT_COL);
}

/* One form of the command, wrapped at WIDTH at spaces outside brackets
 * (so "[--date D]" stays whole), continuation lines indented. */
static void print_form(FILE *out, const char *lead, const char *command,
                       const char *form, size_t len)
{
    int col = fprintf(out, "%s heatline %s", lead, command);
    int indent = (int)strlen(lead) + 5;
    size_t i = 0;
    while (i < len) {
        while (i < len && (form[i] == ' ' || form[i] == '\n'))
            i++;
        size_t j = i;
        for (int depth = 0; j < len; j++) {
            depth += (form[j] == '[' || form[j] == '(') -
                     (form[j] == ']' || form[j] == ')');
            if (depth <= 0 && (form[j] == ' ' || form[j] == '\n'))
                break;
        }
        if (j == i)
            break;
        if (col + 1 + (int)(j - i) > WIDTH && col > indent)
            col = fprintf(out, "\n%*s", indent, "") - 1;
        col += fprintf(out, " %.*s", (int)(j - i), form + i);
        i = j;
    }
    fputc('\n', out);
}

/* Each line of the synopsis is a form of the command; a line that starts
 * with a space continues the form above it. */
static void print_synopsis(FILE *out, const cli_page *p)
{
    const char *s = p->synopsis;
    int first = 1;
    while (*s) {
        size_t n = strcspn(s, "\n");
        while (s[n] == '\n' && s[n + 1] == ' ')
            n += 1 + strcspn(s + n + 1, "\n");
        print_form(out, first ? "usage:" : "      ", p->command, s, n);
        first = 0;
        s += n + (s[n] == '\n');
    }
}

void cli_page_print(const cli_page *p, FILE *out)
{
    print_synopsis(out, p);
    if (p->about) {
        fputc('\n', out);
        wrap(out, p->about, 0, 0);
    }
    if (p->groups[0] && p->groups[0]->name)
        fputc('\n', out);
    for (int g = 0; g < CLI_MAX_GROUPS && p->groups[g]; g++)
        for (const cli_opt_doc *o = p->groups[g]; o->text; o++) {
            if (o->name)
                print_option(out, o);
            else {
                fputc('\n', out);
                wrap(out, o->text, 0, 0);
            }
        }
}

const cli_page *cli_page_find(const char *command)
{
    for (int i = 0; i < cli_n_pages; i++)
        if (strcmp(cli_pages[i]->command, command) == 0)
            return cli_pages[i];
    return NULL;
}

void cli_help(const char *command, FILE *out)
{
    const cli_page *p = cli_page_find(command);
    if (p)
        cli_page_print(p, out);
}

int cli_page_is_command(const cli_page *p)
{
    return strchr(p->command, ' ') == NULL;
}
