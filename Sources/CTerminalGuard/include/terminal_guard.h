#ifndef HELPDESK_TERMINAL_GUARD_H
#define HELPDESK_TERMINAL_GUARD_H

/// Saves the terminal's modes (standard input's termios) and installs handlers for the signals a
/// crash raises (SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE): each handler gives the terminal
/// back (leaves the alternate screen and keypad mode, ends bracketed paste, shows the cursor,
/// restores the saved modes) and then lets the signal kill the process as it would have. Call it
/// before curses takes the terminal. Returns 0, or -1 when standard input is not a terminal.
int helpdesk_guard_terminal(void);

/// Removes the handlers again (the terminal was given back the ordinary way).
void helpdesk_unguard_terminal(void);

#endif
