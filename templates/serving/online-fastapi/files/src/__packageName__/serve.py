"""SageMaker's serving entry point: the endpoint starts the container as `<image> serve`.

The image's entry point is `python -m <package>`, so this is `python -m <package> serve`: the
model SageMaker unpacked into /opt/ml/model, `GET /ping` and `POST /invocations` on port 8080,
on every interface (see `hosting.sagemaker`).
"""

from __future__ import annotations

import argparse

import uvicorn

from .hosting import sagemaker
from .service import hosted_app


def main(argv: list[str] | None = None) -> int:
    argparse.ArgumentParser(description="Serve the model as a SageMaker endpoint container.").parse_args(argv)
    hosting = sagemaker()
    uvicorn.run(hosted_app(hosting), host="0.0.0.0", port=hosting.port)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
