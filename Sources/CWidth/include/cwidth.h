#ifndef HELPDESK_CWIDTH_H
#define HELPDESK_CWIDTH_H

/// The terminal column width of a code point, as ncursesw measures it (-1 for non-printable).
int helpdesk_wcwidth(unsigned int codepoint);

/// Switches LC_CTYPE to the environment's locale (or the named one); returns 1 when it is UTF-8.
int helpdesk_set_ctype_locale(const char *name);

#endif
