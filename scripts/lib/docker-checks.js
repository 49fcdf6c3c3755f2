/**
 * Static checks of the Dockerfile, docker-compose.yml and .dockerignore (no
 * Docker engine needed), used by scripts/check-docker.js. Each check returns
 * a list of problems `{ rule, message }`; an empty list means it holds.
 * Unit tests: scripts/__tests__/docker-checks.unit.spec.js.
 */

/** Services the stack must have. */
const REQUIRED_SERVICES = ["postgres", "redis", "server", "worker"]
/** The app's processes: one image, two roles. */
const APP_ROLES = { server: "server", worker: "worker" }
const APP_PORT = 9000
const DOCKERIGNORE_REQUIRED = ["node_modules", ".medusa", ".data", ".env", ".git"]

const problem = (rule, message) => ({ rule, message })

// --- .env.example --------------------------------------------------------

/** Names assigned in a .env file (`NAME=value`, comments and blank lines skipped). */
function envFileNames(text) {
  const names = new Set()
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=/.exec(line)
    if (match) {
      names.add(match[1])
    }
  }
  return names
}

// --- docker-compose.yml ----------------------------------------------------

/** Variables compose interpolates: `${NAME}`, `${NAME:-default}`, `${NAME?err}`, `$NAME` (not `$$`). */
function interpolatedVariables(text) {
  const names = new Set()
  const pattern = /\$(\$|\{([A-Za-z_][A-Za-z0-9_]*)[^}]*\}|([A-Za-z_][A-Za-z0-9_]*))/g
  for (const match of text.matchAll(pattern)) {
    if (match[1] !== "$") {
      names.add(match[2] ?? match[3])
    }
  }
  return names
}

/** A service's `environment` as an object, whichever of compose's two forms it uses. */
function environmentOf(service) {
  const environment = service?.environment
  if (Array.isArray(environment)) {
    return Object.fromEntries(
      environment.map((entry) => {
        const [name, ...value] = String(entry).split("=")
        return [name, value.length ? value.join("=") : undefined]
      })
    )
  }
  return environment && typeof environment === "object" ? environment : {}
}

/** `env_file` as a list of paths (string, list of strings or list of `{ path }`). */
function envFilesOf(service) {
  const files = service?.env_file
  const list = files === undefined ? [] : Array.isArray(files) ? files : [files]
  return list.map((entry) => (typeof entry === "string" ? entry : entry?.path)).filter(Boolean)
}

/** Container ports a service publishes (`"9000:9000"`, `"127.0.0.1:9000:9000/tcp"`, `{ target: 9000 }`). */
function publishedContainerPorts(service) {
  return (service?.ports ?? []).map((entry) => {
    if (typeof entry === "object" && entry !== null) {
      return Number(entry.target)
    }
    const withoutProtocol = String(entry).split("/")[0]
    return Number(withoutProtocol.split(":").pop())
  })
}

/** `depends_on` as `{ name: condition | undefined }` (the short list form has no conditions). */
function dependenciesOf(service) {
  const dependsOn = service?.depends_on
  if (Array.isArray(dependsOn)) {
    return Object.fromEntries(dependsOn.map((name) => [name, undefined]))
  }
  if (dependsOn && typeof dependsOn === "object") {
    return Object.fromEntries(Object.entries(dependsOn).map(([name, options]) => [name, options?.condition]))
  }
  return {}
}

const healthcheckText = (service) => {
  const check = service?.healthcheck
  if (!check || check.disable === true) {
    return ""
  }
  const test = Array.isArray(check.test) ? check.test.join(" ") : String(check.test ?? "")
  return /^NONE\b/.test(test.trim()) ? "" : test
}

/** Where a service's image comes from, to compare the server and the worker. */
const imageSource = (service) => JSON.stringify({ build: service?.build ?? null, image: service?.image ?? null })

/**
 * Checks the parsed compose file. `text` is the file as written (for `${VAR}`),
 * `envExample` the names in .env.example.
 */
