"""Make the argon2 hash a staff account's password variable holds:

    python -m webhook.staff.password            # asks for the password twice (not echoed)
    printf '%s' "$PASSWORD" | python -m webhook.staff.password   # reads it from standard input

It prints the hash, to set as STAFF_<SLUG>_PASSWORD (or STAFF_SECTOR_PASSWORD); the password itself is
never stored anywhere.
"""

from __future__ import annotations

import getpass
import sys
from typing import TextIO

from argon2 import PasswordHasher

#: Shorter passwords are refused: a staff account guards a council's residents' questions.
MIN_LENGTH = 12


def hash_password(password: str) -> str:
    """The argon2id hash of a password, with argon2-cffi's recommended cost."""
    if len(password) < MIN_LENGTH:
        raise ValueError(f"the password must be at least {MIN_LENGTH} characters long")
    return PasswordHasher().hash(password)


def read_password(stdin: TextIO) -> str:
    """The password: asked for twice on a terminal, else the first line of standard input."""
    if stdin.isatty():
        password = getpass.getpass("Staff password: ")
        if getpass.getpass("Again: ") != password:
            raise ValueError("the two passwords differ")
        return password
    return stdin.readline().rstrip("\r\n")


def main(stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout, stderr: TextIO = sys.stderr) -> int:
    """Print the hash of the password read; 1 with a message when it cannot."""
    try:
        print(hash_password(read_password(stdin)), file=stdout)
    except ValueError as error:
        print(f"error: {error}", file=stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
