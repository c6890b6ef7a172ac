"""The register of every current UK council (councils/register/uk_councils.json): who serves an area
by GSS code, and each district's county. (A new council's overlay is written from it by
webhook/joining/.)

Never imports Flask or the library: the library reads the register, not the other way round.
"""

from webhook.register.load import REGISTER_FILE, LoadedRegister, load_register
from webhook.register.model import GOV_UK_FINDER, Register, RegisteredCouncil

__all__ = [
    "GOV_UK_FINDER",
    "REGISTER_FILE",
    "LoadedRegister",
    "Register",
    "RegisteredCouncil",
    "load_register",
]
