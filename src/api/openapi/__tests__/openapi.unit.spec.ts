import { readdirSync, readFileSync } from "node:fs"
import path from "node:path"
import { buildOpenApiDocument } from "../registry"

const API_DIR = path.join(__dirname, "..", "..")
const ROOT = path.join(API_DIR, "..", "..")
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const

/** Every `route.ts` under src/api, as `METHOD /path` the way Medusa's file routing serves it. */
function routesOnDisk(): string[] {
  const found: string[] = []
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory() && entry.name !== "__tests__") {
        visit(full)
      } else if (entry.name === "route.ts") {
        const source = readFileSync(full, "utf8")
        const urlPath =
          "/" +
          path
            .relative(API_DIR, dir)
            .split(path.sep)
            // Medusa's [param] folders: {param} in OpenAPI.
            .map((segment) => segment.replace(/^\[(.+)\]$/, "{$1}"))
            .join("/")
        for (const method of METHODS) {
          if (new RegExp(`export\\s+(const|(async\\s+)?function)\\s+${method}\\b`).test(source)) {
            found.push(`${method} ${urlPath}`)
          }
        }
      }
    }
  }
  visit(API_DIR)
  return found.sort()
}

const operationsOf = (document: { paths?: Record<string, object> }) =>
  Object.entries(document.paths ?? {}).flatMap(([urlPath, item]) =>
    Object.keys(item)
      .filter((key) => (METHODS as readonly string[]).includes(key.toUpperCase()))
      .map((method) => `${method.toUpperCase()} ${urlPath}`)
  )

describe("OpenAPI document", () => {
  const generated = buildOpenApiDocument()

  it("finds the project's routes on disk (the walk itself works)", () => {
    const routes = routesOnDisk()
    expect(routes).toEqual(
      expect.arrayContaining([
        "POST /store/concierge/escalations",
        "GET /store/orders/{id}/tracking",
        "POST /admin/broadcasts/{id}/{action}",
        "GET /metrics",
      ])
    )
    expect(routes.length).toBeGreaterThan(30)
  })

  it("documents every custom route (method and path) found under src/api", () => {
    const documented = new Set(operationsOf(generated))
    const missing = routesOnDisk().filter((route) => !documented.has(route))
    expect(missing).toEqual([])
  })

  it("is OpenAPI 3.1 with request schemas from the validators", () => {
    expect(generated.openapi).toBe("3.1.0")
    const escalation = generated.paths?.["/store/concierge/escalations"]?.post
    const body = (escalation?.requestBody as { content: Record<string, { schema: { required?: string[] } }> })
      .content["application/json"].schema
    expect(body.required).toEqual(["phone", "message"])
    expect(escalation?.responses?.["201"]).toBeDefined()
    expect(generated.paths?.["/store/orders/{id}/tracking"]?.get?.parameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: "id", in: "path", required: true }),
        expect.objectContaining({ name: "token", in: "query" }),
      ])
    )
  })

  it("matches the committed openapi.json (run `npm run openapi` after changing a route)", () => {
    const committed = JSON.parse(readFileSync(path.join(ROOT, "openapi.json"), "utf8"))
    expect(committed).toEqual(JSON.parse(JSON.stringify(generated)))
  })
})
