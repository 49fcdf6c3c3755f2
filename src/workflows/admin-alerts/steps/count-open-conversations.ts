import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

/** The container key the concierge module will register under. */
export const CONCIERGE_MODULE_KEY = "concierge"

/** What the digest needs from the concierge module once it exists. */
type OpenConversationCounter = { countOpenConversations: () => Promise<number> }

const canCount = (service: unknown): service is OpenConversationCounter =>
  !!service && typeof (service as Partial<OpenConversationCounter>).countOpenConversations === "function"

export const countOpenConversationsStepId = "count-open-conversations"

/**
 * Open concierge conversations, or null while no concierge module is
 * registered (or it has no `countOpenConversations()`): the digest then says
 * the number is not available rather than showing 0.
 */
export const countOpenConversationsStep = createStep(countOpenConversationsStepId, async (_: void, { container }) => {
  const concierge = container.resolve<unknown>(CONCIERGE_MODULE_KEY, { allowUnregistered: true })
  return new StepResponse(canCount(concierge) ? await concierge.countOpenConversations() : null)
})
