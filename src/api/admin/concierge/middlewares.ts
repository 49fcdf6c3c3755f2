import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { listConversationsQueryConfig } from "./query-config"
import {
  GetAdminConversationParams,
  GetAdminConversationsParams,
  PostAdminConversationAction,
  PostAdminConversationAssign,
  PostAdminConversationMessage,
} from "./validators"

/** Staff access (admin, support, concierge) is checked by the staff guard's `concierge` permission. */
export const adminConciergeMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/concierge/conversations",
    middlewares: [validateAndTransformQuery(GetAdminConversationsParams, listConversationsQueryConfig)],
  },
  {
    methods: ["GET"],
    matcher: "/admin/concierge/conversations/:id",
    middlewares: [validateAndTransformQuery(GetAdminConversationParams, {})],
  },
  {
    methods: ["POST"],
    matcher: "/admin/concierge/conversations/:id/messages",
    middlewares: [validateAndTransformBody(PostAdminConversationMessage)],
  },
  {
    methods: ["GET"],
    matcher: "/admin/concierge/conversations/:id/messages/:message_id/media",
    middlewares: [validateAndTransformQuery(GetAdminConversationParams, {})],
  },
  {
    methods: ["POST"],
    matcher: "/admin/concierge/conversations/:id/assign",
    middlewares: [validateAndTransformBody(PostAdminConversationAssign)],
  },
  ...["resolve", "read"].map((action) => ({
    methods: ["POST" as const],
    matcher: `/admin/concierge/conversations/:id/${action}`,
    middlewares: [validateAndTransformBody(PostAdminConversationAction)],
  })),
]
