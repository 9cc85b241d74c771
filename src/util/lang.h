/* lang.h - the catalogue's pairs, for the report's script (lang.c). */
#ifndef HL_UTIL_LANG_H
#define HL_UTIL_LANG_H

/* Pairs in the catalogue of lang (0 for English, which has none). */
int lang_count(int lang);
/* The i-th pair, 0 <= i < lang_count(lang). */
void lang_pair_at(int lang, int i, const char **en, const char **text);

#endif
