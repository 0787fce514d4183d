// Restores the terminal when the process dies of a trap. Written in C because a signal handler may
// only call async-signal-safe functions (write, tcsetattr, sigaction, raise: POSIX.1-2017 2.4.3),
// and Swift code cannot promise that; curses' own endwin is not safe there either. The saved modes
// are the one piece of process-wide state, as a signal handler needs.
#define _XOPEN_SOURCE 700
#include "terminal_guard.h"

#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static struct termios saved_modes;
static volatile sig_atomic_t guarded = 0;
// The handler's own stack, so that a stack overflow (a segfault with no stack left) still restores
// the terminal; `sigaltstack` applies to the thread that calls `helpdesk_guard_terminal`, the one
// that runs the console.
static char alternate_stack[64 * 1024];
static const int fatal_signals[] = {SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE};

// Bracketed paste off, keypad (application cursor keys) off, attributes reset, cursor shown, out of
// the alternate screen: the xterm sequences every terminal the console supports (xterm, tmux,
// screen, the Linux console's own subset) understands or ignores.
static const char restore_sequence[] = "\033[?2004l\033[?1l\033>\033[0m\033[?25h\033[?1049l\r\n";

static void restore_and_die(int sig) {
    if (guarded) {
        ssize_t ignored = write(STDOUT_FILENO, restore_sequence, sizeof restore_sequence - 1);
        (void)ignored;
        tcsetattr(STDIN_FILENO, TCSANOW, &saved_modes);
    }
    struct sigaction fallback;
    memset(&fallback, 0, sizeof fallback);
    fallback.sa_handler = SIG_DFL;
    sigemptyset(&fallback.sa_mask);
    sigaction(sig, &fallback, NULL);
    raise(sig);
}

int helpdesk_guard_terminal(void) {
    if (tcgetattr(STDIN_FILENO, &saved_modes) != 0) return -1;
    stack_t stack;
    memset(&stack, 0, sizeof stack);
    stack.ss_sp = alternate_stack;
    stack.ss_size = sizeof alternate_stack;
    sigaltstack(&stack, NULL);
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = restore_and_die;
    sigemptyset(&action.sa_mask);
    // SA_RESETHAND: a second fault inside the handler kills at once instead of looping.
    action.sa_flags = SA_RESETHAND | SA_ONSTACK;
    for (size_t i = 0; i < sizeof fatal_signals / sizeof fatal_signals[0]; i++) sigaction(fatal_signals[i], &action, NULL);
    guarded = 1;
    return 0;
}

void helpdesk_unguard_terminal(void) {
    guarded = 0;
    struct sigaction fallback;
    memset(&fallback, 0, sizeof fallback);
    fallback.sa_handler = SIG_DFL;
    sigemptyset(&fallback.sa_mask);
    for (size_t i = 0; i < sizeof fatal_signals / sizeof fatal_signals[0]; i++) sigaction(fatal_signals[i], &fallback, NULL);
}
