# Production image: `medusa build` in a build stage, then only the built server
# (.medusa/server) with its production dependencies, run as the unprivileged
# `node` user. One image, two roles: MEDUSA_WORKER_MODE=server (HTTP API and
# dashboard) or worker (subscribers, scheduled jobs, workflows). See
# docker-compose.yml; checked statically by scripts/check-docker.js.

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx medusa build

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=9000 \
    MEDUSA_DISABLE_TELEMETRY=true
WORKDIR /app/.medusa/server
RUN chown node:node /app/.medusa/server
USER node
# The build output carries its own package.json and package-lock.json; data/ is
# the catalog and FX defaults the seed reads.
COPY --chown=node:node --from=build /app/.medusa/server ./
COPY --chown=node:node --from=build /app/data ./data
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
EXPOSE 9000
HEALTHCHECK --interval=10s --timeout=5s --start-period=120s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 9000) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Exec form with no npm, npx or shell in between, so SIGTERM (docker stop)
# reaches Medusa: it stops accepting connections, finishes in-flight requests
# and running jobs, and exits 0.
CMD ["node_modules/.bin/medusa", "start"]
