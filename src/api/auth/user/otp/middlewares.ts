import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
  MiddlewareRoute,
  validateAndTransformBody,
} from "@medusajs/framework/http"
import { requestOtpWorkflow } from "../../../../workflows/otp/request-otp"
import { PostUserOtp, PostUserOtpType } from "./validators"

/**
 * `{ email }` asks for a code: the answer is the same, and as fast, whether or
 * not the email belongs to a user, because the code is issued and sent after
 * answering. `{ email, code }` goes on to Medusa's auth route, where
 * the `otp` provider checks the code and Medusa issues the token.
 */
async function requestCode(req: MedusaRequest<PostUserOtpType>, res: MedusaResponse, next: MedusaNextFunction) {
  const { email, code } = req.validatedBody
  if (code) {
    req.body = { email, code }
    return checkOneAtATime(req, res, next, email)
  }
  const logger = req.scope.resolve(ContainerRegistrationKeys.LOGGER)
  requestOtpWorkflow(req.scope)
    .run({ input: { email } })
    .catch((error: Error) => logger.error(`Could not send a sign-in code: ${error.message}`))
  res.status(200).json({ sent: true })
}

/**
 * The provider reads the code's state, then writes the tries or the used mark:
 * checks for one email are serialised (across processes with Redis locking) so
 * parallel guesses cannot exceed the 5 tries or use one code twice.
 */
function checkOneAtATime(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction, email: string) {
  const locking = req.scope.resolve(Modules.LOCKING)
  let started = false
  const answered = () =>
    new Promise<void>((resolve) => {
      started = true
      res.once("finish", resolve)
      res.once("close", resolve)
      next()
    })
  locking
    .execute(`otp-check:${email}`, answered, { timeout: 10, expire: 30 })
    .catch((error: Error) => (started ? req.scope.resolve(ContainerRegistrationKeys.LOGGER).warn(error.message) : next(error)))
}

export const userOtpMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["POST"],
    matcher: "/auth/user/otp",
    middlewares: [validateAndTransformBody(PostUserOtp), requestCode],
  },
]
