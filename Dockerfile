# The council chatbot: one image serving every council's webhook (and, later, the chat).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    APP_ENV=production \
    LIBRARY_DIR=/app

WORKDIR /app
RUN useradd --create-home --uid 10001 bot
COPY pyproject.toml README.md ./
COPY webhook ./webhook
RUN pip install .
COPY intents ./intents
COPY councils ./councils
COPY gunicorn.conf.py ./
# Fail the build, not the deployment, if the library does not validate.
RUN sync-intents validate --strict --library /app

USER bot
EXPOSE 8080
CMD ["gunicorn", "-c", "gunicorn.conf.py", "webhook:create_app()"]
