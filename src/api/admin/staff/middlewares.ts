import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { GetAdminStaffParams, PostAdminStaffRole } from "./validators"

export const adminStaffMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/staff",
    middlewares: [
      validateAndTransformQuery(GetAdminStaffParams, {
        defaults: ["id", "email", "first_name", "last_name", "created_at"],
        isList: true,
      }),
    ],
  },
  {
    methods: ["POST"],
    matcher: "/admin/staff/:user_id/role",
    middlewares: [validateAndTransformBody(PostAdminStaffRole)],
  },
]
