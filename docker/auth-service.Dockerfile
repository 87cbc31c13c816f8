# syntax=docker/dockerfile:1
# Production image of auth-service. Build from the repository root:
#   docker build -f docker/auth-service.Dockerfile -t zc/auth-service .
# The app is bundled with esbuild, so the runtime stage holds one folder and no node_modules.

# Only the manifests decide what `npm ci` installs; copying them alone keeps that layer cached
# across source edits (the workspace list changes as libs are added, so they are found, not listed).
FROM node:24-bookworm-slim AS manifests
WORKDIR /src
COPY . .
RUN mkdir /manifests && cp package.json package-lock.json /manifests/ \
 && find apps libs tools -name node_modules -prune -o -name package.json -print \
    | xargs -I{} cp --parents {} /manifests/

FROM node:24-bookworm-slim AS build
WORKDIR /src
COPY --from=manifests /manifests/ ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
COPY . .
RUN npx tsx tools/ops/bundle-app.ts auth-service

FROM node:24-bookworm-slim AS runtime
# The bundle ships a linked source map; Node maps stack traces back to the TypeScript sources.
ENV NODE_ENV=production NODE_OPTIONS=--enable-source-maps HOST=0.0.0.0 PORT=8081
WORKDIR /app
# Left owned by root: the app user can read its code but never rewrite it.
COPY --from=build /src/dist/auth-service/ /app/
# Numeric uid (the image's "node" user) so Kubernetes' runAsNonRoot can verify it without /etc/passwd.
USER 1000:1000
EXPOSE 8081
# Slim images have no curl; Node 20's fetch does the probe. 127.0.0.1 works because HOST is 0.0.0.0.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||8081)+'/healthz',{signal:AbortSignal.timeout(4000)}).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["node", "/app/main.mjs"]
