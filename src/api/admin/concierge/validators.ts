import { createFindParams } from "@medusajs/medusa/api/utils/validators"
import { z } from "@medusajs/framework/zod"
import { CONVERSATION_STATUSES } from "../../../modules/concierge/models/conversation"

const booleanParam = z.preprocess(
  (value) => (value === "true" ? true : value === "false" ? false : value),
  z.boolean().optional()
)

export const GetAdminConversationsParams = createFindParams({ limit: 20, offset: 0 }).extend({
  status: z.union([z.enum(CONVERSATION_STATUSES), z.array(z.enum(CONVERSATION_STATUSES))]).optional(),
  /** A user id, `me` for the caller, or `none` for unassigned. */
  assignee_id: z.string().trim().min(1).optional(),
  unread: booleanParam,
  /** Waiting past the first-response due time with no reply yet. */
  overdue: booleanParam,
  customer_id: z.string().trim().min(1).optional(),
  order_id: z.string().trim().min(1).optional(),
  /** A reference or a phone number (or part of one). */
  q: z.string().trim().min(1).max(50).optional(),
}).strict()
export type GetAdminConversationsParamsType = z.infer<typeof GetAdminConversationsParams>

export const GetAdminConversationParams = z.object({}).strict()

const TEXT_LIMIT = 4096

export const PostAdminConversationMessage = z.union([
  z.object({ text: z.string().trim().min(1).max(TEXT_LIMIT) }).strict(),
  z
    .object({
      /** An approved WhatsApp template's name, e.g. `order_follow_up`. */
      template: z.string().trim().regex(/^[a-z0-9_]{1,512}$/, "must be a template name: lower case, digits and _"),
      language: z.string().trim().regex(/^[a-z]{2,3}(_[A-Z]{2})?$/, "must be a language code like en or en_US").default("en"),
      /** The template body's {{1}}, {{2}}… in order. */
      variables: z.array(z.string().trim().min(1).max(1024)).max(20).default([]),
    })
    .strict(),
])
export type PostAdminConversationMessageType = z.infer<typeof PostAdminConversationMessage>

export const PostAdminConversationAssign = z.object({ user_id: z.string().trim().min(1).nullable() }).strict()
export type PostAdminConversationAssignType = z.infer<typeof PostAdminConversationAssign>

/** `resolve` and `read` take no body. */
export const PostAdminConversationAction = z.object({}).strict()
