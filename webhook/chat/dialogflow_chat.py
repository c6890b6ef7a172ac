"""The chat API on a real Dialogflow ES agent: `detectIntent` with the official SessionsClient.

Used when a council's overlay names a Dialogflow project and the app is configured for it
(`CHAT_DIALOGFLOW=True`); `DIALOGFLOW_ENDPOINT` points at an emulator or test server (an insecure
channel with no credentials), otherwise Google's default credentials are used.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from google.api_core.client_options import ClientOptions
from google.cloud import dialogflow_v2
from google.protobuf.json_format import MessageToDict

from webhook.agent.messages import chat_messages
from webhook.dialogflow.platforms import displayed
from webhook.fulfilment.questions import AWAITING
from webhook.library.model import Council


@dataclass(frozen=True)
class DialogflowAnswer:
    intent: str
    confidence: float
    parameters: dict[str, Any]
    messages: list[dict[str, Any]]
    language: str
    #: Whether the agent waits for an answer: a required parameter still missing, or a handler's question.
    waiting: bool = False


class DialogflowChat:
    """Sends residents' messages to a council's Dialogflow agent."""

    def __init__(self, endpoint: str | None = None, timeout: float = 4.0) -> None:
        self.timeout = timeout
        if endpoint:
            import grpc
            from google.cloud.dialogflow_v2.services.sessions.transports import SessionsGrpcTransport

            transport = SessionsGrpcTransport(channel=grpc.insecure_channel(endpoint))
            self.client = dialogflow_v2.SessionsClient(transport=transport)
        else:  # pragma: no cover - needs Google credentials
            self.client = dialogflow_v2.SessionsClient(client_options=ClientOptions())

    def detect(self, council: Council, session_id: str, text: str, language: str) -> DialogflowAnswer:
        """One turn: the text, or the WELCOME event when the text is empty."""
        dialogflow = council.dialogflow or {}
        project = dialogflow["project_id"]
        location = dialogflow.get("location")
        session = (
            f"projects/{project}/locations/{location}/agent/sessions/{session_id}"
            if location
            else f"projects/{project}/agent/sessions/{session_id}"
        )
        if text:
            query = dialogflow_v2.QueryInput(text=dialogflow_v2.TextInput(text=text, language_code=language))
        else:
            query = dialogflow_v2.QueryInput(
                event=dialogflow_v2.EventInput(name="WELCOME", language_code=language)
            )
        # No retries: a resident is waiting, and the API answers with the council's contacts instead.
        response = self.client.detect_intent(
            request={"session": session, "query_input": query}, retry=None, timeout=self.timeout
        )
        result = response.query_result
        # The sync keeps cards and quick replies on a platform's tab so that the console shows them;
        # detectIntent answers with every platform's messages, so pick those a resident should see.
        messages = displayed(MessageToDict(m._pb) for m in result.fulfillment_messages)
        if not messages and result.fulfillment_text:
            messages = [{"text": {"text": [result.fulfillment_text]}}]
        return DialogflowAnswer(
            intent=result.intent.display_name or "system.fallback",
            confidence=round(result.intent_detection_confidence, 4),
            parameters=MessageToDict(result._pb.parameters) if result.parameters else {},
            messages=chat_messages(messages),
            language=result.language_code or language,
            waiting=not result.all_required_params_present
            or any(c.name.rsplit("/", 1)[-1] == AWAITING for c in result.output_contexts),
        )
