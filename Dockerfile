# Production image: build once, run as server or worker (MEDUSA_WORKER_MODE).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx medusa build

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/.medusa/server ./.medusa/server
COPY --from=build /app/data ./.medusa/server/data
WORKDIR /app/.medusa/server
EXPOSE 9000
# Migrations run from the server container only (see docker-compose.yml).
CMD ["npx", "medusa", "start"]
