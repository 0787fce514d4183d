#define _XOPEN_SOURCE 700
#include <langinfo.h>
#include <locale.h>
#include <string.h>
#include <wchar.h>
#include "cwidth.h"

int helpdesk_wcwidth(unsigned int codepoint) {
    return wcwidth((wchar_t)codepoint);
}

int helpdesk_set_ctype_locale(const char *name) {
    if (setlocale(LC_CTYPE, name ? name : "") == NULL) {
        return 0;
    }
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL && strcmp(codeset, "UTF-8") == 0;
}
