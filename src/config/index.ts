import { loadEnv } from "@medusajs/framework/utils"
import { parseEnv } from "./env"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

export const env = parseEnv()
export { parseEnv, productionProblems } from "./env"
export type { Env } from "./env"
