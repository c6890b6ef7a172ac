"""A fake Dialogflow Sessions service on a real gRPC server, for the chat API's Dialogflow mode.

It answers DetectIntent with the library's own message types, as an agent with two intents would.
"""

from __future__ import annotations

from concurrent import futures

import grpc
from google.cloud import dialogflow_v2
from google.protobuf import struct_pb2


class FakeSessions:
    """Records every DetectIntentRequest and answers from a tiny rule table."""

    def __init__(self) -> None:
        self.requests: list[dialogflow_v2.DetectIntentRequest] = []
        self.server = grpc.server(futures.ThreadPoolExecutor(max_workers=4))
        handler = grpc.unary_unary_rpc_method_handler(
            self._detect_intent,
            request_deserializer=dialogflow_v2.DetectIntentRequest.deserialize,
            response_serializer=dialogflow_v2.DetectIntentResponse.serialize,
        )
        self.server.add_generic_rpc_handlers(
            [
                grpc.method_handlers_generic_handler(
                    "google.cloud.dialogflow.v2.Sessions", {"DetectIntent": handler}
                )
            ]
        )
        self.endpoint = f"127.0.0.1:{self.server.add_insecure_port('127.0.0.1:0')}"

    def start(self) -> FakeSessions:
        self.server.start()
        return self

    def stop(self) -> None:
        self.server.stop(grace=None)

    def _detect_intent(self, request: dialogflow_v2.DetectIntentRequest, context: grpc.ServicerContext):
        self.requests.append(request)
        query = request.query_input
        language = query.text.language_code or query.event.language_code
        parameters = struct_pb2.Struct()
        answered = False  # Dialogflow's allRequiredParamsPresent
        if query.event.name == "WELCOME":
            intent, text, confidence = "system.welcome", "Hello from Dialogflow", 1.0
        elif "bin" in query.text.text.lower():
            intent, text, confidence = "waste.collection_day", "What's your postcode?", 0.92
            parameters.update({"postcode": ""})
        elif "pothole" in query.text.text.lower():
            intent, text, confidence, answered = "streets.pothole", "Report it online.", 0.88, True
        else:
            intent, text, confidence = "Default Fallback Intent", "Sorry, say that again?", 0.0
        messages = [
            dialogflow_v2.Intent.Message(text=dialogflow_v2.Intent.Message.Text(text=[text])),
            dialogflow_v2.Intent.Message(
                quick_replies=dialogflow_v2.Intent.Message.QuickReplies(
                    title="Next", quick_replies=["Bin day"]
                )
            ),
        ]
        result = dialogflow_v2.QueryResult(
            query_text=query.text.text,
            language_code=language,
            intent=dialogflow_v2.Intent(display_name=intent),
            intent_detection_confidence=confidence,
            fulfillment_text=text,
            fulfillment_messages=messages,
            parameters=parameters,
            all_required_params_present=answered,
        )
        return dialogflow_v2.DetectIntentResponse(response_id="r-1", query_result=result)
