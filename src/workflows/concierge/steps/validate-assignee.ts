import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export const validateAssigneeStepId = "validate-assignee"

/** An assignee must be an existing staff user; `null` unassigns. */
export const validateAssigneeStep = createStep(
  validateAssigneeStepId,
  async ({ user_id }: { user_id: string | null }, { container }) => {
    if (user_id === null) {
      return new StepResponse(null)
    }
    const [user] = await container.resolve(Modules.USER).listUsers({ id: user_id }, { select: ["id"], take: 1 })
    if (!user) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `There is no staff user ${user_id} to assign`)
    }
    return new StepResponse(user.id)
  }
)
