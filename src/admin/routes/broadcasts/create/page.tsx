import { Alert, Button, Container, Heading, Text, toast } from "@medusajs/ui"
import { FormEvent, useMemo, useState } from "react"
import { Link, useNavigate } from "react-router-dom"
import { useCreateBroadcast } from "../../../hooks/broadcasts"
import { useDebouncedValue } from "../../../hooks/use-debounced-value"
import { AudienceFields } from "../components/audience-fields"
import { BroadcastFormState, checkForPreview, checkForSave, emptyBroadcastForm } from "../components/form-state"
import { MessageFields } from "../components/message-fields"
import { PreviewPanel } from "../components/preview-panel"
import { ScheduleField } from "../components/schedule-field"

const PREVIEW_DELAY_MS = 500

/** New broadcast: the form on the left, the server's live preview on the right. */
const CreateBroadcastPage = () => {
  const navigate = useNavigate()
  const [form, setForm] = useState<BroadcastFormState>(emptyBroadcastForm)
  const [showProblems, setShowProblems] = useState(false)
  const createBroadcast = useCreateBroadcast()

  const debouncedForm = useDebouncedValue(form, PREVIEW_DELAY_MS)
  const preview = useMemo(() => checkForPreview(debouncedForm), [debouncedForm])
  const save = checkForSave(form)

  const update = (patch: Partial<BroadcastFormState>) => setForm((current) => ({ ...current, ...patch }))

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!save.input) {
      setShowProblems(true)
      return
    }
    createBroadcast.mutate(save.input, {
      onSuccess: ({ broadcast }) => {
        toast.success(`Draft "${broadcast.name}" saved`)
        navigate(`/broadcasts/${broadcast.id}`)
      },
      onError: (error) => toast.error(error.message),
    })
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-y-3">
      <Container className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading>Create broadcast</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Saved as a draft: nothing is sent until you press Send on its page.
          </Text>
        </div>
        <div className="flex gap-x-2">
          <Button size="small" variant="secondary" type="button" asChild>
            <Link to="/broadcasts">Cancel</Link>
          </Button>
          <Button size="small" type="submit" isLoading={createBroadcast.isPending}>
            Save draft
          </Button>
        </div>
      </Container>

      <div className="grid grid-cols-1 gap-3 xl:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <Container className="flex flex-col gap-y-6 px-6 py-4">
          {/* At the top, next to Save draft: at the bottom of a long form it went unseen. */}
          {showProblems && save.problems.length > 0 && (
            <Alert variant="error" data-testid="broadcast-form-problems">
              <ul className="flex list-disc flex-col gap-y-1 pl-4">
                {save.problems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            </Alert>
          )}
          <MessageFields form={form} onChange={update} />
          <AudienceFields form={form} onChange={update} />
          <ScheduleField value={form.scheduledAt} onChange={(scheduledAt) => update({ scheduledAt })} />
        </Container>
        <PreviewPanel input={preview.input} problems={preview.problems} className="self-start" />
      </div>
    </form>
  )
}

export const handle = {
  breadcrumb: () => "Create broadcast",
}

export default CreateBroadcastPage
