import { z } from "@medusajs/framework/zod"

const handle = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lowercase kebab-case")
const ngnAmount = z.string().regex(/^\d+(\.\d{1,2})?$/, "must be a decimal string with at most 2 decimals, e.g. \"45000\"")
const usdAmount = z.string().regex(/^\d+(\.\d{1,2})?$/, "must be a decimal string with at most 2 decimals, e.g. \"59.99\"")

export const CatalogVariant = z
  .object({
    sku: z.string().regex(/^[A-Z0-9]+(?:-[A-Z0-9]+)*$/, "must be uppercase letters, digits and dashes"),
    title: z.string().trim().min(1),
    options: z.record(z.string(), z.string().min(1)),
    prices: z
      .object({ ngn: ngnAmount.optional(), usd: usdAmount.optional() })
      .strict()
      .refine((prices) => prices.ngn !== undefined || prices.usd !== undefined, {
        message: "needs an ngn or a usd price",
      }),
    stock: z.number().int().min(0),
  })
  .strict()

export const CatalogProduct = z
  .object({
    handle,
    title: z.string().trim().min(1, "must not be empty"),
    subtitle: z.string().optional(),
    description: z.string().optional(),
    status: z.enum(["published", "draft"]),
    category_handles: z.array(handle).min(1),
    collection_handle: handle.optional(),
    weight: z.number().int().positive().optional(),
    images: z.array(z.string().url()).default([]),
    options: z
      .array(z.object({ title: z.string().trim().min(1), values: z.array(z.string().min(1)).min(1) }).strict())
      .min(1),
    variants: z.array(CatalogVariant).min(1),
  })
  .strict()

export const CatalogFile = z
  .object({
    categories: z.array(
      z
        .object({
          handle,
          name: z.string().trim().min(1),
          parent_handle: handle.nullable().optional(),
          description: z.string().optional(),
        })
        .strict()
    ),
    collections: z.array(z.object({ handle, title: z.string().trim().min(1) }).strict()),
    products: z.array(z.unknown()),
  })
  .strict()

export type CatalogVariantType = z.infer<typeof CatalogVariant>
export type CatalogProductType = z.infer<typeof CatalogProduct>
export type Catalog = Omit<z.infer<typeof CatalogFile>, "products"> & {
  products: CatalogProductType[]
}
