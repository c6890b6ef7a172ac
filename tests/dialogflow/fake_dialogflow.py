"""A fake Dialogflow ES v2 server: real gRPC, the client library's own message types, in memory.

It behaves like the real service where the sync depends on it:
- language-specific fields (training phrases, messages, parameter prompts, entity entries) are stored per
  language, so an update in one language leaves the others alone;
- reads leave training phrases out unless the FULL view is asked for, and are paged;
- a duplicate display name answers ALREADY_EXISTS and a missing resource NOT_FOUND;
- update masks are honoured (no mask means every field);
- batch calls, training, export and restore are long-running operations read through
  `google.longrunning.Operations/GetOperation`; training finishes on the first poll after it starts;
- a new agent holds the two stock intents of a new ES agent ("Default Welcome Intent" on WELCOME, trained
  on "hi", and "Default Fallback Intent");
- batch results come back in another order than the request (reversed, or shuffled with
  `batch_order = "shuffled"`), since the API promises none; `reordered` counts the batches answered so;
  with `lose_phrases_in` set to a language, its next intent batch answers as written but keeps no phrases
  of its first intent (a write lost on the service's side, which only reading the agent back finds);
- a follow-up's parent is read-only after creation (an update mask naming it is refused);
- export writes, and restore reads, the agent export ZIP the console imports and restores (see
  `agent_zip`); restore refuses a ZIP the console would refuse;
- with `quota` set, design-time calls beyond N a window per *consumer* project (the caller's
  `x-goog-user-project`, "(none)" without) answer RESOURCE_EXHAUSTED; every call's time is recorded per
  consumer project, so a test or benchmark can find the busiest window;
- messages over `max_message_bytes` (default gRPC's 4 MiB, as the service's own limit is finite) are
  refused by the server with RESOURCE_EXHAUSTED.

It counts calls by method and can inject RESOURCE_EXHAUSTED, UNAVAILABLE or a dropped connection on the
Nth matching call. Clients connect through a small TCP proxy so that "dropped" is a real reset socket.
"""

from __future__ import annotations

import contextlib
import json
import random
import socket
import threading
import time
import uuid
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from concurrent import futures
from dataclasses import dataclass, field
from typing import Any

import grpc
from google.cloud import dialogflow_v2 as df
from google.longrunning import operations_pb2
from google.protobuf import any_pb2, empty_pb2, struct_pb2
from google.rpc import status_pb2

from tests.dialogflow.agent_zip import AgentZipError, read_agent_zip, write_agent_zip

INTENT_LANGUAGE_FIELDS = ("training_phrases", "messages")
ENTITY_LANGUAGE_FIELDS = ("entities",)
#: Methods that change an agent; every other call only reads.
WRITE_METHODS = frozenset(
    {
        "Intents.CreateIntent",
        "Intents.UpdateIntent",
        "Intents.DeleteIntent",
        "Intents.BatchUpdateIntents",
        "Intents.BatchDeleteIntents",
        "EntityTypes.CreateEntityType",
        "EntityTypes.UpdateEntityType",
        "EntityTypes.DeleteEntityType",
        "EntityTypes.BatchUpdateEntityTypes",
        "EntityTypes.BatchDeleteEntityTypes",
        "Agents.TrainAgent",
        "Agents.RestoreAgent",
    }
)
FAULTS = ("RESOURCE_EXHAUSTED", "UNAVAILABLE", "DROP", "INTERNAL")
STOCK_WELCOME_PHRASES = {"en": ["hi", "hello", "good morning"], "cy": ["helo", "shwmae"]}


