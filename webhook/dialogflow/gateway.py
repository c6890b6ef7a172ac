"""The one place that talks to Dialogflow: the real `dialogflow_v2` clients over one gRPC channel.

With an endpoint (HOST:PORT) the channel is insecure and carries no credentials: for emulators and the
tests' fake server. Without one, Google's default credentials and the regional endpoint are used.

Calls are rate-limited per consumer project (whose quota they use: `--quota-project`, else the
credentials' quota project, else their own project) and per agent project; see `calls`. The channel's
message limits are raised from gRPC's 4 MiB default, and batches are split so that no request passes them,
nor the service's answer to it (which carries the ids the service adds).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import google.auth.exceptions
import grpc
from google.api_core import exceptions
from google.api_core.future import polling
from google.cloud import dialogflow_v2 as df
from google.cloud.dialogflow_v2.services.agents.transports import AgentsGrpcTransport
from google.cloud.dialogflow_v2.services.entity_types.transports import EntityTypesGrpcTransport
from google.cloud.dialogflow_v2.services.intents.transports import IntentsGrpcTransport
from google.protobuf import field_mask_pb2

from webhook.dialogflow.calls import CallLog, CallPolicy, PolicyInterceptor, limiters_for, too_large
from webhook.dialogflow.target import Target

#: Reconnect quickly after a dropped connection; the interceptor's backoff paces the retries. Not
#: `grpc.min_reconnect_backoff_ms`: gRPC takes it as the time a connection attempt (TCP, TLS and the
#: HTTP/2 settings) may take, and at 100 ms a slow network or a busy machine fails every attempt with
#: "connection attempt timed out before receiving SETTINGS frame". gRPC's default allows 20 s.
CHANNEL_OPTIONS = [
    ("grpc.initial_reconnect_backoff_ms", 100),
    ("grpc.max_reconnect_backoff_ms", 2000),
]
#: A batch request is kept to this share of the message limit, leaving room for the request's envelope.
BATCH_SHARE = 0.8
#: Bytes the service adds to each intent, and to each of its training phrases and parameters, when it
#: answers a batch (resource names, ids, the phrase type): an answer is larger than its request, and must
#: fit the channel's limit too. A UUID name with its field tags is about 45 bytes.
ADDED_PER_RESOURCE = 128
ADDED_PER_PART = 48


class GatewayError(Exception):
    """Dialogflow refused or failed a call; the message says which call and why."""


@dataclass(frozen=True)
class AgentInfo:
    """What GetAgent says about the agent."""

    display_name: str
    default_language: str
    languages: tuple[str, ...]


class Gateway:
    """The agent of one target, read and written through the real client library."""

    def __init__(
        self,
        target: Target,
        *,
        endpoint: str | None = None,
        policy: CallPolicy | None = None,
        quota_project: str | None = None,
    ) -> None:
        self.target = target
        self.policy = policy or CallPolicy()
        self.log = CallLog()
        options = [
            *CHANNEL_OPTIONS,
            ("grpc.max_send_message_length", self.policy.max_message_bytes),
            ("grpc.max_receive_message_length", self.policy.max_message_bytes),
        ]
        self._raw_channel, self.consumer = _channel(target, endpoint, quota_project, options)
        interceptor = PolicyInterceptor(
            self.policy,
            limiters_for(self.consumer, target.project, self.policy),
            self.log,
            # On Google's endpoint the credentials send the header themselves (with_quota_project).
            quota_project=quota_project if endpoint else None,
        )
        channel = grpc.intercept_channel(self._raw_channel, interceptor)
        self.intents = df.IntentsClient(transport=IntentsGrpcTransport(channel=channel))
        self.entity_types = df.EntityTypesClient(transport=EntityTypesGrpcTransport(channel=channel))
        self.agents = df.AgentsClient(transport=AgentsGrpcTransport(channel=channel))

    def close(self) -> None:
        """Close the channel."""
        self._raw_channel.close()

    def __enter__(self) -> Gateway:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # Reads -------------------------------------------------------------------------------------------

    def agent_info(self) -> AgentInfo:
        """The agent's display name and languages, default first."""
        agent = self._call("GetAgent", self.agents.get_agent, parent=self.target.parent)
        languages = (agent.default_language_code, *agent.supported_language_codes)
        return AgentInfo(agent.display_name, agent.default_language_code, tuple(dict.fromkeys(languages)))

    def list_intents(self, language: str) -> list[df.Intent]:
        """Every intent with its training phrases (the FULL view) in one language, every page."""
        request = df.ListIntentsRequest(
            parent=self.target.agent,
            language_code=language,
            intent_view=df.IntentView.INTENT_VIEW_FULL,
        )
        pager = self._call("ListIntents", self.intents.list_intents, request=request)
        return self._drain(pager, "ListIntents")

    def list_entity_types(self, language: str) -> list[df.EntityType]:
        """Every entity type with its entries in one language, every page."""
        request = df.ListEntityTypesRequest(parent=self.target.agent, language_code=language)
        pager = self._call("ListEntityTypes", self.entity_types.list_entity_types, request=request)
        return self._drain(pager, "ListEntityTypes")

    def export_agent(self) -> bytes:
        """The agent as Dialogflow's export zip."""
        operation = self._call("ExportAgent", self.agents.export_agent, parent=self.target.parent)
        return self._wait(operation, "ExportAgent").agent_content

    # Writes ------------------------------------------------------------------------------------------

    def batch_update_intents(
        self, intents: Sequence[df.Intent], language: str, fields: Iterable[str]
    ) -> list[df.Intent]:
        """Create (no name) and update (named) intents in one language, in as few requests as fit.

        The order of the intents returned is not documented: match them by display name, not position.
        """
        paths = list(fields)
        written: list[df.Intent] = []
        for chunk in self._chunks(intents, _answered_intent_size, "intent"):
            request = df.BatchUpdateIntentsRequest(
                parent=self.target.agent,
                intent_batch_inline=df.IntentBatch(intents=chunk),
                language_code=language,
                update_mask=field_mask_pb2.FieldMask(paths=paths),
                intent_view=df.IntentView.INTENT_VIEW_FULL,
            )
            operation = self._call("BatchUpdateIntents", self.intents.batch_update_intents, request=request)
            written += self._wait(operation, "BatchUpdateIntents").intents
        return written

    def batch_delete_intents(self, names: Sequence[str]) -> None:
        """Delete intents (and, as Dialogflow does, their follow-ups)."""
        request = df.BatchDeleteIntentsRequest(
            parent=self.target.agent, intents=[df.Intent(name=name) for name in names]
        )
        operation = self._call("BatchDeleteIntents", self.intents.batch_delete_intents, request=request)
        self._wait(operation, "BatchDeleteIntents")

    def batch_update_entity_types(
        self, entity_types: Sequence[df.EntityType], language: str, fields: Iterable[str]
    ) -> list[df.EntityType]:
        """Create (no name) and update (named) entity types in one language; match results by display name."""
        paths = list(fields)
        written: list[df.EntityType] = []
        for chunk in self._chunks(entity_types, _answered_entity_type_size, "entity type"):
            request = df.BatchUpdateEntityTypesRequest(
                parent=self.target.agent,
                entity_type_batch_inline=df.EntityTypeBatch(entity_types=chunk),
                language_code=language,
                update_mask=field_mask_pb2.FieldMask(paths=paths),
            )
            operation = self._call(
                "BatchUpdateEntityTypes", self.entity_types.batch_update_entity_types, request=request
            )
            written += self._wait(operation, "BatchUpdateEntityTypes").entity_types
        return written

    def batch_delete_entity_types(self, names: Sequence[str]) -> None:
        """Delete entity types; none may still be used by an intent."""
        request = df.BatchDeleteEntityTypesRequest(parent=self.target.agent, entity_type_names=list(names))
        operation = self._call(
            "BatchDeleteEntityTypes", self.entity_types.batch_delete_entity_types, request=request
        )
        self._wait(operation, "BatchDeleteEntityTypes")

    def create_entity_type(self, entity_type: df.EntityType, language: str) -> df.EntityType:
        """Create one entity type (the ownership record) in one language."""
        return self._call(
            "CreateEntityType",
            self.entity_types.create_entity_type,
            parent=self.target.agent,
            entity_type=entity_type,
            language_code=language,
        )

    def update_entity_type(self, entity_type: df.EntityType, language: str) -> df.EntityType:
        """Replace one entity type (the ownership record) in one language."""
        return self._call(
            "UpdateEntityType",
            self.entity_types.update_entity_type,
            entity_type=entity_type,
            language_code=language,
        )

    def train(self) -> None:
        """Train the agent and wait until it is done: changes do nothing until then."""
        operation = self._call("TrainAgent", self.agents.train_agent, parent=self.target.parent)
        self._wait(operation, "TrainAgent")

    def restore_agent(self, content: bytes) -> None:
        """Replace the whole agent with an export zip."""
        request = df.RestoreAgentRequest(parent=self.target.parent, agent_content=content)
        operation = self._call("RestoreAgent", self.agents.restore_agent, request=request)
        self._wait(operation, "RestoreAgent")

    # Plumbing ----------------------------------------------------------------------------------------

    def _chunks(
        self, items: Sequence[Any], answered_size: Callable[[Any], int], what: str
    ) -> list[list[Any]]:
        """`items` in consecutive groups whose request, and the service's answer, stay under the channel's
        message limit."""
        budget = int(self.policy.max_message_bytes * BATCH_SHARE)
        chunks: list[list[Any]] = [[]]
        size = 0
        for item in items:
            item_size = answered_size(item)
            if item_size > budget:
                name = getattr(item, "display_name", "")
                raise GatewayError(
                    f"the {what} {name} is {item_size} bytes, more than one request to "
                    f"{self.target.agent} may carry ({budget}): shorten it"
                )
            if chunks[-1] and size + item_size > budget:
                chunks.append([])
                size = 0
            chunks[-1].append(item)
            size += item_size
        return [chunk for chunk in chunks if chunk]

    def _call(self, what: str, method: Any, **kwargs: Any) -> Any:
        try:
            # The interceptor retries; the library's own retry is switched off so the two never stack.
            return method(retry=None, timeout=120.0, **kwargs)
        except exceptions.GoogleAPICallError as error:
            raise GatewayError(f"{what} on {self.target.agent} failed: {_describe(error)}") from error

    def _drain(self, pager: Any, what: str) -> list[Any]:
        try:
            return list(pager)
        except exceptions.GoogleAPICallError as error:
            raise GatewayError(f"{what} on {self.target.agent} failed: {_describe(error)}") from error

    def _wait(self, operation: Any, what: str) -> Any:
        poll = polling.DEFAULT_POLLING.with_delay(
            initial=self.policy.poll_seconds, maximum=max(self.policy.poll_seconds, 20.0)
        )
        try:
            return operation.result(timeout=self.policy.operation_timeout_seconds, polling=poll)
        except exceptions.GoogleAPICallError as error:
            raise GatewayError(f"{what} on {self.target.agent} failed: {_describe(error)}") from error
        except TimeoutError as error:
            raise GatewayError(f"{what} on {self.target.agent} did not finish in time") from error


