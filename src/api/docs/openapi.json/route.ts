import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { openApiDocument } from "../openapi-document"

/** The OpenAPI 3.1 document of this project's routes (what `npm run openapi` writes to openapi.json). */
export const GET = async (_req: MedusaRequest, res: MedusaResponse) => {
  res.json(openApiDocument())
}
