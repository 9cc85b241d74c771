/*
 * docgen.c - the build's generator of the man pages and the bash
 * completion from the help pages (help.h), the table `heatline COMMAND
 * --help` prints, so the three cannot drift apart.
 *
 *   heatline_docgen man DIR     DIR/heatline.1, DIR/heatline-COMMAND.1
 *   heatline_docgen bash FILE   the bash completion of heatline
 */
#include "../help.h"
#include "heatline_version.h"

#include <string.h>

/* Text for roff (no newline added): backslash and hyphen escaped, a
 * leading '.' or '\'' protected, a blank line a paragraph break. */
static void roff(FILE *f, const char *s)
{
    int bol = 1;
    for (; *s; s++) {
        if (*s == '\n' && s[1] == '\n') {
            fputs("\n.PP\n", f);
            s++;
            bol = 1;
            continue;
        }
        if (bol && (*s == '.' || *s == '\''))
            fputs("\\&", f);
        if (*s == '\\')
            fputs("\\e", f);
        else if (*s == '-')
            fputs("\\-", f);
        else
            fputc(*s, f);
        bol = *s == '\n';
    }
}

/* "heatline-lab-fit" for "lab fit" */
static void man_name(char *buf, size_t size, const char *command)
{
    snprintf(buf, size, "heatline-%s", command);
    for (char *p = buf; *p; p++)
        if (*p == ' ')
            *p = '-';
}

static void man_header(FILE *f, const char *name, const char *summary)
{
    char upper[64];
    size_t i = 0;
    for (; name[i] && i + 1 < sizeof upper; i++)
        upper[i] =
            (char)(name[i] >= 'a' && name[i] <= 'z' ? name[i] - 32 : name[i]);
    upper[i] = '\0';
    fputs(".\\\" generated from cli/help by heatline_docgen: edit the help "
          "pages, not this file\n",
          f);
    fprintf(f, ".TH %s 1 \"\" \"heatline %s\" \"heatline manual\"\n", upper,
            HL_VERSION);
    fputs(".SH NAME\n", f);
    roff(f, name);
    fputs(" \\- ", f);
    roff(f, summary);
    fputc('\n', f);
}

static void man_options(FILE *f, const cli_page *p)
{
    fputs(".SH OPTIONS\n", f);
    for (int g = 0; g < CLI_MAX_GROUPS && p->groups[g]; g++)
        for (const cli_opt_doc *o = p->groups[g]; o->text; o++) {
            if (!o->name) {
                fputs(".PP\n", f);
                roff(f, o->text);
                fputc('\n', f);
                continue;
            }
            fputs(".TP\n\\fB\\-\\-", f);
            roff(f, o->name);
            fputs("\\fR", f);
            if (o->arg) {
                fputs(" \\fI", f);
                roff(f, o->arg);
                fputs("\\fR", f);
            }
            fputc('\n', f);
            roff(f, o->text);
            fputc('\n', f);
        }
    fputs(".TP\n\\fB\\-\\-help\\fR\nthis text\n", f);
}

static void man_synopsis(FILE *f, const cli_page *p)
{
    fputs(".SH SYNOPSIS\n", f);
    int first = 1;
    for (const char *s = p->synopsis; *s;) {
        size_t n = strcspn(s, "\n");
        char line[512];
        snprintf(line, sizeof line, "%.*s", (int)n, s);
        if (*s != ' ') /* a new form; a leading space continues one */
            fprintf(f, "%s.B heatline %s\n", first ? "" : ".br\n", p->command);
        roff(f, line + (*s == ' '));
        fputc('\n', f);
        first = 0;
        s += n + (s[n] == '\n');
    }
}

static int man_page(const char *dir, const cli_page *p)
{
    char name[64], path[1024];
    man_name(name, sizeof name, p->command);
    snprintf(path, sizeof path, "%s/%s.1", dir, name);
    FILE *f = fopen(path, "w");
    if (!f)
        return 1;
    man_header(f, name, p->summary);
    man_synopsis(f, p);
    fputs(".SH DESCRIPTION\n", f);
    roff(f, p->about);
    fputc('\n', f);
    man_options(f, p);
    fputs(".SH SEE ALSO\n.BR heatline (1)\n", f);
    return fclose(f) != 0;
}

/* heatline(1): the commands, each with its page */
static int man_main(const char *dir)
{
    char path[1024], name[64];
    snprintf(path, sizeof path, "%s/heatline.1", dir);
    FILE *f = fopen(path, "w");
    if (!f)
        return 1;
    man_header(f, "heatline", "district-heating lines and insulation");
    fputs(".SH SYNOPSIS\n.B heatline\n\\fICOMMAND\\fR [\\fIOPTIONS\\fR]\n"
          ".br\n.B heatline help\n[\\fICOMMAND\\fR]\n.br\n"
          ".B heatline \\-\\-version\n",
          f);
    fputs(".SH DESCRIPTION\nThermal and hydraulic analysis of district-"
          "heating lines: steady runs, heating seasons, transients, and the "
          "insulation of pipes and fittings. Every command lists its options "
          "with units and defaults under \\fBheatline\\fR \\fICOMMAND\\fR "
          "\\fB\\-\\-help\\fR and in its own page.\n"
          ".SH COMMANDS\n",
          f);
    for (int i = 0; i < cli_n_pages; i++) {
        man_name(name, sizeof name, cli_pages[i]->command);
        fputs(".TP\n\\fB", f);
        roff(f, cli_pages[i]->command);
        fputs("\\fR\n", f);
        roff(f, cli_pages[i]->summary);
        fputs(" (\\fB", f);
        roff(f, name);
        fputs("\\fR(1))\n", f);
    }
    fputs(".SH EXIT STATUS\n0 done; 2 bad input (one line on standard error, "
          "no partial file); 3 solved but infeasible (run, season); 1 "
          "verification failures (register).\n"
          ".SH SEE ALSO\n",
          f);
    for (int i = 0; i < cli_n_pages; i++) {
        man_name(name, sizeof name, cli_pages[i]->command);
        fputs(".BR ", f);
        roff(f, name);
        fprintf(f, " (1)%s\n", i + 1 < cli_n_pages ? "," : "");
    }
    return fclose(f) != 0;
}