function checkCompose(compose, text, envExample) {
  const problems = []
  const services = compose?.services ?? {}

  const missing = REQUIRED_SERVICES.filter((name) => !services[name])
  if (missing.length) {
    problems.push(problem("compose.services", `missing service(s): ${missing.join(", ")}`))
  }

  for (const [name, mode] of Object.entries(APP_ROLES)) {
    const service = services[name]
    if (!service) {
      continue
    }
    const actual = environmentOf(service).MEDUSA_WORKER_MODE
    if (String(actual) !== mode) {
      problems.push(problem("compose.worker-mode", `${name}: environment MEDUSA_WORKER_MODE must be "${mode}" (is ${actual ?? "unset"})`))
    }
    if (!envFilesOf(service).includes(".env")) {
      problems.push(problem("compose.env-file", `${name}: env_file must include .env`))
    }
  }

  if (services.server && !publishedContainerPorts(services.server).includes(APP_PORT)) {
    problems.push(problem("compose.ports", `server: must publish container port ${APP_PORT}`))
  }
  if (services.worker && publishedContainerPorts(services.worker).length) {
    problems.push(problem("compose.ports", "worker: must not publish ports (it serves no API)"))
  }

  for (const name of REQUIRED_SERVICES) {
    if (!services[name]) {
      continue
    }
    const test = healthcheckText(services[name])
    if (!test) {
      problems.push(problem("compose.healthcheck", `${name}: needs a healthcheck`))
    } else if (APP_ROLES[name] && !test.includes("/health")) {
      problems.push(problem("compose.healthcheck", `${name}: the healthcheck must call /health`))
    }
  }

  for (const [name, service] of Object.entries(services)) {
    for (const [dependency, condition] of Object.entries(dependenciesOf(service))) {
      if (!condition) {
        problems.push(problem("compose.depends-on", `${name}: depends_on ${dependency} needs a condition`))
      }
    }
  }
  for (const name of Object.keys(APP_ROLES)) {
    const dependencies = dependenciesOf(services[name])
    for (const backing of ["postgres", "redis"]) {
      if (services[name] && dependencies[backing] !== "service_healthy") {
        problems.push(problem("compose.depends-on", `${name}: must depend on ${backing} with condition service_healthy`))
      }
    }
  }

  if (services.server && services.worker && imageSource(services.server) !== imageSource(services.worker)) {
    problems.push(problem("compose.same-image", "server and worker must run the same image (same build and image)"))
  }

  const used = new Set(interpolatedVariables(text))
  const server = services.server && imageSource(services.server)
  for (const service of Object.values(services)) {
    if (server && imageSource(service) === server) {
      Object.keys(environmentOf(service)).forEach((name) => used.add(name))
    }
  }
  const undocumented = [...used].filter((name) => !envExample.has(name)).sort()
  if (undocumented.length) {
    problems.push(problem("compose.env-documented", `not in .env.example: ${undocumented.join(", ")}`))
  }

  // Medusa turns TLS on for any database host but localhost unless the URL opts out.
  for (const [name, service] of Object.entries(services)) {
    const url = environmentOf(service).DATABASE_URL
    if (typeof url === "string" && /@postgres[:/]/.test(url) && !/[?&]sslmode=disable\b/.test(url)) {
      problems.push(problem("compose.database-ssl", `${name}: DATABASE_URL to the compose postgres needs ?sslmode=disable`))
    }
  }
  return problems
}

// --- Dockerfile ------------------------------------------------------------

/**
 * The Dockerfile as stages of instructions: continuation lines joined,
 * comments and parser directives dropped. `{ from, name, instructions: [{ keyword, args }] }`.
 */
function parseDockerfile(text) {
  const logical = []
  let current = ""
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim()
    if (!current && (line === "" || line.startsWith("#"))) {
      continue
    }
    if (current && line.startsWith("#")) {
      continue
    }
    if (line.endsWith("\\")) {
      current += `${line.slice(0, -1)} `
      continue
    }
    logical.push(current + line)
    current = ""
  }
  if (current.trim()) {
    logical.push(current.trim())
  }
  const stages = []
  for (const line of logical) {
    const [, keyword = "", args = ""] = /^(\S+)\s*(.*)$/.exec(line) ?? []
    const instruction = { keyword: keyword.toUpperCase(), args: args.trim() }
    if (instruction.keyword === "FROM") {
      const [, image = "", name] = /^(?:--\S+\s+)*(\S+)(?:\s+AS\s+(\S+))?/i.exec(instruction.args) ?? []
      stages.push({ from: image, name, instructions: [] })
    } else if (stages.length) {
      stages[stages.length - 1].instructions.push(instruction)
    }
  }
  return stages
}

const argsOf = (stage, keyword) => stage.instructions.filter((i) => i.keyword === keyword).map((i) => i.args)

