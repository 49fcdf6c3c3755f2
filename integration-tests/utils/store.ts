import { MedusaContainer } from "@medusajs/framework/types"
import { readFileSync } from "node:fs"
import path from "node:path"
import { importCatalog } from "../../src/lib/catalog/import"
import { parseCatalog } from "../../src/lib/catalog/validate"
import { ensureAdminUser } from "../../src/lib/setup/admin-user"
import { ensureFxDefaults } from "../../src/lib/setup/fx-defaults"
import { setupStore, StoreSetup } from "../../src/lib/setup/store"

export const ADMIN = { email: "admin@test.local", password: "correct-horse-battery" }

export const fixturePath = (name: string) => path.join(__dirname, "..", "fixtures", name)
export const readJson = (file: string) => JSON.parse(readFileSync(file, "utf8"))

/** The store as `npm run seed` leaves it, with a small catalog (or the one given). */
export async function seedStore(
  container: MedusaContainer,
  catalogFile = fixturePath("catalog-small.json")
): Promise<StoreSetup> {
  const setup = await setupStore(container)
  await ensureFxDefaults(container, readJson(path.join(__dirname, "..", "..", "data", "fx-defaults.json")))
  await ensureAdminUser(container, ADMIN)
  await importCatalog(container, parseCatalog(readJson(catalogFile)), { target: setup })
  return setup
}

type Api = {
  post: (url: string, body?: unknown, config?: unknown) => Promise<{ data: { token: string } }>
}

export async function adminHeaders(api: Api) {
  const { data } = await api.post("/auth/user/emailpass", ADMIN)
  return { headers: { authorization: `Bearer ${data.token}` } }
}

export const storeHeaders = (setup: StoreSetup) => ({
  headers: { "x-publishable-api-key": setup.publishable_key },
})
