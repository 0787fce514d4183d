#ifndef HELPDESK_CWIDTH_H
#define HELPDESK_CWIDTH_H

/// The terminal column width of a code point, as ncursesw measures it (-1 for non-printable).
int helpdesk_wcwidth(unsigned int codepoint);

/// Switches LC_CTYPE to the environment's locale (or the named one); returns 1 when it is UTF-8.
int helpdesk_set_ctype_locale(const char *name);

/// Switches the calling thread's LC_CTYPE to `name` (NULL: back to the process's own), leaving other
/// threads as they are; returns 1 on success. For tests that measure text as another locale would
/// (an ASCII-only terminal) while other tests run on other threads.
int helpdesk_use_thread_ctype(const char *name);

#endif
