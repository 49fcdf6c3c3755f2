import { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { readFileSync, writeFileSync } from "node:fs"
import path from "node:path"
import { env } from "../config"
import { importCatalog } from "../lib/catalog/import"
import { parseCatalog } from "../lib/catalog/validate"
import { ensureAdminUser } from "../lib/setup/admin-user"
import { ensureFxDefaults } from "../lib/setup/fx-defaults"
import { setupStore } from "../lib/setup/store"

const readJson = (file: string) => JSON.parse(readFileSync(file, "utf8"))

/**
 * `npm run seed` (medusa exec): store setup, default FX rates, the first admin
 * and the catalog import, all idempotent. Args: [catalog file] [state file].
 */
export default async function seed({ container, args }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const catalogFile = path.resolve(args[0] ?? "data/catalog.json")
  // Validate the whole file before writing anything.
  const catalog = parseCatalog(readJson(catalogFile))

  const setup = await setupStore(container)
  const rates = await ensureFxDefaults(container, readJson(path.resolve("data/fx-defaults.json")))
  if (rates) {
    logger.info(`Seeded ${rates} default FX rate(s)`)
  }
  const admin = await ensureAdminUser(container, {
    email: env.ADMIN_EMAIL,
    password: env.ADMIN_PASSWORD,
  })
  if (admin.created) {
    logger.info(
      admin.generated_password
        ? `Admin user created: ${admin.email} / ${admin.generated_password} (shown once: change it in the dashboard)`
        : `Admin user created: ${admin.email}`
    )
  }
  const interactive = process.stdout.isTTY
  const report = await importCatalog(container, catalog, {
    target: setup,
    onProgress: (done, total) => {
      if (interactive) {
        process.stdout.write(`\rImporting catalog ${done}/${total}`)
      }
    },
  })
  if (interactive) {
    process.stdout.write("\n")
  }
  logger.info(`Catalog ${path.relative(process.cwd(), catalogFile)}: ${JSON.stringify(report)}`)
  logger.info(`Publishable API key: ${setup.publishable_key}`)
  if (args[1]) {
    writeFileSync(args[1], JSON.stringify({ publishable_key: setup.publishable_key }, null, 2))
  }
}
