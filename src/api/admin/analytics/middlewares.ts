import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import {
  GetAdminAnalyticsSnapshotsParams,
  GetAdminAnalyticsSummaryParams,
  PostAdminAnalyticsSnapshot,
} from "./validators"

export const adminAnalyticsMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/analytics/snapshots",
    middlewares: [validateAndTransformQuery(GetAdminAnalyticsSnapshotsParams, {})],
  },
  {
    methods: ["POST"],
    matcher: "/admin/analytics/snapshots",
    middlewares: [validateAndTransformBody(PostAdminAnalyticsSnapshot)],
  },
  {
    methods: ["GET"],
    matcher: "/admin/analytics/summary",
    middlewares: [validateAndTransformQuery(GetAdminAnalyticsSummaryParams, {})],
  },
]
