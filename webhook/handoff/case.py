"""A hand-off case: what the council's staff receive when a resident asks for a person.

Only what the resident consented to share (the recent messages of the conversation) and how to reach
them. The case is stored in the outbox as JSON and sent as it is; nothing of it is ever logged.
"""

from __future__ import annotations

import json
import secrets
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

#: References are letters and digits without those read alike (0/O, 1/I/L), so a resident can read one
#: out on the phone; too short and letter-led to look like a phone number in Notify's reference field.
_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
REFERENCE_PREFIX = "HO"


def new_reference() -> str:
    """A fresh reference such as "HO-7KQ2-MXTA": random, so it reveals nothing and cannot be guessed."""
    letters = "".join(secrets.choice(_ALPHABET) for _ in range(8))
    return f"{REFERENCE_PREFIX}-{letters[:4]}-{letters[4:]}"


@dataclass(frozen=True)
class Message:
    """One message of the transcript: who said it ("resident" or "bot") and what was said."""

    speaker: str
    text: str


@dataclass(frozen=True)
class Case:
    """One hand-off: the reference (also the idempotency key), the council, how to reach the resident,
    and the transcript they agreed to share."""

    reference: str
    council: str
    language: str
    created_at: datetime
    email: str | None = None
    phone: str | None = None
    #: The council's offices were closed when the resident asked: staff call back when they open.
    out_of_hours: bool = False
    transcript: tuple[Message, ...] = field(default_factory=tuple)

    def to_json(self) -> str:
        """The case as stored in the outbox and sent to a webhook."""
        return json.dumps(self.as_dict(), ensure_ascii=False, separators=(",", ":"))

    def as_dict(self) -> dict[str, Any]:
        """The case as JSON-ready values (the time in ISO 8601 with its offset)."""
        data = asdict(self)
        data["created_at"] = self.created_at.isoformat()
        data["transcript"] = [asdict(message) for message in self.transcript]
        return data

    @classmethod
    def from_json(cls, text: str) -> Case:
        """The case a row of the outbox holds."""
        data = json.loads(text)
        return cls(
            reference=str(data["reference"]),
            council=str(data["council"]),
            language=str(data["language"]),
            created_at=datetime.fromisoformat(data["created_at"]),
            email=data.get("email"),
            phone=data.get("phone"),
            out_of_hours=bool(data.get("out_of_hours")),
            transcript=tuple(Message(str(m["speaker"]), str(m["text"])) for m in data.get("transcript", [])),
        )

    def contact(self) -> str:
        """How to reach the resident, as staff read it."""
        return " / ".join(value for value in (self.phone, self.email) if value) or "none given"


def plain_text(case: Case, council_name: str) -> str:
    """The case as staff read it in an e-mail or an Open311 description: the reference first (so a
    duplicate is recognised), how to reach the resident, then the conversation."""
    lines = [
        f"Reference: {case.reference}",
        f"Council: {council_name}",
        f"Asked at: {case.created_at:%Y-%m-%d %H:%M %Z}".strip(),
        f"Language: {'Welsh' if case.language == 'cy' else 'English'}",
        f"Contact: {case.contact()}",
    ]
    if case.out_of_hours:
        lines.append("Asked outside opening hours: please call or write back when the office opens.")
    lines.append("")
    if case.transcript:
        lines.append("Conversation (shared with the resident's consent):")
        lines.extend(f"{'Resident' if m.speaker == 'resident' else 'Bot'}: {m.text}" for m in case.transcript)
    else:
        lines.append("No conversation was shared.")
    return "\n".join(lines)
