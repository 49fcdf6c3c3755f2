import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { previewBroadcastWorkflow } from "../../../../workflows/broadcast/preview-broadcast"
import { PostAdminBroadcastPreviewType } from "../validators"

export const POST = async (req: AuthenticatedMedusaRequest<PostAdminBroadcastPreviewType>, res: MedusaResponse) => {
  const { channel, subject, body, audience } = req.validatedBody
  const { result } = await previewBroadcastWorkflow(req.scope).run({
    input: { channel, subject: subject ?? null, body, audience },
  })
  res.json(result)
}
