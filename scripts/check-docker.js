#!/usr/bin/env node
/**
 * `npm run check:docker`: checks the Dockerfile, docker-compose.yml and
 * .dockerignore without a Docker engine (rules in scripts/lib/docker-checks.js):
 * services, worker modes, ports, health checks, depends_on conditions, env_file,
 * every variable the compose file uses documented in .env.example, a multi-stage
 * build running as a non-root user from .medusa/server. Exits 1 on any problem.
 */
const fs = require("node:fs")
const path = require("node:path")
const YAML = require("yaml")
const { checkCompose, checkDockerfile, checkDockerignore, envFileNames } = require("./lib/docker-checks")

const ROOT = path.resolve(__dirname, "..")
const read = (name) => fs.readFileSync(path.join(ROOT, name), "utf8")

function main() {
  const composeText = read("docker-compose.yml")
  const document = YAML.parseDocument(composeText)
  if (document.errors.length) {
    process.stderr.write(`[check-docker] docker-compose.yml does not parse: ${document.errors.map((e) => e.message).join("; ")}\n`)
    process.exit(1)
  }
  const problems = [
    ...checkCompose(document.toJS(), composeText, envFileNames(read(".env.example"))).map((p) => ({ file: "docker-compose.yml", ...p })),
    ...checkDockerfile(read("Dockerfile")).map((p) => ({ file: "Dockerfile", ...p })),
    ...checkDockerignore(read(".dockerignore")).map((p) => ({ file: ".dockerignore", ...p })),
  ]
  for (const { file, rule, message } of problems) {
    process.stderr.write(`[check-docker] ${file}: ${message} (${rule})\n`)
  }
  if (problems.length) {
    process.stderr.write(`[check-docker] ${problems.length} problem(s)\n`)
    process.exit(1)
  }
  process.stdout.write("[check-docker] Dockerfile, docker-compose.yml and .dockerignore: all checks passed\n")
}

try {
  main()
} catch (error) {
  process.stderr.write(`[check-docker] ${error.stack ?? error}\n`)
  process.exit(1)
}
