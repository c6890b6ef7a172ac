"""Where an agent lives: its project, optional location, and the resource paths built from them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Target:
    """One Dialogflow ES agent: `projects/<project>[/locations/<location>]/agent`."""

    project: str
    location: str | None = None

    @property
    def parent(self) -> str:
        """The parent of the agent, as GetAgent, TrainAgent and friends take it."""
        if self.location and self.location != "global":
            return f"projects/{self.project}/locations/{self.location}"
        return f"projects/{self.project}"

    @property
    def agent(self) -> str:
        """The agent's own path: the parent of intents and entity types."""
        return f"{self.parent}/agent"

    def context(self, name: str) -> str:
        """The full resource path Dialogflow wants for an input or output context."""
        return f"{self.agent}/sessions/-/contexts/{name}"

    @property
    def api_host(self) -> str:
        """Google's regional endpoint for the location (the global one without)."""
        if self.location and self.location != "global":
            return f"{self.location}-dialogflow.googleapis.com"
        return "dialogflow.googleapis.com"
