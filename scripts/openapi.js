#!/usr/bin/env node
/**
 * `npm run openapi`: writes openapi.json, the OpenAPI 3.1 document of the
 * routes this project adds, generated from their zod validators
 * (src/api/openapi/registry.ts). `--check` only compares and exits 1 when
 * the committed file is out of date.
 */
const fs = require("node:fs")
const path = require("node:path")

require("ts-node").register({ transpileOnly: true })
const { buildOpenApiDocument } = require("../src/api/openapi/registry")

const ROOT = path.resolve(__dirname, "..")
const target = path.join(ROOT, "openapi.json")
const text = `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`

if (process.argv.includes("--check")) {
  const current = fs.existsSync(target) ? fs.readFileSync(target, "utf8") : ""
  if (current !== text) {
    process.stderr.write("openapi.json is out of date: run `npm run openapi` and commit it\n")
    process.exit(1)
  }
  process.stdout.write("openapi.json is up to date\n")
} else {
  fs.writeFileSync(target, text)
  process.stdout.write(`Wrote ${path.relative(process.cwd(), target)}\n`)
}
