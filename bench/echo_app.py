"""The baseline: a bare Flask app that only parses the JSON body and echoes it back."""

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.post("/webhook/<slug>")
def echo(slug: str):
    return jsonify(request.get_json())
