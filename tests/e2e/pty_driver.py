#!/usr/bin/env python3
"""Runs a command on a pseudo-terminal, as a person at a terminal would, and
types the answers given, one after each question the command asks.

    pty_driver.py [ANSWER...] -- COMMAND [ARG...]

A question is output that ends in "[y/N] " or "(d)iscard: " and then waits.
Prints what the terminal showed (its CR LF line ends as LF) on stdout and
exits with the command's status (128 + N if killed by signal N). A command
still running after 30 seconds is killed."""
import os
import pty
import select
import signal
import sys
import time

PROMPTS = (b'[y/N] ', b'(d)iscard: ')

split = sys.argv.index('--')
answers = [a.encode() + b'\n' for a in sys.argv[1:split]]
command = sys.argv[split + 1:]

pid, fd = pty.fork()
if pid == 0:
    try:
        os.execvp(command[0], command)
    finally:
        os._exit(127)

shown = b''
since_answer = b''
deadline = time.monotonic() + 30
while True:
    if time.monotonic() > deadline:
        os.kill(pid, signal.SIGKILL)
        break
    ready, _, _ = select.select([fd], [], [], 0.1)
    if ready:
        try:
            data = os.read(fd, 4096)
        except OSError:  # EIO: the command closed the terminal (it ended)
            break
        if not data:
            break
        shown += data
        since_answer += data
    elif answers and since_answer.endswith(PROMPTS):
        os.write(fd, answers.pop(0))
        since_answer = b''

_, status = os.waitpid(pid, 0)
sys.stdout.write(shown.replace(b'\r\n', b'\n').decode('utf-8', 'replace'))
sys.exit(os.waitstatus_to_exitcode(status) if os.WIFEXITED(status) else 128 + os.WTERMSIG(status))
