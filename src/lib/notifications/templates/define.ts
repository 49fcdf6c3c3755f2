import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"

export type RenderedEmail = { subject: string; text: string; html: string }

export type TemplateDefinition<T> = {
  /** The data the template needs; rendering refuses anything else with INVALID_DATA. */
  schema: z.ZodType<T>
  /** Subject, plain text and HTML (every interpolated value escaped). */
  email: (data: T) => RenderedEmail
  /** SMS and WhatsApp: short plain text with at most one link. */
  short: (data: T) => string
}

export type Template = {
  email: (data: unknown) => RenderedEmail
  short: (data: unknown) => string
}

const where = (path: PropertyKey[]) => (path.length ? `${path.map(String).join(".")}: ` : "")

/** A template that checks its data against the schema before rendering. */
export function defineTemplate<T>(name: string, definition: TemplateDefinition<T>): Template {
  const parse = (data: unknown): T => {
    const parsed = definition.schema.safeParse(data)
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `${where(issue.path)}${issue.message}`)
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Template "${name}" data: ${problems.join("; ")}`)
    }
    return parsed.data
  }
  return {
    email: (data) => definition.email(parse(data)),
    short: (data) => definition.short(parse(data)),
  }
}

/** Amounts arrive as Medusa returns them (major units, as a string or number). */
export const amount = z
  .union([z.string(), z.number()])
  .transform((value) => String(value).trim())
  .refine((value) => /^-?\d+(\.\d+)?$/.test(value), { message: "must be a decimal amount" })

/** Lines joined for plain text, blank entries dropped. */
export const lines = (...parts: (string | null | undefined | false)[]) =>
  parts.filter((part): part is string => typeof part === "string").join("\n")
