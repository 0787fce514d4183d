#ifndef HELPDESK_NCURSES_SHIM_H
#define HELPDESK_NCURSES_SHIM_H

#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <ncurses.h>

// Macros and globals Swift cannot use directly.
static inline WINDOW *hd_stdscr(void) { return stdscr; }
static inline int hd_lines(void) { return LINES; }
static inline int hd_cols(void) { return COLS; }
static inline int hd_colors(void) { return COLORS; }
static inline int hd_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t hd_a_bold(void) { return A_BOLD; }
static inline attr_t hd_a_dim(void) { return A_DIM; }
static inline attr_t hd_a_italic(void) { return A_ITALIC; }
static inline attr_t hd_a_underline(void) { return A_UNDERLINE; }
static inline attr_t hd_a_reverse(void) { return A_REVERSE; }
static inline attr_t hd_a_normal(void) { return A_NORMAL; }
static inline int hd_key_code_yes(void) { return KEY_CODE_YES; }

/// Writes one grapheme (a NUL-terminated wide string) at y, x with the given attributes and pair.
static inline int hd_put(int y, int x, const wchar_t *text, attr_t attrs, short pair) {
    cchar_t cell;
    if (setcchar(&cell, text, attrs, pair, NULL) != OK) return ERR;
    return mvwadd_wch(stdscr, y, x, &cell);
}

#endif