def _answered_intent_size(intent: df.Intent) -> int:
    """An intent's size in a batch's answer: what was sent, and the names and ids the service adds."""
    parts = len(intent.training_phrases) + len(intent.parameters) + len(intent.messages)
    return df.Intent.pb(intent).ByteSize() + ADDED_PER_RESOURCE + ADDED_PER_PART * parts


def _answered_entity_type_size(entity_type: df.EntityType) -> int:
    """An entity type's size in a batch's answer (entries get no ids of their own)."""
    return df.EntityType.pb(entity_type).ByteSize() + ADDED_PER_RESOURCE


def _describe(error: exceptions.GoogleAPICallError) -> str:
    code = getattr(error, "grpc_status_code", None)
    name = code.name if code is not None else type(error).__name__
    if code is not None and too_large(code, error.message):
        return f"{name}: a message was over the size limit, not retried ({error.message})"
    return f"{name}: {error.message}"


def _channel(
    target: Target, endpoint: str | None, quota_project: str | None, options: list[tuple[str, Any]]
) -> tuple[grpc.Channel, str]:
    """The channel, and the consumer project its calls are charged to."""
    if endpoint:
        return grpc.insecure_channel(endpoint, options=options), quota_project or f"endpoint:{endpoint}"
    try:
        credentials, credentials_project = google.auth.default(scopes=IntentsGrpcTransport.AUTH_SCOPES)
    except google.auth.exceptions.DefaultCredentialsError as error:
        raise GatewayError(
            f"no Google credentials for {target.agent}: run `gcloud auth application-default login` "
            f"or set GOOGLE_APPLICATION_CREDENTIALS ({error})"
        ) from error
    if quota_project and hasattr(credentials, "with_quota_project"):
        credentials = credentials.with_quota_project(quota_project)
    consumer = (
        quota_project
        or getattr(credentials, "quota_project_id", None)
        or credentials_project
        or target.project
    )
    channel = IntentsGrpcTransport.create_channel(
        f"{target.api_host}:443", credentials=credentials, options=options
    )
    return channel, consumer
