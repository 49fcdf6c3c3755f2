const fs = require("node:fs")
const path = require("node:path")
const YAML = require("yaml")
const {
  checkCompose,
  checkDockerfile,
  checkDockerignore,
  envFileNames,
  interpolatedVariables,
  parseDockerfile,
} = require("../lib/docker-checks")

const ROOT = path.join(__dirname, "..", "..")
const read = (name) => fs.readFileSync(path.join(ROOT, name), "utf8")
const rules = (problems) => [...new Set(problems.map((p) => p.rule))]

/** `text` with `from` replaced; throws when `from` is absent, so a mutation can never silently not happen. */
function replaceOnce(text, from, to) {
  if (!text.includes(from)) {
    throw new Error(`fixture does not contain ${JSON.stringify(from)}`)
  }
  return text.replace(from, to)
}

describe("the repository's Docker files", () => {
  it("pass every check", () => {
    const composeText = read("docker-compose.yml")
    expect(checkCompose(YAML.parse(composeText), composeText, envFileNames(read(".env.example")))).toEqual([])
    expect(checkDockerfile(read("Dockerfile"))).toEqual([])
    expect(checkDockerignore(read(".dockerignore"))).toEqual([])
  })
})

describe("checkCompose", () => {
  const DB = "postgres://medusa:${POSTGRES_PASSWORD:-medusa}@postgres:5432/medusa?sslmode=disable"
  const app = (mode, extra = {}) => ({
    build: ".",
    image: "store:local",
    env_file: ".env",
    environment: { DATABASE_URL: DB, REDIS_URL: "redis://redis:6379", MEDUSA_WORKER_MODE: mode },
    healthcheck: { test: ["CMD", "node", "-e", "fetch('http://127.0.0.1:9000/health')"] },
    depends_on: { postgres: { condition: "service_healthy" }, redis: { condition: "service_healthy" } },
    ...extra,
  })
  const valid = () => ({
    services: {
      postgres: { image: "postgres:16", healthcheck: { test: ["CMD-SHELL", "pg_isready"] } },
      redis: { image: "redis:7", healthcheck: { test: ["CMD", "redis-cli", "ping"] } },
      server: app("server", { ports: ["9000:9000"] }),
      worker: app("worker"),
    },
  })
  const TEXT = `DATABASE_URL: ${DB}`
  const DOCUMENTED = new Set(["DATABASE_URL", "REDIS_URL", "MEDUSA_WORKER_MODE", "POSTGRES_PASSWORD"])
  const check = (compose, { text = TEXT, documented = DOCUMENTED } = {}) => rules(checkCompose(compose, text, documented))

  it("accepts a complete stack", () => {
    expect(check(valid())).toEqual([])
  })

  it("compose.services: a required service is missing", () => {
    const compose = valid()
    delete compose.services.redis
    expect(check(compose)).toEqual(["compose.services"])
  })

  it("compose.worker-mode: the worker is not in worker mode", () => {
    const compose = valid()
    compose.services.worker.environment.MEDUSA_WORKER_MODE = "shared"
    expect(check(compose)).toEqual(["compose.worker-mode"])
  })

  it("compose.worker-mode: the list form of environment is read too", () => {
    const compose = valid()
    compose.services.server.environment = [`DATABASE_URL=${DB}`, "REDIS_URL=redis://redis:6379", "MEDUSA_WORKER_MODE=worker"]
    expect(check(compose)).toEqual(["compose.worker-mode"])
  })

  it("compose.env-file: the server does not read .env", () => {
    const compose = valid()
    delete compose.services.server.env_file
    expect(check(compose)).toEqual(["compose.env-file"])
  })

  it("compose.ports: the server does not publish 9000", () => {
    const compose = valid()
    compose.services.server.ports = ["9000:8080"]
    expect(check(compose)).toEqual(["compose.ports"])
  })

  it("compose.ports: the worker publishes a port", () => {
    const compose = valid()
    compose.services.worker.ports = [{ target: 9000, published: 9001 }]
    expect(check(compose)).toEqual(["compose.ports"])
  })

  it("compose.healthcheck: a backing service has none", () => {
    const compose = valid()
    delete compose.services.redis.healthcheck
    expect(check(compose)).toEqual(["compose.healthcheck"])
  })

  it("compose.healthcheck: a disabled or NONE healthcheck does not count", () => {
    const compose = valid()
    compose.services.postgres.healthcheck = { disable: true }
    compose.services.redis.healthcheck = { test: ["NONE"] }
    expect(checkCompose(compose, TEXT, DOCUMENTED).map((p) => p.message)).toEqual([
      "postgres: needs a healthcheck",
      "redis: needs a healthcheck",
    ])
  })

  it("compose.healthcheck: the worker's healthcheck does not call /health", () => {
    const compose = valid()
    compose.services.worker.healthcheck = { test: ["CMD", "true"] }
    expect(check(compose)).toEqual(["compose.healthcheck"])
  })

  it("compose.depends-on: the short form has no conditions", () => {
    const compose = valid()
    compose.services.worker.depends_on = ["postgres", "redis"]
    expect(check(compose)).toEqual(["compose.depends-on"])
  })

  it("compose.depends-on: the server starts before PostgreSQL is healthy", () => {
    const compose = valid()
    compose.services.server.depends_on.postgres.condition = "service_started"
    expect(check(compose)).toEqual(["compose.depends-on"])
  })

  it("compose.same-image: the worker runs another image", () => {
    const compose = valid()
    compose.services.worker.image = "store:other"
    expect(check(compose)).toEqual(["compose.same-image"])
  })

  it("compose.env-documented: an interpolated ${VAR} is not in .env.example", () => {
    expect(check(valid(), { text: `${TEXT}\n    image: store:\${IMAGE_TAG:-local}` })).toEqual(["compose.env-documented"])
  })

  it("compose.env-documented: an app service's environment key is not in .env.example", () => {
    const compose = valid()
    compose.services.worker.environment.SECRET_THING = "x"
    expect(check(compose)).toEqual(["compose.env-documented"])
  })

  it("compose.env-documented: POSTGRES_PASSWORD removed from .env.example", () => {
    const documented = new Set([...DOCUMENTED].filter((name) => name !== "POSTGRES_PASSWORD"))
    expect(check(valid(), { documented })).toEqual(["compose.env-documented"])
  })

  it("compose.database-ssl: the compose database URL does not turn TLS off", () => {
    const compose = valid()
    compose.services.server.environment.DATABASE_URL = DB.replace("?sslmode=disable", "")
    expect(check(compose)).toEqual(["compose.database-ssl"])
  })
})

