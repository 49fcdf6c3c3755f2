import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"

/** Swagger UI for /docs/openapi.json, from swagger-ui-dist's files under /docs/assets. */
const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Naira &amp; Dollar Store API</title>
  <link rel="stylesheet" href="/docs/assets/swagger-ui.css">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/docs/assets/swagger-ui-bundle.js"></script>
  <script>
    window.ui = SwaggerUIBundle({ url: "/docs/openapi.json", dom_id: "#swagger-ui", deepLinking: true })
  </script>
</body>
</html>
`

/** Open in development; in production `middlewares.ts` lets only admins through. */
export const GET = async (_req: MedusaRequest, res: MedusaResponse) => {
  res.type("html").send(PAGE)
}
