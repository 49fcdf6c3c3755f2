import { Plus, Trash } from "@medusajs/icons"
import { Alert, Button, IconButton, Input, Label, Text, Textarea, toast } from "@medusajs/ui"
import { FormEvent, KeyboardEvent, useState } from "react"
import { ConversationDetail, useSendReply } from "../../../hooks/concierge"
import { formatDateTime } from "../../../lib/format"
import { formatDuration } from "./format"
import {
  addVariable,
  checkTemplateReply,
  checkTextReply,
  emptyTemplateForm,
  removeVariable,
  replyErrorOf,
  replyModeOf,
  setVariable,
  TEMPLATE_MAX_VARIABLES,
  TemplateForm,
  TEXT_MAX_LENGTH,
} from "./reply-mode"

type Props = { conversation: ConversationDetail; now: number }

const WindowNote = ({ conversation, now }: Props) => {
  const mode = replyModeOf(conversation.reply_window, now)
  if (mode.mode === "text") {
    return (
      <Text size="small" className="text-ui-fg-subtle">
        WhatsApp allows free text for {formatDuration(mode.remainingMs)} more, until{" "}
        {formatDateTime(mode.closesAt)} (24 hours after the customer's last message). After that only an approved
        template can be sent.
      </Text>
    )
  }
  return (
    <Alert variant="warning">
      {mode.reason === "never_wrote"
        ? "The customer has not written on WhatsApp yet (this began on the store form), so WhatsApp only accepts " +
          "an approved message template. Once they reply, free text is allowed for 24 hours."
        : `The customer's last WhatsApp message was more than 24 hours ago (the window closed ` +
          `${formatDateTime(mode.closedAt)}), so WhatsApp only accepts an approved message template until they ` +
          `write again.`}
    </Alert>
  )
}

const TemplateFields = ({ form, onChange }: { form: TemplateForm; onChange: (form: TemplateForm) => void }) => (
  <div className="flex flex-col gap-y-3">
    <div className="grid grid-cols-1 gap-3 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
      <div className="flex flex-col gap-y-1">
        <Label htmlFor="concierge-template-name" size="small" weight="plus">
          Template name
        </Label>
        <Input
          id="concierge-template-name"
          size="small"
          placeholder="order_follow_up"
          value={form.name}
          onChange={(event) => onChange({ ...form, name: event.target.value })}
        />
        <Text size="xsmall" className="text-ui-fg-subtle">
          Exactly as approved in WhatsApp Manager.
        </Text>
      </div>
      <div className="flex flex-col gap-y-1">
        <Label htmlFor="concierge-template-language" size="small" weight="plus">
          Language
        </Label>
        <Input
          id="concierge-template-language"
          size="small"
          placeholder="en"
          value={form.language}
          onChange={(event) => onChange({ ...form, language: event.target.value })}
        />
      </div>
    </div>
    <div className="flex flex-col gap-y-2">
      <div className="flex items-center justify-between">
        <Label size="small" weight="plus">
          Variables
        </Label>
        <Button
          type="button"
          size="small"
          variant="transparent"
          disabled={form.variables.length >= TEMPLATE_MAX_VARIABLES}
          onClick={() => onChange({ ...form, variables: addVariable(form.variables) })}
        >
          <Plus />
          Add variable
        </Button>
      </div>
      {form.variables.length === 0 ? (
        <Text size="xsmall" className="text-ui-fg-subtle">
          None. Add one for each {"{{1}}"}, {"{{2}}"}… in the template's body, in order.
        </Text>
      ) : (
        form.variables.map((value, index) => (
          <div key={index} className="flex items-center gap-x-2">
            <Text size="xsmall" className="text-ui-fg-subtle w-10 shrink-0 font-mono">
              {`{{${index + 1}}}`}
            </Text>
            <div className="flex-1">
              <Input
                size="small"
                aria-label={`Variable ${index + 1}`}
                value={value}
                onChange={(event) =>
                  onChange({ ...form, variables: setVariable(form.variables, index, event.target.value) })
                }
              />
            </div>
            <IconButton
              type="button"
              size="small"
              variant="transparent"
              aria-label={`Remove variable ${index + 1}`}
              onClick={() => onChange({ ...form, variables: removeVariable(form.variables, index) })}
            >
              <Trash />
            </IconButton>
          </div>
        ))
      )}
    </div>
  </div>
)

/**
 * The reply box: free text inside WhatsApp's 24-hour window, an approved
 * template outside it (or by choice inside it). Server refusals (409 window
 * closed, 502 WhatsApp refused) are shown above the box.
 */
export const ReplyBox = ({ conversation, now }: Props) => {
  const send = useSendReply(conversation.id)
  const windowMode = replyModeOf(conversation.reply_window, now)
  const [chooseTemplate, setChooseTemplate] = useState(false)
  const [text, setText] = useState("")
  const [template, setTemplate] = useState<TemplateForm>(emptyTemplateForm)
  const [problems, setProblems] = useState<string[]>([])
  const [failure, setFailure] = useState<{ title: string; detail: string } | null>(null)
  const templateMode = windowMode.mode === "template" || chooseTemplate

  const submit = (event?: FormEvent) => {
    event?.preventDefault()
    const checked = templateMode ? checkTemplateReply(template) : checkTextReply(text)
    setProblems(checked.problems)
    if (!checked.input) {
      return
    }
    setFailure(null)
    send.mutate(checked.input, {
      onSuccess: () => {
        toast.success(templateMode ? "Template sent" : "Reply sent")
        if (templateMode) {
          setTemplate(emptyTemplateForm)
          setChooseTemplate(false)
        } else {
          setText("")
        }
      },
      onError: (error) => setFailure(replyErrorOf(error as Error & { status?: number })),
    })
  }

  const sendOnShortcut = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) {
      submit()
    }
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-y-3 px-6 py-4">
      <WindowNote conversation={conversation} now={now} />
      {failure && (
        <Alert variant="error" dismissible>
          <div className="flex flex-col gap-y-1">
            <Text size="small" weight="plus">
              {failure.title}
            </Text>
            <Text size="small">{failure.detail}</Text>
          </div>
        </Alert>
      )}
      {templateMode ? (
        <TemplateFields form={template} onChange={setTemplate} />
      ) : (
        <div className="flex flex-col gap-y-1">
          <Label htmlFor="concierge-reply" size="small" weight="plus">
            Reply
          </Label>
          <Textarea
            id="concierge-reply"
            rows={3}
            placeholder="Write to the customer on WhatsApp…"
            value={text}
            maxLength={TEXT_MAX_LENGTH}
            onChange={(event) => setText(event.target.value)}
            onKeyDown={sendOnShortcut}
          />
        </div>
      )}
      {problems.length > 0 && (
        <ul className="flex flex-col gap-y-0.5">
          {problems.map((problem) => (
            <li key={problem}>
              <Text size="small" className="text-ui-fg-error">
                {problem}
              </Text>
            </li>
          ))}
        </ul>
      )}
      <div className="flex items-center justify-between gap-x-2">
        {windowMode.mode === "text" ? (
          <Button
            type="button"
            size="small"
            variant="transparent"
            onClick={() => {
              setChooseTemplate((value) => !value)
              setProblems([])
            }}
          >
            {chooseTemplate ? "Write free text instead" : "Send a template instead"}
          </Button>
        ) : (
          <span />
        )}
        <div className="flex items-center gap-x-3">
          {!templateMode && (
            <Text size="xsmall" className="text-ui-fg-muted hidden sm:block">
              Ctrl/⌘ + Enter to send
            </Text>
          )}
          <Button type="submit" size="small" isLoading={send.isPending}>
            {templateMode ? "Send template" : "Send"}
          </Button>
        </div>
      </div>
    </form>
  )
}
