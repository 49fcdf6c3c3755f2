import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import path from "node:path"

/** The only files served, from the swagger-ui-dist package. */
const ASSETS = new Map([
  ["swagger-ui.css", "text/css; charset=utf-8"],
  ["swagger-ui-bundle.js", "application/javascript; charset=utf-8"],
])

const ASSET_DIR = path.dirname(require.resolve("swagger-ui-dist/package.json"))

export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const file = req.params.file
  const type = ASSETS.get(file)
  if (!type) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, "Not found")
  }
  res.setHeader("Content-Type", type)
  res.setHeader("Cache-Control", "public, max-age=86400")
  res.sendFile(path.join(ASSET_DIR, file))
}