class RpcError(Exception):
    """Raised inside a handler: becomes the call's gRPC status."""

    def __init__(self, code: grpc.StatusCode, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass
class StoredIntent:
    """An intent: its language-neutral fields, and per language its phrases, messages and prompts."""

    neutral: df.Intent
    phrases: dict[str, list[df.Intent.TrainingPhrase]] = field(default_factory=dict)
    messages: dict[str, list[df.Intent.Message]] = field(default_factory=dict)
    prompts: dict[str, dict[str, list[str]]] = field(default_factory=dict)  # language -> parameter -> prompts


@dataclass
class StoredEntityType:
    neutral: df.EntityType
    entries: dict[str, list[df.EntityType.Entity]] = field(default_factory=dict)


@dataclass
class Agent:
    """One project's agent."""

    parent: str
    default_language: str
    other_languages: tuple[str, ...]
    intents: dict[str, StoredIntent] = field(default_factory=dict)
    entity_types: dict[str, StoredEntityType] = field(default_factory=dict)
    revision: int = 0
    trained_model: bytes = b""
    trainings: int = 0
    #: Fulfilment, as agent.json's `webhook` block holds it: set up by the council when it made the agent.
    webhook: dict[str, Any] = field(
        default_factory=lambda: {"url": "https://webhook.example/dialogflow", "available": True}
    )

    @property
    def path(self) -> str:
        return f"{self.parent}/agent"

    @property
    def languages(self) -> tuple[str, ...]:
        return (self.default_language, *self.other_languages)

    @property
    def trained(self) -> bool:
        """True when the last training saw the intents and the entity types they use as they are now."""
        return self.trained_model == self.model()

    def model(self) -> bytes:
        """What training learns from: every intent, and every entity type an intent uses."""
        used = {p.entity_type_display_name for i in self.intents.values() for p in i.neutral.parameters}
        used |= {
            part.entity_type
            for i in self.intents.values()
            for phrases in i.phrases.values()
            for phrase in phrases
            for part in phrase.parts
        }
        kept = {k: e for k, e in self.entity_types.items() if "@" + e.neutral.display_name in used}
        return _state(
            Agent(self.parent, self.default_language, self.other_languages, self.intents, kept)
        ).encode()

    def language(self, requested: str) -> str:
        language = requested or self.default_language
        if language not in self.languages:
            raise RpcError(grpc.StatusCode.INVALID_ARGUMENT, f"the agent does not support {language!r}")
        return language

    # Readable views for tests ------------------------------------------------------------------------

    def intent_named(self, display_name: str) -> StoredIntent | None:
        return next((i for i in self.intents.values() if i.neutral.display_name == display_name), None)

    def entity_type_named(self, display_name: str) -> StoredEntityType | None:
        return next((e for e in self.entity_types.values() if e.neutral.display_name == display_name), None)

    def phrases(self, display_name: str, language: str) -> list[str]:
        """The plain text of an intent's training phrases in one language."""
        stored = self.intent_named(display_name)
        assert stored is not None, f"no intent {display_name}"
        return ["".join(part.text for part in phrase.parts) for phrase in stored.phrases.get(language, [])]

    def state(self) -> str:
        """Everything the agent holds, as JSON (what ExportAgent puts in its zip)."""
        return _state(self)


class FakeDialogflow:
    """The fake service: agents by project, call counts and fault injection."""

    def __init__(self, page_size: int = 100, max_message_bytes: int = 4 * 1024 * 1024) -> None:
        self.agents: dict[str, Agent] = {}
        self.page_size = page_size
        self.max_message_bytes = max_message_bytes
        #: Batch results reversed: the API documents no order, so the sync must not rely on one.
        self.reverse_batch_results = True
        #: "reversed" (the default), "shuffled" (seeded, so a failure can be replayed) or "request".
        self.batch_order = "reversed"
        self._shuffle = random.Random(13)
        #: Batches whose results came back in another order than their request's.
        self.reordered = 0
        #: A language whose next intent batch the service answers as written but keeps no phrases of
        #: (its first intent's), as a write lost on the service's side would look.
        self.lose_phrases_in = ""
        #: (calls, window seconds) allowed per consumer project; None for no quota.
        self.quota: tuple[int, float] | None = None
        #: When each call started, by consumer project.
        self.call_times: dict[str, list[float]] = defaultdict(list)
        self.calls: Counter[str] = Counter()
        self.requests: list[tuple[str, Any]] = []
        self._faults: list[_Fault] = []
        self._operations: dict[str, operations_pb2.Operation] = {}
        self._pending_training: dict[str, Agent] = {}
        self._lock = threading.RLock()
        self._server: grpc.Server | None = None
        self._proxy: _Proxy | None = None
        self.endpoint = ""

    # Set-up and inspection ---------------------------------------------------------------------------

    def add_agent(
        self,
        project: str,
        default_language: str = "en",
        other_languages: Iterable[str] = (),
        *,
        stock: bool = True,
    ) -> Agent:
        """Create a new agent for a project (`projects/<project>`): with its two stock intents, as the
        console creates one, unless `stock` is False."""
        agent = Agent(f"projects/{project}", default_language, tuple(other_languages))
        self.agents[agent.parent] = agent
        if stock:
            _add_stock_intents(agent)
        return agent

    def agent(self, project: str) -> Agent:
        return self.agents[f"projects/{project}"]

    def add_stock_intents(self, project: str) -> None:
        """Put the two stock intents (back) in an agent, as in one made before they were handled."""
        with self._lock:
            _add_stock_intents(self.agent(project))

    def hand_make_intent(
        self, project: str, display_name: str, phrases: dict[str, list[str]], parent: str = ""
    ) -> str:
        """An intent made by a person in the console, with phrases per language; returns its name."""
        agent = self.agent(project)
        with self._lock:
            languages = list(phrases)
            intent = df.Intent(
                display_name=display_name,
                training_phrases=_phrases(phrases[languages[0]]),
                parent_followup_intent_name=parent,
            )
            stored = _create_intent(agent, intent, languages[0])
            for language in languages[1:]:
                stored.phrases[language] = [_with_id(p) for p in _phrases(phrases[language])]
            return stored.neutral.name

    def inject(
        self, fault: str, *, nth: int = 1, method: str | None = None, after_applying: bool = False
    ) -> None:
        """Fail the nth call from now (of `method`, e.g. "Intents.BatchUpdateIntents", or of any method).

        `fault` is a gRPC status name or "DROP" (the connection is reset). With `after_applying` the call
        takes effect before the fault, as when a connection drops on the way back.
        """
        assert fault in FAULTS, fault
        self._faults.append(_Fault(fault, method, nth, after_applying))

    def reset_counts(self) -> None:
        self.calls.clear()
        self.requests.clear()
        self.call_times.clear()

    def peak_calls(self, consumer: str, window: float = 60.0) -> int:
        """The most calls charged to `consumer` in any window of `window` seconds."""
        times = sorted(self.call_times.get(consumer, []))
        peak, start = 0, 0
        for end, moment in enumerate(times):
            while times[start] <= moment - window:
                start += 1
            peak = max(peak, end - start + 1)
        return peak

    def count(self, kind: str = "all") -> int:
        """Calls made: "reads", "writes", or "all"."""
        if kind == "writes":
            return sum(n for method, n in self.calls.items() if method in WRITE_METHODS)
        if kind == "reads":
            return sum(n for method, n in self.calls.items() if method not in WRITE_METHODS)
        return sum(self.calls.values())

    def writes(self) -> Counter[str]:
        return Counter({method: n for method, n in self.calls.items() if method in WRITE_METHODS})

    # Server ------------------------------------------------------------------------------------------

    def start(self) -> str:
        """Serve on 127.0.0.1 (a free port, behind the proxy) and return the endpoint HOST:PORT."""
        server = grpc.server(
            futures.ThreadPoolExecutor(max_workers=8),
            options=[
                ("grpc.max_receive_message_length", self.max_message_bytes),
                ("grpc.max_send_message_length", self.max_message_bytes),
            ],
        )
        server.add_generic_rpc_handlers(self._handlers())
        port = server.add_insecure_port("127.0.0.1:0")
        server.start()
        self._server = server
        self._proxy = _Proxy(("127.0.0.1", port))
        self.endpoint = f"127.0.0.1:{self._proxy.port}"
        return self.endpoint

    def stop(self) -> None:
        if self._proxy:
            self._proxy.close()
        if self._server:
            self._server.stop(grace=None)

    def _handlers(self) -> list[grpc.GenericRpcHandler]:
        services: dict[str, dict[str, tuple[Callable[..., Any], Any, Any]]] = {
            "google.cloud.dialogflow.v2.Intents": {
                "ListIntents": (self._list_intents, df.ListIntentsRequest, df.ListIntentsResponse),
                "GetIntent": (self._get_intent, df.GetIntentRequest, df.Intent),
                "CreateIntent": (self._create_intent, df.CreateIntentRequest, df.Intent),
                "UpdateIntent": (self._update_intent, df.UpdateIntentRequest, df.Intent),
                "DeleteIntent": (self._delete_intent, df.DeleteIntentRequest, None),
                "BatchUpdateIntents": (self._batch_update_intents, df.BatchUpdateIntentsRequest, None),
                "BatchDeleteIntents": (self._batch_delete_intents, df.BatchDeleteIntentsRequest, None),
            },
            "google.cloud.dialogflow.v2.EntityTypes": {
                "ListEntityTypes": (
                    self._list_entity_types,
                    df.ListEntityTypesRequest,
                    df.ListEntityTypesResponse,
                ),
                "GetEntityType": (self._get_entity_type, df.GetEntityTypeRequest, df.EntityType),
                "CreateEntityType": (self._create_entity_type, df.CreateEntityTypeRequest, df.EntityType),
                "UpdateEntityType": (self._update_entity_type, df.UpdateEntityTypeRequest, df.EntityType),
                "DeleteEntityType": (self._delete_entity_type, df.DeleteEntityTypeRequest, None),
                "BatchUpdateEntityTypes": (
                    self._batch_update_entity_types,
                    df.BatchUpdateEntityTypesRequest,
                    None,
                ),
                "BatchDeleteEntityTypes": (
                    self._batch_delete_entity_types,
                    df.BatchDeleteEntityTypesRequest,
                    None,
                ),
            },
            "google.cloud.dialogflow.v2.Agents": {
                "GetAgent": (self._get_agent, df.GetAgentRequest, df.Agent),
                "TrainAgent": (self._train_agent, df.TrainAgentRequest, None),
                "ExportAgent": (self._export_agent, df.ExportAgentRequest, None),
                "RestoreAgent": (self._restore_agent, df.RestoreAgentRequest, None),
            },
        }
        handlers: list[grpc.GenericRpcHandler] = []
        for service, methods in services.items():
            short = service.rsplit(".", 1)[1]
            table = {}
            for method, (function, request_type, response_type) in methods.items():
                table[method] = grpc.unary_unary_rpc_method_handler(
                    self._wrap(f"{short}.{method}", function),
                    request_deserializer=request_type.deserialize,
                    response_serializer=_serializer(response_type),
                )
            handlers.append(grpc.method_handlers_generic_handler(service, table))
        operations = {
            "GetOperation": grpc.unary_unary_rpc_method_handler(
                self._wrap("Operations.GetOperation", self._get_operation),
                request_deserializer=operations_pb2.GetOperationRequest.FromString,
                response_serializer=operations_pb2.Operation.SerializeToString,
            )
        }
        handlers.append(grpc.method_handlers_generic_handler("google.longrunning.Operations", operations))
        return handlers

    def _wrap(
        self, method: str, function: Callable[[Any], Any]
    ) -> Callable[[Any, grpc.ServicerContext], Any]:
        def handle(request: Any, context: grpc.ServicerContext) -> Any:
            with self._lock:
                self.calls[method] += 1
                self.requests.append((method, request))
                consumer = dict(context.invocation_metadata()).get("x-goog-user-project", "(none)")
                self._charge(consumer, context)
                fault = self._take_fault(method)
                if fault and not fault.after_applying:
                    self._raise_fault(fault, context)
                try:
                    response = function(request)
                except RpcError as error:
                    context.abort(error.code, error.message)
                if fault:
                    self._raise_fault(fault, context)
                return response

        return handle

    def _charge(self, consumer: str, context: grpc.ServicerContext) -> None:
        """Count a call against its consumer project's quota; refuse it past the quota."""
        now = time.monotonic()
        times = self.call_times[consumer]
        if self.quota:
            calls, window = self.quota
            if sum(1 for moment in times if moment > now - window) >= calls:
                context.abort(
                    grpc.StatusCode.RESOURCE_EXHAUSTED,
                    f"Quota exceeded for quota metric 'Design time requests' of consumer project {consumer}",
                )
        times.append(now)

    def _take_fault(self, method: str) -> _Fault | None:
        for fault in self._faults:
            if fault.method in (None, method):
                fault.nth -= 1
                if fault.nth == 0:
                    self._faults.remove(fault)
                    return fault
        return None

    def _raise_fault(self, fault: _Fault, context: grpc.ServicerContext) -> None:
        if fault.kind == "DROP":
            assert self._proxy is not None
            self._proxy.drop_connections()
            context.abort(grpc.StatusCode.UNAVAILABLE, "connection dropped")
        context.abort(getattr(grpc.StatusCode, fault.kind), f"injected {fault.kind}")

    # Helpers -----------------------------------------------------------------------------------------

    def _agent_for(self, resource: str) -> Agent:
        """The agent owning a parent or resource name (projects/<p>/agent[/...])."""
        parts = resource.split("/")
        if len(parts) < 2 or parts[0] != "projects":
            raise RpcError(grpc.StatusCode.INVALID_ARGUMENT, f"bad resource name {resource!r}")
        parent = "/".join(parts[:2])
        if parent not in self.agents:
            raise RpcError(grpc.StatusCode.NOT_FOUND, f"no agent in {parent}")
        return self.agents[parent]

    def _operation(
        self, response: Any = None, *, done: bool = True, metadata: Any = None
    ) -> operations_pb2.Operation:
        operation = operations_pb2.Operation(name=f"projects/-/operations/{uuid.uuid4()}", done=done)
        if response is not None:
            packed = any_pb2.Any()
            packed.Pack(response)
            operation.response.CopyFrom(packed)
        if metadata is not None:
            packed = any_pb2.Any()
            packed.Pack(metadata)
            operation.metadata.CopyFrom(packed)
        self._operations[operation.name] = operation
        return operation

    def _reorder(self, results: list[Any]) -> list[Any]:
        """A batch's results in the order the fake answers them with."""
        order = list(range(len(results)))
        if self.batch_order == "shuffled":
            self._shuffle.shuffle(order)
        elif self.reverse_batch_results and self.batch_order == "reversed":
            order.reverse()
        if order != sorted(order):
            self.reordered += 1
        return [results[index] for index in order]

    def _page(self, items: list[Any], page_size: int, token: str) -> tuple[list[Any], str]:
        size = min(page_size or self.page_size, self.page_size)
        start = int(token or 0)
        end = start + size
        return items[start:end], (str(end) if end < len(items) else "")

    # Intents -----------------------------------------------------------------------------------------

    def _list_intents(self, request: df.ListIntentsRequest) -> df.ListIntentsResponse:
        agent = self._agent_for(request.parent)
        language = agent.language(request.language_code)
        full = request.intent_view == df.IntentView.INTENT_VIEW_FULL
        everything = [_read_intent(agent, stored, language, full) for stored in agent.intents.values()]
        page, token = self._page(everything, request.page_size, request.page_token)
        return df.ListIntentsResponse(intents=page, next_page_token=token)

    def _get_intent(self, request: df.GetIntentRequest) -> df.Intent:
        agent = self._agent_for(request.name)
        language = agent.language(request.language_code)
        full = request.intent_view == df.IntentView.INTENT_VIEW_FULL
        return _read_intent(agent, _stored_intent(agent, request.name), language, full)

    def _create_intent(self, request: df.CreateIntentRequest) -> df.Intent:
        agent = self._agent_for(request.parent)
        language = agent.language(request.language_code)
        stored = _create_intent(agent, request.intent, language)
        return _read_intent(agent, stored, language, True)

    def _update_intent(self, request: df.UpdateIntentRequest) -> df.Intent:
        agent = self._agent_for(request.intent.name)
        language = agent.language(request.language_code)
        stored = _update_intent(agent, request.intent, language, list(request.update_mask.paths))
        return _read_intent(agent, stored, language, True)

    def _delete_intent(self, request: df.DeleteIntentRequest) -> None:
        agent = self._agent_for(request.name)
        _delete_intents(agent, [request.name])

    def _batch_update_intents(self, request: df.BatchUpdateIntentsRequest) -> operations_pb2.Operation:
        agent = self._agent_for(request.parent)
        language = agent.language(request.language_code)
        mask = list(request.update_mask.paths)
        results = []
        try:
            for intent in request.intent_batch_inline.intents:
                if intent.name:
                    stored = _update_intent(agent, intent, language, mask)
                else:
                    stored = _create_intent(agent, intent, language)
                results.append(_read_intent(agent, stored, language, True))
                if self.lose_phrases_in == language and "training_phrases" in (mask or ["training_phrases"]):
                    self.lose_phrases_in = ""
                    stored.phrases[language] = []
        except RpcError as error:
            return self._failed_operation(error)
        results = self._reorder(results)
        return self._operation(
            df.BatchUpdateIntentsResponse.pb(df.BatchUpdateIntentsResponse(intents=results))
        )

    def _batch_delete_intents(self, request: df.BatchDeleteIntentsRequest) -> operations_pb2.Operation:
        agent = self._agent_for(request.parent)
        try:
            _delete_intents(agent, [intent.name for intent in request.intents])
        except RpcError as error:
            return self._failed_operation(error)
        return self._operation(empty_pb2.Empty())

    def _failed_operation(self, error: RpcError) -> operations_pb2.Operation:
        operation = self._operation()
        operation.error.CopyFrom(status_pb2.Status(code=error.code.value[0], message=error.message))
        return operation

    # Entity types ------------------------------------------------------------------------------------

    def _list_entity_types(self, request: df.ListEntityTypesRequest) -> df.ListEntityTypesResponse:
        agent = self._agent_for(request.parent)
        language = agent.language(request.language_code)
        everything = [_read_entity_type(stored, language) for stored in agent.entity_types.values()]
        page, token = self._page(everything, request.page_size, request.page_token)
        return df.ListEntityTypesResponse(entity_types=page, next_page_token=token)

    def _get_entity_type(self, request: df.GetEntityTypeRequest) -> df.EntityType:
        agent = self._agent_for(request.name)
        language = agent.language(request.language_code)
        return _read_entity_type(_stored_entity_type(agent, request.name), language)

    def _create_entity_type(self, request: df.CreateEntityTypeRequest) -> df.EntityType:
        agent = self._agent_for(request.parent)
        language = agent.language(request.language_code)
        return _read_entity_type(_create_entity_type(agent, request.entity_type, language), language)

    def _update_entity_type(self, request: df.UpdateEntityTypeRequest) -> df.EntityType:
        agent = self._agent_for(request.entity_type.name)
        language = agent.language(request.language_code)
        stored = _update_entity_type(agent, request.entity_type, language, list(request.update_mask.paths))
        return _read_entity_type(stored, language)

    def _delete_entity_type(self, request: df.DeleteEntityTypeRequest) -> None:
        agent = self._agent_for(request.name)
        _delete_entity_types(agent, [request.name])

    def _batch_update_entity_types(
        self, request: df.BatchUpdateEntityTypesRequest
    ) -> operations_pb2.Operation:
        agent = self._agent_for(request.parent)
        language = agent.language(request.language_code)
        mask = list(request.update_mask.paths)
        results = []
        try:
            for entity_type in request.entity_type_batch_inline.entity_types:
                if entity_type.name:
                    stored = _update_entity_type(agent, entity_type, language, mask)
                else:
                    stored = _create_entity_type(agent, entity_type, language)
                results.append(_read_entity_type(stored, language))
        except RpcError as error:
            return self._failed_operation(error)
        results = self._reorder(results)
        response = df.BatchUpdateEntityTypesResponse(entity_types=results)
        return self._operation(df.BatchUpdateEntityTypesResponse.pb(response))

    def _batch_delete_entity_types(
        self, request: df.BatchDeleteEntityTypesRequest
    ) -> operations_pb2.Operation:
        agent = self._agent_for(request.parent)
        try:
            _delete_entity_types(agent, list(request.entity_type_names))
        except RpcError as error:
            return self._failed_operation(error)
        return self._operation(empty_pb2.Empty())

    # Agents and operations ---------------------------------------------------------------------------

    def _get_agent(self, request: df.GetAgentRequest) -> df.Agent:
        agent = self._agent_for(request.parent)
        return df.Agent(
            parent=agent.parent,
            display_name=agent.parent.split("/")[1],
            default_language_code=agent.default_language,
            supported_language_codes=list(agent.other_languages),
            time_zone="Europe/London",
        )

    def _train_agent(self, request: df.TrainAgentRequest) -> operations_pb2.Operation:
        agent = self._agent_for(request.parent)
        operation = self._operation(done=False, metadata=struct_pb2.Struct())
        self._pending_training[operation.name] = agent
        return operation

    def _export_agent(self, request: df.ExportAgentRequest) -> operations_pb2.Operation:
        agent = self._agent_for(request.parent)
        response = df.ExportAgentResponse(agent_content=write_agent_zip(agent))
        return self._operation(df.ExportAgentResponse.pb(response), metadata=struct_pb2.Struct())

    def _restore_agent(self, request: df.RestoreAgentRequest) -> operations_pb2.Operation:
        agent = self._agent_for(request.parent)
        try:
            read_agent_zip(agent, request.agent_content)
        except AgentZipError as error:
            raise RpcError(grpc.StatusCode.INVALID_ARGUMENT, f"not an agent export: {error}") from error
        agent.revision += 1
        return self._operation(empty_pb2.Empty(), metadata=struct_pb2.Struct())

    def _get_operation(self, request: operations_pb2.GetOperationRequest) -> operations_pb2.Operation:
        if request.name not in self._operations:
            raise RpcError(grpc.StatusCode.NOT_FOUND, f"no operation {request.name}")
        operation = self._operations[request.name]
        if not operation.done and request.name in self._pending_training:
            agent = self._pending_training.pop(request.name)
            agent.trained_model = agent.model()
            agent.trainings += 1
            operation.done = True
            packed = any_pb2.Any()
            packed.Pack(empty_pb2.Empty())
            operation.response.CopyFrom(packed)
        return operation


@dataclass
class _Fault:
    kind: str
    method: str | None
    nth: int
    after_applying: bool


def _serializer(response_type: Any) -> Callable[[Any], bytes]:
    if response_type is None:  # an Operation or Empty, plain protobuf messages
        return lambda message: message.SerializeToString() if message is not None else b""
    return response_type.serialize


# The service's rules, as functions of an agent ---------------------------------------------------------


def _stored_intent(agent: Agent, name: str) -> StoredIntent:
    stored = agent.intents.get(name.rsplit("/", 1)[-1])
    if stored is None or not name.startswith(agent.path + "/intents/"):
        raise RpcError(grpc.StatusCode.NOT_FOUND, f"intent {name} not found")
    return stored


def _stored_entity_type(agent: Agent, name: str) -> StoredEntityType:
    stored = agent.entity_types.get(name.rsplit("/", 1)[-1])
    if stored is None or not name.startswith(agent.path + "/entityTypes/"):
        raise RpcError(grpc.StatusCode.NOT_FOUND, f"entity type {name} not found")
    return stored


def _check_display_name(existing: Iterable[Any], display_name: str, name: str, kind: str) -> None:
    if not display_name:
        raise RpcError(grpc.StatusCode.INVALID_ARGUMENT, f"{kind} display name is required")
    for other in existing:
        if other.neutral.display_name == display_name and other.neutral.name != name:
            raise RpcError(
                grpc.StatusCode.ALREADY_EXISTS,
                f"{kind} with the display name '{display_name}' already exists",
            )


def _create_intent(agent: Agent, intent: df.Intent, language: str) -> StoredIntent:
    name = f"{agent.path}/intents/{uuid.uuid4()}"
    _check_display_name(agent.intents.values(), intent.display_name, name, "Intent")
    stored = StoredIntent(neutral=df.Intent(name=name))
    _write_intent(agent, stored, intent, language, [])
    agent.intents[name.rsplit("/", 1)[1]] = stored
    agent.revision += 1
    return stored


def _update_intent(agent: Agent, intent: df.Intent, language: str, mask: list[str]) -> StoredIntent:
    stored = _stored_intent(agent, intent.name)
    if not mask or "display_name" in mask:
        _check_display_name(agent.intents.values(), intent.display_name, intent.name, "Intent")
    _write_intent(agent, stored, intent, language, mask)
    agent.revision += 1
    return stored


def _write_intent(
    agent: Agent, stored: StoredIntent, intent: df.Intent, language: str, mask: list[str]
) -> None:
    fields = mask or [f for f in df.Intent.meta.fields if f not in ("name", "root_followup_intent_name")]
    for field_name in fields:
        if field_name == "training_phrases":
            stored.phrases[language] = [_with_id(phrase) for phrase in intent.training_phrases]
        elif field_name == "messages":
            stored.messages[language] = list(intent.messages)
        elif field_name == "parameters":
            neutral = []
            prompts: dict[str, list[str]] = {}
            for parameter in intent.parameters:
                copy = df.Intent.Parameter(parameter)
                copy.name = copy.name or str(uuid.uuid4())
                prompts[copy.display_name] = list(copy.prompts)
                copy.prompts = []
                neutral.append(copy)
            stored.neutral.parameters = neutral
            stored.prompts[language] = prompts
        elif field_name == "parent_followup_intent_name":
            if stored.neutral.display_name and mask:  # an update: the parent is read-only after creation
                raise RpcError(
                    grpc.StatusCode.INVALID_ARGUMENT,
                    "parent_followup_intent_name is read-only after creation",
                )
            parent = intent.parent_followup_intent_name
            if parent:
                _stored_intent(agent, parent)
            stored.neutral.parent_followup_intent_name = parent
        elif field_name in df.Intent.meta.fields and field_name not in ("name", "followup_intent_info"):
            setattr(stored.neutral, field_name, getattr(intent, field_name))
        elif field_name not in df.Intent.meta.fields:
            raise RpcError(grpc.StatusCode.INVALID_ARGUMENT, f"unknown field {field_name!r} in update mask")


def _phrases(texts: list[str]) -> list[df.Intent.TrainingPhrase]:
    return [df.Intent.TrainingPhrase(parts=[df.Intent.TrainingPhrase.Part(text=text)]) for text in texts]


def _with_id(phrase: df.Intent.TrainingPhrase) -> df.Intent.TrainingPhrase:
    copy = df.Intent.TrainingPhrase(phrase)
    copy.name = copy.name or str(uuid.uuid4())
    copy.type_ = copy.type_ or df.Intent.TrainingPhrase.Type.EXAMPLE
    return copy


def _read_intent(agent: Agent, stored: StoredIntent, language: str, full: bool) -> df.Intent:
    intent = df.Intent(stored.neutral)
    intent.messages = stored.messages.get(language, [])
    if full:
        intent.training_phrases = stored.phrases.get(language, [])
    prompts = stored.prompts.get(language, {})
    parameters = []
    for parameter in stored.neutral.parameters:
        copy = df.Intent.Parameter(parameter)
        copy.prompts = prompts.get(parameter.display_name, [])
        parameters.append(copy)
    intent.parameters = parameters
    root = stored
    while root.neutral.parent_followup_intent_name:
        root = _stored_intent(agent, root.neutral.parent_followup_intent_name)
    if root is not stored:
        intent.root_followup_intent_name = root.neutral.name
    return intent


def _delete_intents(agent: Agent, names: list[str]) -> None:
    doomed = [_stored_intent(agent, name).neutral.name for name in names]
    # Deleting an intent deletes its follow-ups, directly or not, as the real service does.
    while True:
        children = [
            stored.neutral.name
            for stored in agent.intents.values()
            if stored.neutral.parent_followup_intent_name in doomed and stored.neutral.name not in doomed
        ]
        if not children:
            break
        doomed += children
    for name in doomed:
        del agent.intents[name.rsplit("/", 1)[1]]
    agent.revision += 1


def _create_entity_type(agent: Agent, entity_type: df.EntityType, language: str) -> StoredEntityType:
    name = f"{agent.path}/entityTypes/{uuid.uuid4()}"
    _check_display_name(agent.entity_types.values(), entity_type.display_name, name, "Entity type")
    stored = StoredEntityType(neutral=df.EntityType(name=name))
    _write_entity_type(stored, entity_type, language, [])
    agent.entity_types[name.rsplit("/", 1)[1]] = stored
    agent.revision += 1
    return stored


def _update_entity_type(
    agent: Agent, entity_type: df.EntityType, language: str, mask: list[str]
) -> StoredEntityType:
    stored = _stored_entity_type(agent, entity_type.name)
    if not mask or "display_name" in mask:
        _check_display_name(
            agent.entity_types.values(), entity_type.display_name, entity_type.name, "Entity type"
        )
    _write_entity_type(stored, entity_type, language, mask)
    agent.revision += 1
    return stored


def _write_entity_type(
    stored: StoredEntityType, entity_type: df.EntityType, language: str, mask: list[str]
) -> None:
    fields = mask or [f for f in df.EntityType.meta.fields if f != "name"]
    for field_name in fields:
        if field_name == "entities":
            stored.entries[language] = list(entity_type.entities)
        elif field_name in df.EntityType.meta.fields and field_name != "name":
            setattr(stored.neutral, field_name, getattr(entity_type, field_name))
        else:
            raise RpcError(grpc.StatusCode.INVALID_ARGUMENT, f"unknown field {field_name!r} in update mask")


def _read_entity_type(stored: StoredEntityType, language: str) -> df.EntityType:
    entity_type = df.EntityType(stored.neutral)
    entity_type.entities = stored.entries.get(language, [])
    return entity_type


def _delete_entity_types(agent: Agent, names: list[str]) -> None:
    for name in names:
        stored = _stored_entity_type(agent, name)
        display = "@" + stored.neutral.display_name
        for intent in agent.intents.values():
            if any(p.entity_type_display_name == display for p in intent.neutral.parameters):
                raise RpcError(
                    grpc.StatusCode.FAILED_PRECONDITION,
                    f"entity type {display} is used by intent {intent.neutral.display_name}",
                )
    for name in names:
        del agent.entity_types[name.rsplit("/", 1)[1]]
    agent.revision += 1


def _state(agent: Agent) -> str:
    """Everything an agent holds, as canonical JSON (what tests compare before and after a restore)."""
    state: dict[str, Any] = {"intents": [], "entity_types": []}
    for stored in agent.intents.values():
        state["intents"].append(
            {
                "neutral": df.Intent.to_json(stored.neutral),
                # Empty per-language lists mean the same as none.
                "phrases": {
                    lang: [df.Intent.TrainingPhrase.to_json(p) for p in phrases]
                    for lang, phrases in stored.phrases.items()
                    if phrases
                },
                "messages": {
                    lang: [df.Intent.Message.to_json(m) for m in messages]
                    for lang, messages in stored.messages.items()
                    if messages
                },
                "prompts": {
                    lang: {name: texts for name, texts in prompts.items() if texts}
                    for lang, prompts in stored.prompts.items()
                    if any(prompts.values())
                },
            }
        )
    for stored_type in agent.entity_types.values():
        state["entity_types"].append(
            {
                "neutral": df.EntityType.to_json(stored_type.neutral),
                "entries": {
                    lang: [df.EntityType.Entity.to_json(e) for e in entries]
                    for lang, entries in stored_type.entries.items()
                    if entries
                },
            }
        )
    state["intents"].sort(key=lambda item: item["neutral"])
    state["entity_types"].sort(key=lambda item: item["neutral"])
    return json.dumps(state, sort_keys=True)


def _add_stock_intents(agent: Agent) -> None:
    """The two intents the console puts in a new ES agent, in every language it has."""
    text = df.Intent.Message(text=df.Intent.Message.Text(text=["Hi! How are you doing?"]))
    welcome = _create_intent(
        agent,
        df.Intent(display_name="Default Welcome Intent", events=["WELCOME"], action="input.welcome"),
        agent.default_language,
    )
    fallback = _create_intent(
        agent,
        df.Intent(display_name="Default Fallback Intent", is_fallback=True, action="input.unknown"),
        agent.default_language,
    )
    for language in agent.languages:
        welcome.phrases[language] = [_with_id(p) for p in _phrases(STOCK_WELCOME_PHRASES.get(language, []))]
        welcome.messages[language] = [text]
        fallback.messages[language] = [
            df.Intent.Message(text=df.Intent.Message.Text(text=["Sorry, could you say that again?"]))
        ]


# A TCP proxy in front of the server, so that a dropped connection is a real reset socket. -------------


class _Proxy:
    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._connections: list[socket.socket] = []
        self._lock = threading.Lock()
        self._closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(self.target)
            except OSError:
                client.close()
                continue
            with self._lock:
                self._connections += [client, upstream]
            threading.Thread(target=self._pump, args=(client, upstream), daemon=True).start()
            threading.Thread(target=self._pump, args=(upstream, client), daemon=True).start()

    @staticmethod
    def _pump(source: socket.socket, sink: socket.socket) -> None:
        with contextlib.suppress(OSError):
            while data := source.recv(65536):
                sink.sendall(data)
        for sock in (source, sink):
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def drop_connections(self) -> None:
        """Reset every open connection, as a network failure would.

        A socket closed while a pump thread is blocked reading it stays open in the kernel until that read
        returns, so a bare close() could leave the client waiting on a connection that is neither alive
        nor reset (until its call's deadline). shutdown() wakes the blocked reads first; the close then
        resets (SO_LINGER with a zero timeout)."""
        with self._lock:
            connections, self._connections = self._connections, []
        for sock in connections:
            with contextlib.suppress(OSError):
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
        for sock in connections:
            with contextlib.suppress(OSError):
                sock.close()

    def close(self) -> None:
        self._closed = True
        self._listener.close()
        self.drop_connections()
