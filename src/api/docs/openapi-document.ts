import { buildOpenApiDocument } from "../openapi/registry"

let document: ReturnType<typeof buildOpenApiDocument> | undefined

/** The OpenAPI document, built from the registry on first use. */
export const openApiDocument = () => (document ??= buildOpenApiDocument())