/** `ENV A=1 B=2` and the legacy `ENV A 1` as an object. */
function envOf(stage) {
  const env = {}
  for (const args of argsOf(stage, "ENV")) {
    if (/^[A-Za-z_][A-Za-z0-9_]*\s+[^=]*$/.test(args) && !args.includes("=")) {
      const [name, ...value] = args.split(/\s+/)
      env[name] = value.join(" ")
      continue
    }
    for (const match of args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("([^"]*)"|'([^']*)'|(\S*))/g)) {
      env[match[1]] = match[3] ?? match[4] ?? match[5]
    }
  }
  return env
}

/** An exec-form (JSON array) argument list, or undefined for the shell form. */
function execForm(args) {
  try {
    const parsed = JSON.parse(args)
    return Array.isArray(parsed) ? parsed.map(String) : undefined
  } catch {
    return undefined
  }
}

function checkDockerfile(text) {
  const problems = []
  const stages = parseDockerfile(text)
  if (stages.length < 2) {
    problems.push(problem("dockerfile.multi-stage", "needs a build stage and a runtime stage (two or more FROM)"))
  }
  const builds = stages.slice(0, -1).some((stage) => argsOf(stage, "RUN").some((run) => /\bmedusa build\b/.test(run)))
  if (!builds) {
    problems.push(problem("dockerfile.multi-stage", "a stage before the runtime stage must RUN `medusa build`"))
  }
  const runtime = stages[stages.length - 1] ?? { instructions: [] }

  if (envOf(runtime).NODE_ENV !== "production") {
    problems.push(problem("dockerfile.node-env", "the runtime stage must set ENV NODE_ENV=production"))
  }

  const workdirs = argsOf(runtime, "WORKDIR")
  const workdir = workdirs[workdirs.length - 1] ?? ""
  if (!/(^|\/)\.medusa\/server\/?$/.test(workdir)) {
    problems.push(problem("dockerfile.workdir", `the runtime WORKDIR must be the built .medusa/server (is ${workdir || "unset"})`))
  }

  if (!argsOf(runtime, "RUN").some((run) => /\bnpm ci\b/.test(run) && /--omit[= ]dev\b/.test(run))) {
    problems.push(problem("dockerfile.prod-deps", "the runtime stage must RUN `npm ci --omit=dev` in .medusa/server"))
  }

  const users = argsOf(runtime, "USER")
  const user = (users[users.length - 1] ?? "").split(":")[0]
  if (!user || user === "root" || user === "0") {
    problems.push(problem("dockerfile.non-root", `the runtime stage must switch to a non-root USER (is ${user || "root"})`))
  }

  const healthchecks = argsOf(runtime, "HEALTHCHECK")
  if (!healthchecks.some((check) => !/^NONE\b/i.test(check) && check.includes("/health"))) {
    problems.push(problem("dockerfile.healthcheck", "the runtime stage needs a HEALTHCHECK on /health"))
  }

  const commands = [...argsOf(runtime, "ENTRYPOINT"), ...argsOf(runtime, "CMD")]
  const command = commands.length ? execForm(commands[commands.length - 1]) : undefined
  const program = command?.[0]?.split("/").pop()
  if (!command || !["medusa", "node"].includes(program ?? "") || !command.includes("start")) {
    problems.push(
      problem(
        "dockerfile.signals",
        "CMD must run `medusa start` in exec form without npm, npx or a shell, so SIGTERM reaches Medusa"
      )
    )
  }

  if (!argsOf(runtime, "EXPOSE").some((ports) => ports.split(/\s+/).some((p) => Number(p.split("/")[0]) === APP_PORT))) {
    problems.push(problem("dockerfile.expose", `the runtime stage must EXPOSE ${APP_PORT}`))
  }
  return problems
}

// --- .dockerignore -----------------------------------------------------------

function checkDockerignore(text) {
  const entries = new Set(
    text
      .split(/\r?\n/)
      .map((line) => line.trim().replace(/^\/+|\/+$/g, ""))
      .filter((line) => line && !line.startsWith("#"))
  )
  const missing = DOCKERIGNORE_REQUIRED.filter((entry) => !entries.has(entry))
  return missing.length
    ? [problem("dockerignore.entries", `.dockerignore must leave out ${missing.join(", ")} (secrets, local data, host builds)`)]
    : []
}

module.exports = {
  checkCompose,
  checkDockerfile,
  checkDockerignore,
  envFileNames,
  interpolatedVariables,
  parseDockerfile,
}