/* The completion words of a page's options: "--a --b ..." */
static void option_words(FILE *f, const cli_page *p)
{
    fputs("--help", f);
    for (int g = 0; g < CLI_MAX_GROUPS && p->groups[g]; g++)
        for (const cli_opt_doc *o = p->groups[g]; o->text; o++)
            if (o->name)
                fprintf(f, " --%s", o->name);
}

/* An argument of lowercase choices a|b|c (not FILE, C, MATERIAL:MM). */
static int is_choice(const char *arg)
{
    if (!strchr(arg, '|'))
        return 0;
    for (const char *s = arg; *s; s++)
        if (*s >= 'A' && *s <= 'Z')
            return 0;
    return 1;
}

/* case "$prev" in --opt) values ;; esac for the choice options */
static void choice_cases(FILE *f, const cli_page *p)
{
    for (int g = 0; g < CLI_MAX_GROUPS && p->groups[g]; g++)
        for (const cli_opt_doc *o = p->groups[g]; o->text; o++)
            if (o->name && o->arg && is_choice(o->arg)) {
                fprintf(f, "        \"%s/--%s\") values=\"", p->command,
                        o->name);
                for (const char *s = o->arg; *s; s++)
                    fputc(*s == '|' ? ' ' : *s, f);
                fputs("\" ;;\n", f);
            }
}

static int bash_completion(const char *path)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return 1;
    fputs("# bash completion of heatline, generated from cli/help by "
          "heatline_docgen\n"
          "_heatline()\n{\n"
          "    local cur=${COMP_WORDS[COMP_CWORD]} prev=\n"
          "    [ \"$COMP_CWORD\" -gt 0 ] && "
          "prev=${COMP_WORDS[COMP_CWORD-1]}\n"
          "    local commands=\"help --help --version",
          f);
    for (int i = 0; i < cli_n_pages; i++)
        if (cli_page_is_command(cli_pages[i]))
            fprintf(f, " %s", cli_pages[i]->command);
    fputs(
        "\"\n"
        "    if [ \"$COMP_CWORD\" -le 1 ]; then\n"
        "        COMPREPLY=($(compgen -W \"$commands\" -- \"$cur\"))\n"
        "        return\n    fi\n"
        "    local cmd=${COMP_WORDS[1]} words= opts= values=\n"
        "    if [ \"$cmd\" = help ]; then\n"
        "        [ \"$COMP_CWORD\" -eq 2 ] && COMPREPLY=($(compgen -W "
        "\"$commands\" -- \"$cur\"))\n"
        "        return\n    fi\n"
        "    [ \"$COMP_CWORD\" -gt 2 ] && case \"$cmd ${COMP_WORDS[2]}\" in\n",
        f);
    for (int i = 0; i < cli_n_pages; i++)
        if (!cli_page_is_command(cli_pages[i]))
            fprintf(f, "        \"%s\") cmd=\"%s\" ;;\n", cli_pages[i]->command,
                    cli_pages[i]->command);
    fputs("    esac\n    case \"$cmd\" in\n", f);
    for (int i = 0; i < cli_n_pages; i++) {
        const cli_page *p = cli_pages[i];
        fprintf(f, "        \"%s\") opts=\"", p->command);
        option_words(f, p);
        fprintf(f, "\" words=\"%s\" ;;\n", p->words ? p->words : "");
    }
    fputs("        *) return ;;\n    esac\n"
          "    case \"$cmd/$prev\" in\n",
          f);
    for (int i = 0; i < cli_n_pages; i++)
        choice_cases(f, cli_pages[i]);
    fputs("    esac\n"
          "    if [ -n \"$values\" ]; then\n"
          "        COMPREPLY=($(compgen -W \"$values\" -- \"$cur\"))\n"
          "    elif [[ $cur == -* ]]; then\n"
          "        COMPREPLY=($(compgen -W \"$opts\" -- \"$cur\"))\n"
          "    else\n"
          "        COMPREPLY=($(compgen -W \"$words\" -- \"$cur\") "
          "$(compgen -f -- \"$cur\"))\n"
          "    fi\n}\n"
          "complete -o filenames -F _heatline heatline\n",
          f);
    return fclose(f) != 0;
}

int main(int argc, char **argv)
{
    if (argc == 3 && strcmp(argv[1], "man") == 0) {
        int rc = man_main(argv[2]);
        for (int i = 0; i < cli_n_pages && !rc; i++)
            rc = man_page(argv[2], cli_pages[i]);
        if (rc)
            fprintf(stderr, "heatline_docgen: cannot write %s\n", argv[2]);
        return rc;
    }
    if (argc == 3 && strcmp(argv[1], "bash") == 0) {
        if (!bash_completion(argv[2]))
            return 0;
        fprintf(stderr, "heatline_docgen: cannot write %s\n", argv[2]);
        return 1;
    }
    fputs("usage: heatline_docgen man DIR | bash FILE\n", stderr);
    return 2;
}
