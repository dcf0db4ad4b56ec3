# dna-api on Debian 12 slim in two stages: the build (compilers, -dev packages,
# npm for the API reference), then the runtime with only the shared libraries
# the binary links, run as a non-root user. tests/containers/check.py checks
# this file against the Makefile and the built binary (there is no Docker
# engine on the build machines).
#   docker compose up --build                      (docker-compose.yml)
#   docker build --build-arg DNA_COMMIT=$(git rev-parse --short=12 HEAD) -t dna-api .
FROM debian:12-slim AS build
RUN apt-get update && apt-get install -y --no-install-recommends \
        gcc make pkg-config libc6-dev libulfius-dev libcurl4-gnutls-dev libjansson-dev libpq-dev \
        libjwt-dev libargon2-dev libmicrohttpd-dev libssl-dev liborcania-dev npm \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY Makefile openapi.yaml ./
COPY scripts ./scripts
COPY src ./src
COPY api ./api
COPY db ./db
COPY docs/ui/package.json docs/ui/package-lock.json docs/ui/index.html docs/ui/dna-docs.js ./docs/ui/
# There is no .git here: `dna-api --version` names the commit given.
ARG DNA_COMMIT=unknown
# The packages are installed above: tell the Makefile not to run apt itself.
# build/docs: the API reference at /docs (Swagger UI from the npm registry).
RUN mkdir -p var && touch var/.deb-installed \
    && make build/dna-api build/docs/index.html DNA_COMMIT="$DNA_COMMIT"

FROM debian:12-slim
# The libraries of `readelf -d dna-api` (NEEDED), and curl for HEALTHCHECK.
RUN apt-get update && apt-get install -y --no-install-recommends \
        libulfius2.7 libjansson4 libpq5 libjwt0 libargon2-1 libssl3 liborcania2.3 libmicrohttpd12 \
        ca-certificates curl \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 dna \
    && useradd --system --uid 10001 --gid dna --no-create-home --shell /usr/sbin/nologin dna
COPY --from=build /src/build/dna-api /usr/local/bin/dna-api
# Found by the binary as ../share/dna-api/docs (DNA_DOCS_DIR's default).
COPY --from=build /src/build/docs /usr/local/share/dna-api/docs
# Numeric, so that a platform can see it is not root (runAsNonRoot).
USER 10001:10001
ENV DNA_BIND=0.0.0.0 DNA_PORT=8080
EXPOSE 8080
# Ready: the database answers and the migrations are current (503 otherwise).
# `docker stop` must wait longer than DNA_SHUTDOWN_GRACE (20 s): docker-compose.yml
# gives 30 s; with `docker run`, pass --stop-timeout 30.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
    CMD curl -fsS -o /dev/null "http://127.0.0.1:${DNA_PORT}/readyz" || exit 1
ENTRYPOINT ["dna-api"]
CMD ["serve"]
