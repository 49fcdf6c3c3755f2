import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { listBroadcastsQueryConfig, listRecipientsQueryConfig } from "./query-config"
import {
  GetAdminBroadcastParams,
  GetAdminBroadcastRecipientsParams,
  GetAdminBroadcastsParams,
  PostAdminBroadcast,
  PostAdminBroadcastAction,
  PostAdminBroadcastPreview,
} from "./validators"

export const adminBroadcastsMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/broadcasts",
    middlewares: [validateAndTransformQuery(GetAdminBroadcastsParams, listBroadcastsQueryConfig)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/broadcasts",
    middlewares: [validateAndTransformBody(PostAdminBroadcast)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/broadcasts/preview",
    middlewares: [validateAndTransformBody(PostAdminBroadcastPreview)],
  },
  {
    methods: ["GET"],
    matcher: "/admin/broadcasts/:id",
    middlewares: [validateAndTransformQuery(GetAdminBroadcastParams, {})],
  },
  {
    methods: ["GET"],
    matcher: "/admin/broadcasts/:id/recipients",
    middlewares: [validateAndTransformQuery(GetAdminBroadcastRecipientsParams, listRecipientsQueryConfig)],
  },
  ...["send", "cancel", "test"].map((action) => ({
    methods: ["POST" as const],
    matcher: `/admin/broadcasts/:id/${action}`,
    middlewares: [validateAndTransformBody(PostAdminBroadcastAction)],
  })),
]
