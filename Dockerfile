# dna-api on Debian 12 slim: build stage, then a small runtime image.
FROM debian:12-slim AS build
RUN apt-get update && apt-get install -y --no-install-recommends \
        gcc make pkg-config libc6-dev libulfius-dev libcurl4-gnutls-dev libjansson-dev libpq-dev \
        libjwt-dev libargon2-dev libmicrohttpd-dev npm \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY Makefile openapi.yaml ./
COPY scripts ./scripts
COPY src ./src
COPY api ./api
COPY db ./db
COPY docs/ui/package.json docs/ui/package-lock.json docs/ui/index.html docs/ui/dna-docs.js ./docs/ui/
# The packages are installed above: tell the Makefile not to run apt itself.
# build/docs: the API reference at /docs (Swagger UI from the npm registry).
RUN mkdir -p var && touch var/.deb-installed && make build/dna-api build/docs/index.html

FROM debian:12-slim
RUN apt-get update && apt-get install -y --no-install-recommends \
        libulfius2.7 libjansson4 libpq5 libjwt0 libargon2-1 libmicrohttpd12 ca-certificates curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 dna
COPY --from=build /src/build/dna-api /usr/local/bin/dna-api
# Found by the binary as ../share/dna-api/docs (DNA_DOCS_DIR's default).
COPY --from=build /src/build/docs /usr/local/share/dna-api/docs
USER dna
ENV DNA_BIND=0.0.0.0 DNA_PORT=8080
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s CMD ["curl", "-fsS", "http://127.0.0.1:8080/readyz"]
ENTRYPOINT ["dna-api"]
CMD ["serve"]
