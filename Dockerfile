# The council chatbot: one image serving every council's webhook, chat and catalogue.
# `make image` builds it; `make image-check` runs it and checks every page, the chat and the webhook.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_ROOT_USER_ACTION=ignore \
    APP_ENV=production \
    LIBRARY_DIR=/app \
    NLU_CACHE_DIR=/var/cache/council-chatbot/nlu

# The app runs as bot, who can write only the NLU model cache: the package and the library are not its.
RUN useradd --create-home --uid 10001 bot \
    && mkdir -p "$NLU_CACHE_DIR" \
    && chown -R bot:bot /var/cache/council-chatbot

# Install the package (templates, static files and schemas are package data) from outside /app, so the
# app runs the installed copy, as tests/test_packaging.py does, not a source folder beside the library.
COPY pyproject.toml README.md /tmp/build/
COPY webhook /tmp/build/webhook
RUN pip install /tmp/build && rm -rf /tmp/build

WORKDIR /app
COPY intents ./intents
COPY councils ./councils
COPY gunicorn.conf.py ./
# Fail the build, not the deployment, if the library does not validate.
RUN sync-intents validate --strict --library /app

USER bot
# Train every council's models into the image (as bot, who reads them at run time), so no instance
# trains at start and no resident waits for it: /readyz is ready as soon as the crisis detector is.
RUN sync-intents build-models --library /app
EXPOSE 8080
CMD ["gunicorn", "-c", "gunicorn.conf.py", "webhook:create_app()"]
