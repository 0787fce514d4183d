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

int helpdesk_use_thread_ctype(const char *name) {
    locale_t previous = uselocale((locale_t)0);
    if (name == NULL) {
        uselocale(LC_GLOBAL_LOCALE);
    } else {
        locale_t chosen = newlocale(LC_CTYPE_MASK, name, (locale_t)0);
        if (chosen == (locale_t)0) return 0;
        uselocale(chosen);
    }
    // A locale this function made earlier for the thread is let go once replaced.
    if (previous != LC_GLOBAL_LOCALE && previous != (locale_t)0) freelocale(previous);
    return 1;
}
