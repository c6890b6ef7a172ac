"""gunicorn settings for production: `gunicorn -c gunicorn.conf.py 'webhook:create_app()'`.

The app keeps no per-process conversation state, so any number of workers and instances can serve.
"""

import os

# Cloud Run and most container platforms say which port to listen on in $PORT.
bind = f"0.0.0.0:{os.environ.get('PORT', '8080')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
# Turns wait on council systems; threads let a worker serve others meanwhile.
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "8"))
# Dialogflow gives up after 5 s; nothing legitimate takes 30.
timeout = 30
graceful_timeout = 20
keepalive = 5
# Each turn logs its own structured line; gunicorn's access log would repeat it without redaction.
accesslog = None
errorlog = "-"
# Load the library once before forking, so workers share its memory.
preload_app = True


def post_fork(server: object, worker: object) -> None:
    """Every turn is screened for crisis: each worker trains the crisis detector as soon as it starts,
    in the background, so the first resident's turn (with Dialogflow's 5 s deadline) does not pay for
    it. After the fork, not before: a thread running in the master at fork time would leave its lock
    held in the workers."""
    from webhook.safeguarding.detector import warm_in_background

    warm_in_background()