describe("checkDockerfile", () => {
  const VALID = [
    "# syntax=docker/dockerfile:1",
    "FROM node:20-bookworm-slim AS build",
    "WORKDIR /app",
    "COPY . .",
    "RUN npm ci && \\",
    "    npx medusa build",
    "",
    "FROM node:20-bookworm-slim AS runtime",
    "ENV NODE_ENV=production \\",
    "    PORT=9000",
    "WORKDIR /app/.medusa/server",
    "USER node",
    "COPY --from=build /app/.medusa/server ./",
    "RUN npm ci --omit=dev",
    "EXPOSE 9000",
    'HEALTHCHECK --interval=10s CMD ["node", "-e", "fetch(\'http://127.0.0.1:9000/health\')"]',
    'CMD ["node_modules/.bin/medusa", "start"]',
  ].join("\n")
  const check = (text) => rules(checkDockerfile(text))

  it("accepts a two-stage build running as node from .medusa/server", () => {
    expect(check(VALID)).toEqual([])
  })

  it("parses stages, continuation lines and ENV lists", () => {
    const stages = parseDockerfile(VALID)
    expect(stages.map((s) => [s.from, s.name])).toEqual([
      ["node:20-bookworm-slim", "build"],
      ["node:20-bookworm-slim", "runtime"],
    ])
    expect(stages[0].instructions.find((i) => i.keyword === "RUN").args).toBe("npm ci &&  npx medusa build")
    expect(stages[1].instructions[0]).toEqual({ keyword: "ENV", args: "NODE_ENV=production  PORT=9000" })
  })

  it("dockerfile.multi-stage: one stage only", () => {
    const single = VALID.slice(VALID.indexOf("FROM node:20-bookworm-slim AS runtime"))
    expect(check(single)).toEqual(["dockerfile.multi-stage"])
  })

  it("dockerfile.multi-stage: no stage runs medusa build", () => {
    expect(check(replaceOnce(VALID, "npx medusa build", "npx tsc"))).toEqual(["dockerfile.multi-stage"])
  })

  it("dockerfile.node-env: the runtime stage is not production", () => {
    expect(check(replaceOnce(VALID, "NODE_ENV=production", "NODE_ENV=development"))).toEqual(["dockerfile.node-env"])
  })

  it("dockerfile.workdir: the runtime runs from the repository root", () => {
    expect(check(replaceOnce(VALID, "WORKDIR /app/.medusa/server", "WORKDIR /app"))).toEqual(["dockerfile.workdir"])
  })

  it("dockerfile.prod-deps: the runtime installs dev dependencies", () => {
    expect(check(replaceOnce(VALID, "RUN npm ci --omit=dev", "RUN npm ci"))).toEqual(["dockerfile.prod-deps"])
  })

  it("dockerfile.non-root: USER root, or no USER at all", () => {
    expect(check(replaceOnce(VALID, "USER node", "USER root:root"))).toEqual(["dockerfile.non-root"])
    expect(check(replaceOnce(VALID, "USER node\n", ""))).toEqual(["dockerfile.non-root"])
  })

  it("dockerfile.non-root: a USER in the build stage does not count for the runtime", () => {
    const text = replaceOnce(replaceOnce(VALID, "USER node\n", ""), "WORKDIR /app\n", "WORKDIR /app\nUSER node\n")
    expect(check(text)).toEqual(["dockerfile.non-root"])
  })

  it("dockerfile.healthcheck: none, or HEALTHCHECK NONE", () => {
    const line = VALID.split("\n").find((l) => l.startsWith("HEALTHCHECK"))
    expect(check(replaceOnce(VALID, line, ""))).toEqual(["dockerfile.healthcheck"])
    expect(check(replaceOnce(VALID, line, "HEALTHCHECK NONE"))).toEqual(["dockerfile.healthcheck"])
  })

  it("dockerfile.signals: npx, npm, a shell or the shell form between Docker and Medusa", () => {
    const cmd = 'CMD ["node_modules/.bin/medusa", "start"]'
    for (const bad of [
      'CMD ["npx", "medusa", "start"]',
      'CMD ["npm", "start"]',
      'CMD ["sh", "-c", "medusa db:migrate && medusa start"]',
      "CMD node_modules/.bin/medusa start",
    ]) {
      expect(check(replaceOnce(VALID, cmd, bad))).toEqual(["dockerfile.signals"])
    }
    expect(check(replaceOnce(VALID, cmd, 'CMD ["node", "node_modules/@medusajs/cli/cli.js", "start"]'))).toEqual([])
  })

  it("dockerfile.expose: port 9000 is not exposed", () => {
    expect(check(replaceOnce(VALID, "EXPOSE 9000", "EXPOSE 8080"))).toEqual(["dockerfile.expose"])
  })
})

describe("checkDockerignore", () => {
  const VALID = "# comment\nnode_modules\n/.medusa/\n.data\n.env\n.env.*\n!.env.example\n.git\n"

  it("accepts the required entries (leading and trailing slashes allowed)", () => {
    expect(checkDockerignore(VALID)).toEqual([])
  })

  it("dockerignore.entries: .env would be sent to the build", () => {
    const problems = checkDockerignore(replaceOnce(VALID, "\n.env\n", "\n"))
    expect(rules(problems)).toEqual(["dockerignore.entries"])
    expect(problems[0].message).toContain(".env")
  })
})

describe("variables", () => {
  it("finds ${VAR}, ${VAR:-default}, ${VAR?error} and $VAR, not $$ESCAPED", () => {
    const text = "a: ${ONE}\nb: ${TWO:-x}\nc: ${THREE?required}\nd: $FOUR/x\ne: $$NOT_ME"
    expect([...interpolatedVariables(text)].sort()).toEqual(["FOUR", "ONE", "THREE", "TWO"])
  })

  it("reads the names of a .env file, commented lines left out", () => {
    expect([...envFileNames("# A=1\nB=\nexport C=3\n  D = 4\nnot a line\n")]).toEqual(["B", "C", "D"])
  })
})
