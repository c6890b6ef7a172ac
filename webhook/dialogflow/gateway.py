"""The one place that talks to Dialogflow: the real `dialogflow_v2` clients over one gRPC channel.

With an endpoint (HOST:PORT) the channel is insecure and carries no credentials: for emulators and the
tests' fake server. Without one, Google's default credentials and the regional endpoint are used.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
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

from webhook.dialogflow.calls import CallLog, CallPolicy, PolicyInterceptor, limiter_for
from webhook.dialogflow.target import Target

#: Reconnect quickly after a dropped connection; the interceptor's backoff paces the retries.
CHANNEL_OPTIONS = [
    ("grpc.initial_reconnect_backoff_ms", 100),
    ("grpc.min_reconnect_backoff_ms", 100),
    ("grpc.max_reconnect_backoff_ms", 2000),
]


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
        self, target: Target, *, endpoint: str | None = None, policy: CallPolicy | None = None
    ) -> None:
        self.target = target
        self.policy = policy or CallPolicy()
        self.log = CallLog()
        interceptor = PolicyInterceptor(
            self.policy, limiter_for(target.project, self.policy.calls_per_minute), self.log
        )
        self._raw_channel = _channel(target, endpoint)
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
        """Create (no name) and update (named) intents in one language; returns them in request order."""
        request = df.BatchUpdateIntentsRequest(
            parent=self.target.agent,
            intent_batch_inline=df.IntentBatch(intents=list(intents)),
            language_code=language,
            update_mask=field_mask_pb2.FieldMask(paths=list(fields)),
            intent_view=df.IntentView.INTENT_VIEW_FULL,
        )
        operation = self._call("BatchUpdateIntents", self.intents.batch_update_intents, request=request)
        return list(self._wait(operation, "BatchUpdateIntents").intents)

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
        """Create (no name) and update (named) entity types in one language."""
        request = df.BatchUpdateEntityTypesRequest(
            parent=self.target.agent,
            entity_type_batch_inline=df.EntityTypeBatch(entity_types=list(entity_types)),
            language_code=language,
            update_mask=field_mask_pb2.FieldMask(paths=list(fields)),
        )
        operation = self._call(
            "BatchUpdateEntityTypes", self.entity_types.batch_update_entity_types, request=request
        )
        return list(self._wait(operation, "BatchUpdateEntityTypes").entity_types)

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


def _describe(error: exceptions.GoogleAPICallError) -> str:
    code = getattr(error, "grpc_status_code", None)
    name = code.name if code is not None else type(error).__name__
    return f"{name}: {error.message}"


def _channel(target: Target, endpoint: str | None) -> grpc.Channel:
    if endpoint:
        return grpc.insecure_channel(endpoint, options=CHANNEL_OPTIONS)
    try:
        return IntentsGrpcTransport.create_channel(
            f"{target.api_host}:443", scopes=IntentsGrpcTransport.AUTH_SCOPES, options=CHANNEL_OPTIONS
        )
    except google.auth.exceptions.DefaultCredentialsError as error:
        raise GatewayError(
            f"no Google credentials for {target.agent}: run `gcloud auth application-default login` "
            f"or set GOOGLE_APPLICATION_CREDENTIALS ({error})"
        ) from error
