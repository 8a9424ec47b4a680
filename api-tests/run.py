#!/usr/bin/env python3
"""schemathesis against a running reference backend, with docs/openapi.json.

Starts the release server on a free loopback port with a throwaway database, makes one
case with a fee, a payment and an open request of the office (so that the operations
on a case reach their logic, not only 404), runs schemathesis with
api-tests/schemathesis.toml and stops the server. Exit status: schemathesis's.

    api-tests/run.py [--max-time SECONDS] [--server PATH]
"""

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HERE = ROOT / "api-tests"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def request(base, method, path, body=None, headers=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(base + path, data=data, method=method)
    req.add_header("Content-Type", "application/json")
    for name, value in (headers or {}).items():
        req.add_header(name, value)
    with urllib.request.urlopen(req, timeout=10) as answer:
        return json.load(answer)


def wait_until_up(base, server):
    for _ in range(200):
        if server.poll() is not None:
            sys.exit(f"api-tests: the server stopped (exit {server.returncode})")
        try:
            request(base, "GET", "/services")
            return
        except OSError:
            time.sleep(0.1)
    sys.exit("api-tests: the server did not answer within 20 s")


def example(document, path, method="post"):
    """The request body the document gives as the example of an operation."""
    return document["paths"][path][method]["requestBody"]["content"]["application/json"][
        "example"
    ]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--max-time", default="90", help="schemathesis's time budget")
    target = os.environ.get("CARGO_TARGET_DIR", str(ROOT / "target"))
    parser.add_argument("--server", default=f"{target}/release/rathaus-server")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="rathaus-api-") as tmp:
        dist = Path(tmp) / "dist"
        dist.mkdir()
        (dist / "index.html").write_text("<!doctype html><title>Rathaus</title>")
        data = Path(tmp) / "data"
        port = free_port()
        base = f"http://127.0.0.1:{port}/api/v1"
        env = dict(
            os.environ,
            RATHAUS_ADDR=f"127.0.0.1:{port}",
            RATHAUS_DATA_DIR=str(data),
            RATHAUS_SERVICES_DIR=str(ROOT / "services"),
            RATHAUS_CATALOGUE_DIR=str(ROOT / "catalogue"),
            RATHAUS_TRANSLATIONS_DIR=str(ROOT / "translations"),
            RATHAUS_DIST_DIR=str(dist),
            # The limits on guessing codes and on uploads are tested on their own
            # (crates/rathaus-server/tests); here they would answer most requests
            # with 429 and leave the logic behind them untested.
            RATHAUS_ATTEMPTS_PER_CASE="1000000",
            RATHAUS_ATTEMPTS_PER_CLIENT="1000000",
            RATHAUS_UPLOADS_PER_CLIENT="1000000",
            RUST_LOG="warn",
        )
        log = open(Path(tmp) / "server.log", "w")
        server = subprocess.Popen([args.server], env=env, stdout=log, stderr=log)
        try:
            wait_until_up(base, server)
            document = json.loads((ROOT / "docs/openapi.json").read_text())
            receipt = request(
                base,
                "POST",
                "/applications",
                example(document, "/applications"),
                {"Idempotency-Key": str(uuid.uuid4())},
            )
            case, code = receipt["case_number"], receipt["access_code"]
            auth = {"Authorization": f"AccessCode {code}"}
            payment = request(
                base,
                "POST",
                f"/applications/{case}/payments",
                {"return_url": "/applications"},
                {**auth, "Idempotency-Key": str(uuid.uuid4())},
            )
            for action in (["move", case, "in_review"],
                           ["ask", case, "Bitte senden Sie uns eine Kopie Ihres Ausweises."]):
                subprocess.run([args.server, "admin", "--data-dir", str(data), *action],
                               check=True, stdout=subprocess.DEVNULL)
            st_env = dict(
                os.environ,
                RATHAUS_CASE=case,
                RATHAUS_ACCESS_CODE=code,
                RATHAUS_PAYMENT=payment["id"],
            )
            st = os.environ.get("RATHAUS_SCHEMATHESIS", str(ROOT / ".venv-api/bin/st"))
            # One worker: Python 3.11 before 3.11.8 can fail ast.parse when two threads
            # parse at once ("AST constructor recursion depth mismatch",
            # python/cpython#106905), and hypothesis parses its filters' lambdas while
            # schemathesis generates cases — an error of the tool, not of the API.
            result = subprocess.run(
                [st, "--config-file", str(HERE / "schemathesis.toml"), "run",
                 str(ROOT / "docs/openapi.json"), "--url", base,
                 "--max-time", args.max_time, "--workers", "1",
                 "--seed", os.environ.get("RATHAUS_SCHEMATHESIS_SEED", "1")],
                env=st_env, cwd=tmp,
            )
            return result.returncode
        finally:
            server.terminate()
            server.wait(timeout=10)
            log.close()
            if server.returncode not in (0, -15):
                print((Path(tmp) / "server.log").read_text(), file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
