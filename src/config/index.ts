import { loadEnv } from "@medusajs/framework/utils"
import { parseEnv } from "./env"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

export const env = parseEnv()
export { parseEnv, productionProblems } from "./env"
export type { Env } from "./env"

/** Where customers follow links from messages: STOREFRONT_URL, else the first store origin. */
export const storefrontUrl = (): string =>
  (env.STOREFRONT_URL ?? env.STORE_CORS.split(",")[0].trim()).replace(/\/+$/, "")
